import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { serve, type ServerType } from "@hono/node-server";
import { curlSnippet, msalSnippet, type CallApiParams } from "@/components/m2m-accounts/call-api-snippets";
import { apiApp } from "@/lib/api/create-api-app";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { seedDemo } from "@/prisma/seed/seed-demo";
import type { EntraEmulator } from "@/entra-emulator/server";
import { M2M_APPS, REGISTRY_APP, TENANT_ID, startTestEmulator } from "../entra-emulator/helpers";
import { useTestRegistry } from "../support/registry-env";

/**
 * docs/entra-id-m2m.md is tested: its Node sample is the file docs/samples/call-registry-with-entra.mjs,
 * run here against the bundled Entra emulator and the API application; its curl, Python and az
 * snippets ask for the same token (client credentials, `api://{id}/.default`, the tenant's v2 token endpoint).
 */
const PAGE = readFileSync("docs/entra-id-m2m.md", "utf8");
const SAMPLE_FILE = "docs/samples/call-registry-with-entra.mjs";

/** The fenced code block right after `<!-- snippet: name -->` in the page. */
function snippet(name: string): string {
  const match = new RegExp(`<!-- snippet: ${name} -->\\s*\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\``).exec(PAGE);
  assert.ok(match, `docs/entra-id-m2m.md has no code block marked <!-- snippet: ${name} -->`);
  return match[1]!;
}

/** What catalog-sync-job sees through its Registry.Read app role: every enabled demo server. */
const CATALOG_SYNC_SERVERS = [
  "confluence",
  "github",
  "jira",
  "postgres-analytics",
  "sentry",
  "slack",
  "stripe-payments",
  "web-search",
];

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(command, args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe("docs/entra-id-m2m.md against the bundled emulator", () => {
  let emulator: EntraEmulator;
  let server: ServerType;
  let registryUrl: string;
  let close: () => Promise<void>;

  before(async () => {
    emulator = await startTestEmulator();
    const registry = await useTestRegistry({ ENTRA_AUTHORITY_HOST: emulator.url });
    await dbReady();
    const system = { principal: null, requestId: "docs-test-setup", system: true };
    await ensureBuiltIns(getDb(), getConfig(), system);
    await seedDemo(getDb(), system);
    const port = await new Promise<number>((listening) => {
      server = serve(
        { fetch: apiApp().fetch, port: 0, hostname: "127.0.0.1", overrideGlobalObjects: false },
        (info: AddressInfo) => listening(info.port),
      );
    });
    registryUrl = `http://127.0.0.1:${port}`;
    close = registry.close;
  });

  after(async () => {
    await new Promise((closed) => server?.close(closed));
    await close?.();
    await emulator?.close();
  });

  /** The sample's environment for one demo app, as the page tells users to set it. */
  function sampleEnv(app: { clientId: string; secret: string }): NodeJS.ProcessEnv {
    return {
      NODE_ENV: "test",
      PATH: process.env.PATH,
      NODE_EXTRA_CA_CERTS: resolve(process.env.NODE_EXTRA_CA_CERTS!),
      TENANT_ID,
      CLIENT_ID: app.clientId,
      CLIENT_SECRET: app.secret,
      REGISTRY_API_CLIENT_ID: REGISTRY_APP.clientId,
      AUTHORITY_HOST: emulator.url,
      REGISTRY_URL: registryUrl,
    };
  }

  test("the page's Node sample is docs/samples/call-registry-with-entra.mjs, verbatim", () => {
    assert.equal(snippet("node-sample"), readFileSync(SAMPLE_FILE, "utf8"));
  });

  test("the Node sample, run as catalog-sync-job, prints the caller and the servers it can see", async () => {
    const { code, stdout, stderr } = await run(process.execPath, [SAMPLE_FILE], sampleEnv(M2M_APPS.catalogSync));
    assert.equal(code, 0, stderr);
    const lines = stdout.trim().split("\n");
    assert.equal(lines[0], "caller: m2m catalog-sync-job (groups: catalog-readers)");
    assert.equal(lines[1], `servers (${CATALOG_SYNC_SERVERS.length}):`);
    assert.deepEqual(
      lines.slice(2).map((line) => line.trim().split("\t")[0]),
      CATALOG_SYNC_SERVERS,
    );
  });

  test("the Node sample, run as the unlinked demo app, stops with the registry's 403 client_not_registered", async () => {
    const { code, stderr } = await run(process.execPath, [SAMPLE_FILE], sampleEnv(M2M_APPS.unlinkedAgent));
    assert.notEqual(code, 0);
    assert.match(stderr, /GET \/api\/me: 403 client_not_registered/);
  });

  test("the Node sample with a wrong secret stops with Entra's AADSTS7000215", async () => {
    const { code, stderr } = await run(
      process.execPath,
      [SAMPLE_FILE],
      sampleEnv({ ...M2M_APPS.catalogSync, secret: "wrong" }),
    );
    assert.notEqual(code, 0);
    assert.match(stderr, /AADSTS7000215/);
  });

  test("the curl snippet, run with the emulator's certificate, lists the same servers", async () => {
    const env = { ...sampleEnv(M2M_APPS.catalogSync), CURL_CA_BUNDLE: resolve(process.env.NODE_EXTRA_CA_CERTS!) };
    const { code, stdout, stderr } = await run("bash", ["-euo", "pipefail", "-c", snippet("curl")], env);
    assert.equal(code, 0, stderr);
    const body = JSON.parse(stdout) as { items: { slug: string }[]; nextCursor: string | null };
    assert.deepEqual(
      body.items.map((server) => server.slug),
      CATALOG_SYNC_SERVERS,
    );
  });
  /** What Settings > IAM > M2M Accounts > an account shows in "How to call the API" with the emulator on. */
  function panelParams(app: { clientId: string; secret: string }): CallApiParams {
    return {
      authorityHost: emulator.url,
      tenantId: TENANT_ID,
      clientId: app.clientId,
      apiClientId: REGISTRY_APP.clientId,
      registryUrl,
      customAuthority: true,
      caCertPath: resolve(process.env.NODE_EXTRA_CA_CERTS!),
      demoSecret: app.secret,
    };
  }

  test("the M2M account page's curl snippet runs as printed (no environment, no edits) and lists the servers", async () => {
    const { code, stdout, stderr } = await run(
      "bash",
      ["-eo", "pipefail", "-c", curlSnippet(panelParams(M2M_APPS.catalogSync))],
      { NODE_ENV: "test", PATH: process.env.PATH },
    );
    assert.equal(code, 0, stderr);
    assert.deepEqual(
      (JSON.parse(stdout) as { items: { slug: string }[] }).items.map((server) => server.slug),
      CATALOG_SYNC_SERVERS,
    );
  });

  test("the M2M account page's curl snippet with a wrong secret shows Entra's AADSTS error, not an empty token", async () => {
    const { code, stderr } = await run(
      "bash",
      ["-eo", "pipefail", "-c", curlSnippet({ ...panelParams(M2M_APPS.catalogSync), demoSecret: "wrong" })],
      { NODE_ENV: "test", PATH: process.env.PATH },
    );
    assert.notEqual(code, 0);
    assert.match(stderr, /AADSTS7000215/);
  });

  test("the M2M account page's msal-node snippet runs with the command line it prints", async () => {
    const code = msalSnippet(panelParams(M2M_APPS.catalogSync));
    const commandLine = /^\/\/ {3}(.*) node call-registry\.mjs$/m.exec(code)?.[1];
    assert.ok(commandLine, "the snippet prints how to run it");
    // Inside the project, so `@azure/msal-node` resolves as it would in the user's own project.
    const dir = mkdtempSync(resolve(".test-data", "snippet-"));
    try {
      writeFileSync(resolve(dir, "call-registry.mjs"), code);
      const result = await run(
        "bash",
        ["-c", `cd ${JSON.stringify(dir)} && ${commandLine} ${JSON.stringify(process.execPath)} call-registry.mjs`],
        { NODE_ENV: "test", PATH: process.env.PATH },
      );
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /slug: 'web-search'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("docs/entra-id-m2m.md: every way to get a token asks for the same one", () => {
  const scope = "api://$REGISTRY_API_CLIENT_ID/.default";

  test("curl: client_credentials at {authority}/{tenant}/oauth2/v2.0/token with scope api://{id}/.default", () => {
    const curl = snippet("curl");
    assert.match(curl, /-d grant_type=client_credentials/);
    assert.ok(curl.includes(`"$AUTHORITY_HOST/$TENANT_ID/oauth2/v2.0/token"`), "token endpoint");
    assert.ok(curl.includes(`-d "scope=${scope}"`), "scope");
    assert.ok(curl.includes("-d client_id=$CLIENT_ID"), "client id");
    assert.ok(curl.includes(`--data-urlencode "client_secret=$CLIENT_SECRET"`), "secret");
  });

  test("Python msal: acquire_token_for_client (client credentials) on authority {host}/{tenant}, same scope", () => {
    const python = snippet("python");
    assert.match(python, /msal\.ConfidentialClientApplication\(/);
    // msal builds the token endpoint as {authority}/oauth2/v2.0/token.
    assert.ok(
      python.includes(
        "authority=f\"{os.environ.get('AUTHORITY_HOST', 'https://login.microsoftonline.com')}/{os.environ['TENANT_ID']}\"",
      ),
      "authority",
    );
    assert.ok(python.includes('client_id=os.environ["CLIENT_ID"]'), "client id");
    assert.ok(python.includes('client_credential=os.environ["CLIENT_SECRET"]'), "secret");
    assert.ok(
      python.includes("acquire_token_for_client(scopes=[f\"api://{os.environ['REGISTRY_API_CLIENT_ID']}/.default\"])"),
      "scope",
    );
  });

  test("az: signed in as the service principal in the tenant; --resource api://{id} is scope api://{id}/.default", () => {
    const az = snippet("az");
    assert.ok(
      az.includes(
        'az login --service-principal --username "$CLIENT_ID" --password "$CLIENT_SECRET" --tenant "$TENANT_ID"',
      ),
      "service principal sign-in",
    );
    assert.ok(az.includes('az account get-access-token --resource "api://$REGISTRY_API_CLIENT_ID"'), "resource");
  });

  test("the Node sample: client credentials at {authority}/{tenant}, same scope", () => {
    const sample = readFileSync(SAMPLE_FILE, "utf8");
    assert.ok(
      sample.includes("acquireTokenByClientCredential({ scopes: [`api://${apiClientId}/.default`] })"),
      "scope",
    );
    assert.ok(sample.includes("authority: `${authorityHost}/${tenantId}`"), "authority");
  });
});
