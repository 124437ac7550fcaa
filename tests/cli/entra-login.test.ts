import assert from "node:assert/strict";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { M2M_APPS, REGISTRY_APP, TENANT_ID } from "../entra-emulator/helpers";
import { runCli, startCliTestRegistry, tempHome, type CliEnv, type CliTestRegistry } from "./support/cli-harness";

/**
 * The CLI end to end as catalog-sync-job: login through the bundled Entra emulator (client
 * credentials, the scope discovered from the registry's RFC 9728 metadata), the token cache and its
 * renewal, and every refusal mapped to its fix and exit code. The catalog commands: catalog-commands.test.ts.
 */
const CA = resolve(process.env.NODE_EXTRA_CA_CERTS!);

/** A port nothing listens on: bound by the system, then released. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

describe("mcp-registry CLI with an Entra ID app (client credentials)", () => {
  let reg: CliTestRegistry;
  const home = tempHome();
  const credentialsFile = join(home.configHome, "mcp-registry", "credentials.json");

  before(async () => {
    reg = await startCliTestRegistry();
  });
  after(async () => {
    await reg?.close();
    home.remove();
  });

  /** The environment of a user whose config lives in the temp home; the secret only when given. */
  function env(extra: CliEnv = {}, where = home): CliEnv {
    return { HOME: where.home, XDG_CONFIG_HOME: where.configHome, NODE_EXTRA_CA_CERTS: CA, ...extra };
  }
  const syncSecret = { MCP_REGISTRY_CLIENT_SECRET: M2M_APPS.catalogSync.secret };
  const loginArgs = (app: { clientId: string }) => [
    "login",
    "--registry",
    reg.registryUrl,
    "--client-id",
    app.clientId,
  ];
  const cached = () => JSON.parse(readFileSync(credentialsFile, "utf8"));

  test("login as catalog-sync-job: scope, tenant and authority from the registry's metadata; token cached 0600 in a 0700 directory, no secret", async () => {
    const result = await runCli(loginArgs(M2M_APPS.catalogSync), env(syncSecret));
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /^Logged in to http:\/\/127\.0\.0\.1:\d+ as m2m catalog-sync-job \(groups: catalog-readers\)\./,
    );
    assert.equal(statSync(credentialsFile).mode & 0o777, 0o600);
    assert.equal(statSync(join(home.configHome, "mcp-registry")).mode & 0o777, 0o700);
    const text = readFileSync(credentialsFile, "utf8");
    assert.ok(!text.includes(M2M_APPS.catalogSync.secret), "the secret is never stored");
    const entry = cached().registries[reg.registryUrl];
    assert.equal(cached().currentRegistry, reg.registryUrl);
    assert.deepEqual(entry.login, {
      tenantId: TENANT_ID,
      clientId: M2M_APPS.catalogSync.clientId,
      authorityHost: reg.emulator.url,
      scope: `api://${REGISTRY_APP.clientId}/.default`,
      secretEnv: "MCP_REGISTRY_CLIENT_SECRET",
    });
    assert.ok(Date.parse(entry.token.expiresOn) > Date.now() + 10 * 60_000, "expiry from Entra's expires_in");
    const [, payload] = (entry.token.accessToken as string).split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
    assert.equal(claims.aud, REGISTRY_APP.clientId);
    assert.equal(claims.azp ?? claims.appid, M2M_APPS.catalogSync.clientId);
  });

  test("the cached token is reused: no secret needed, the cache file untouched", async () => {
    const before = readFileSync(credentialsFile, "utf8");
    const mtime = statSync(credentialsFile).mtimeMs;
    // No MCP_REGISTRY_CLIENT_SECRET: had the CLI gone to Entra's token endpoint it could not have signed in.
    const result = await runCli(["servers", "--json"], env());
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(credentialsFile, "utf8"), before);
    assert.equal(statSync(credentialsFile).mtimeMs, mtime);
  });

  test("an expired cached token: with the secret's variable set the CLI signs in again; without it, exit 2 saying what to set", async () => {
    const config = cached();
    const oldToken = config.registries[reg.registryUrl].token.accessToken;
    config.registries[reg.registryUrl].token.expiresOn = new Date(Date.now() - 1000).toISOString();
    writeFileSync(credentialsFile, JSON.stringify(config));

    const refused = await runCli(["servers"], env());
    assert.equal(refused.code, 2);
    assert.match(
      refused.stderr,
      /The cached token for http:\/\/127\.0\.0\.1:\d+ expired at .*\. Set MCP_REGISTRY_CLIENT_SECRET to the client secret of app 82f936e6/,
    );

    const renewed = await runCli(["servers", "--json"], env(syncSecret));
    assert.equal(renewed.code, 0, renewed.stderr);
    assert.equal(JSON.parse(renewed.stdout).length, 8);
    const token = cached().registries[reg.registryUrl].token;
    assert.ok(Date.parse(token.expiresOn) > Date.now() + 10 * 60_000, "a fresh token was cached");
    assert.notEqual(token.accessToken, oldToken);
    assert.equal(statSync(credentialsFile).mode & 0o777, 0o600);
  });

  test("a fresh cached token the registry refuses (401): renewed once when the secret is at hand, else exit 2 saying to log in again", async () => {
    const config = cached();
    const entry = config.registries[reg.registryUrl];
    const [header, payload] = (entry.token.accessToken as string).split(".");
    entry.token.accessToken = `${header}.${payload}.${Buffer.from("not the signature").toString("base64url")}`;
    writeFileSync(credentialsFile, JSON.stringify(config));

    const refused = await runCli(["whoami"], env());
    assert.equal(refused.code, 2);
    assert.match(
      refused.stderr,
      /GET \/api\/me: 401 invalid_token: .+ \(requestId [0-9a-f-]+\)\nThe registry refused the token\. Run `mcp-registry login` again/,
    );

    const renewed = await runCli(["whoami"], env(syncSecret));
    assert.equal(renewed.code, 0, renewed.stderr);
    assert.match(renewed.stdout, /^name\s+catalog-sync-job$/m);
    assert.notEqual(cached().registries[reg.registryUrl].token.accessToken, entry.token.accessToken);
  });

  test("a wrong secret: AADSTS7000215 with what to fix, exit 2, the cache left alone", async () => {
    const before = readFileSync(credentialsFile, "utf8");
    const result = await runCli(loginArgs(M2M_APPS.catalogSync), env({ MCP_REGISTRY_CLIENT_SECRET: "not-the-secret" }));
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Entra ID refused the sign-in: AADSTS7000215\./);
    assert.match(
      result.stderr,
      /The client secret is wrong\. Put the secret's Value \(not its Secret ID\) of app 82f936e6-5b85-4bd1-b012-93cebad3fb38 in MCP_REGISTRY_CLIENT_SECRET/,
    );
    assert.ok(!result.stderr.includes("not-the-secret"));
    assert.equal(readFileSync(credentialsFile, "utf8"), before);
  });

  test("--client-secret-env names the variable; --client-secret is refused as a usage error", async () => {
    const other = tempHome();
    try {
      const named = await runCli(
        [...loginArgs(M2M_APPS.catalogSync), "--client-secret-env", "SYNC_SECRET"],
        env({ SYNC_SECRET: M2M_APPS.catalogSync.secret }, other),
      );
      assert.equal(named.code, 0, named.stderr);
      const stored = JSON.parse(readFileSync(join(other.configHome, "mcp-registry", "credentials.json"), "utf8"));
      assert.equal(stored.registries[reg.registryUrl].login.secretEnv, "SYNC_SECRET");
      const unset = await runCli(
        [...loginArgs(M2M_APPS.catalogSync), "--client-secret-env", "SYNC_SECRET"],
        env({}, other),
      );
      assert.equal(unset.code, 1);
      assert.match(unset.stderr, /SYNC_SECRET is not set/);
      const plain = await runCli([...loginArgs(M2M_APPS.catalogSync), "--client-secret", "x"], env({}, other));
      assert.equal(plain.code, 1);
      assert.match(
        plain.stderr,
        /--client-secret is not accepted: a secret on the command line lands in shell history/,
      );
    } finally {
      other.remove();
    }
  });

  test("the unlinked app: Entra issues a token, the registry answers 403 client_not_registered; exit 2, nothing cached", async () => {
    const other = tempHome();
    try {
      const result = await runCli(
        loginArgs(M2M_APPS.unlinkedAgent),
        env({ MCP_REGISTRY_CLIENT_SECRET: M2M_APPS.unlinkedAgent.secret }, other),
      );
      assert.equal(result.code, 2);
      assert.match(result.stderr, /GET \/api\/me: 403 client_not_registered: .+ \(requestId [0-9a-f-]+\)/);
      assert.match(
        result.stderr,
        /Ask a registry admin to link it \(tenant id \+ client id\) in Settings > IAM > M2M Accounts/,
      );
      assert.throws(() => statSync(join(other.configHome, "mcp-registry", "credentials.json")), { code: "ENOENT" });
    } finally {
      other.remove();
    }
  });

  test("Entra refusals are mapped to their fix: unknown app (700016), unknown tenant (90002), scope without /.default (1002012), unknown resource (500011)", async () => {
    const other = tempHome();
    try {
      const unknownApp = await runCli(
        ["login", "--registry", reg.registryUrl, "--client-id", "00000000-0000-4000-8000-000000000001"],
        env(syncSecret, other),
      );
      assert.equal(unknownApp.code, 2);
      assert.match(
        unknownApp.stderr,
        /AADSTS700016\.\nApp 00000000-0000-4000-8000-000000000001 was not found in tenant 77ac5383/,
      );
      const unknownTenant = await runCli(
        [...loginArgs(M2M_APPS.catalogSync), "--tenant", "00000000-0000-4000-8000-000000000002"],
        env(syncSecret, other),
      );
      assert.equal(unknownTenant.code, 2);
      assert.match(
        unknownTenant.stderr,
        /AADSTS90002\.\nTenant 00000000-0000-4000-8000-000000000002 was not found\. Check --tenant/,
      );
      const scope = await runCli(
        [...loginArgs(M2M_APPS.catalogSync), "--scope", `api://${REGISTRY_APP.clientId}/Registry.Read`],
        env(syncSecret, other),
      );
      assert.equal(scope.code, 2);
      assert.match(
        scope.stderr,
        /AADSTS1002012\.\nThe scope api:\/\/81382876-ac08-4e70-a240-ad7c89ed8dfe\/Registry\.Read must end with \/\.default/,
      );
      const resource = await runCli(
        [...loginArgs(M2M_APPS.catalogSync), "--scope", "api://00000000-0000-4000-8000-000000000003/.default"],
        env(syncSecret, other),
      );
      assert.equal(resource.code, 2);
      assert.match(
        resource.stderr,
        /AADSTS500011\.\nThe resource of scope api:\/\/00000000-0000-4000-8000-000000000003\/\.default was not found in tenant 77ac5383-74a0-4b68-ae2c-83504351a44e\./,
      );
    } finally {
      other.remove();
    }
  });

  test("the emulator's self-signed certificate without NODE_EXTRA_CA_CERTS: exit 2 naming the variable", async () => {
    const other = tempHome();
    try {
      const result = await runCli(loginArgs(M2M_APPS.catalogSync), {
        HOME: other.home,
        XDG_CONFIG_HOME: other.configHome,
        ...syncSecret,
      });
      assert.equal(result.code, 2);
      assert.match(
        result.stderr,
        /The TLS certificate of localhost:\d+ is not trusted \([A-Z_]+\)\. .*point NODE_EXTRA_CA_CERTS at its PEM file/,
      );
    } finally {
      other.remove();
    }
  });

  test("not logged in, no registry, a registry that is down: exit codes 2, 1 and 3 with what to do", async () => {
    const other = tempHome();
    try {
      const notLoggedIn = await runCli(["servers", "--registry", reg.registryUrl], env({}, other));
      assert.equal(notLoggedIn.code, 2);
      assert.match(
        notLoggedIn.stderr,
        /Not logged in to http:\/\/127\.0\.0\.1:\d+\. Run `mcp-registry login --registry .* --client-id <app id>`.*or set MCP_REGISTRY_TOKEN/,
      );
      const noRegistry = await runCli(["whoami"], env({}, other));
      assert.equal(noRegistry.code, 1);
      assert.match(noRegistry.stderr, /No registry: pass --registry <url>/);
      const closedPort = await freePort();
      const down = await runCli(
        ["whoami", "--registry", `http://127.0.0.1:${closedPort}`],
        env({ MCP_REGISTRY_TOKEN: "mcpr_x" }, other),
      );
      assert.equal(down.code, 3);
      assert.match(
        down.stderr,
        new RegExp(`Nothing answers at 127\\.0\\.0\\.1:${closedPort} \\(connection refused\\)\\. Check the URL`),
      );
    } finally {
      other.remove();
    }
  });
});
