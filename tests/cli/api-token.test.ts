import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { createSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import { BUILT_IN_ADMIN_GROUP } from "@/lib/access/permissions";
import { createUser } from "@/lib/iam/users/create-user";
import { createServer } from "@/lib/servers/create-server";
import { TENANT_ID } from "../entra-emulator/helpers";
import { runCli, startCliTestRegistry, tempHome, type CliEnv, type CliTestRegistry } from "./support/cli-harness";
import { systemContext } from "@/lib/system-context";

/**
 * The CLI with a registry API token (MCP_REGISTRY_TOKEN=mcpr_…) instead of Entra: used from the
 * environment, never written to disk; lists that span several pages are followed to the end.
 */
const SYSTEM = { principal: null, requestId: "cli-token-test", system: true };

describe("mcp-registry CLI with a registry API token", () => {
  let reg: CliTestRegistry;
  let token: string;
  let revokedToken: string;
  const home = tempHome();
  const env = (extra: CliEnv = {}): CliEnv => ({
    HOME: home.home,
    XDG_CONFIG_HOME: home.configHome,
    NODE_EXTRA_CA_CERTS: resolve(process.env.NODE_EXTRA_CA_CERTS!),
    ...extra,
  });

  async function mint(session: string, name: string): Promise<{ id: string; token: string }> {
    const response = await fetch(`${reg.registryUrl}/api/tokens`, {
      method: "POST",
      headers: {
        cookie: `registry_session=${session}`,
        "sec-fetch-site": "same-origin",
        "content-type": "application/json",
      },
      body: JSON.stringify({ name, expiresInHours: 1 }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as { id: string; token: string };
  }

  before(async () => {
    reg = await startCliTestRegistry();
    // More servers than one page of 200: the CLI must follow nextCursor.
    for (let index = 0; index < 205; index++) {
      await createServer(systemContext(getDb(), SYSTEM.requestId), {
        slug: `bulk-${String(index).padStart(3, "0")}`,
        name: `Bulk ${index}`,
        description: "",
        url: "https://bulk.example/mcp",
        transport: "streamable-http",
        tags: [],
        version: "",
        enabled: true,
      });
    }
    const admin = await createUser(systemContext(getDb(), SYSTEM.requestId), {
      tenantId: TENANT_ID,
      objectId: "c11c11c1-0000-4000-8000-000000000001",
      displayName: "Cli Admin",
      groups: [BUILT_IN_ADMIN_GROUP],
      enabled: true,
    });
    const { sessionId } = await createSession(getDb(), admin.id, 1);
    token = (await mint(sessionId, "cli")).token;
    const revoked = await mint(sessionId, "revoked");
    revokedToken = revoked.token;
    const response = await fetch(`${reg.registryUrl}/api/tokens/${revoked.id}`, {
      method: "DELETE",
      headers: { cookie: `registry_session=${sessionId}`, "sec-fetch-site": "same-origin" },
    });
    assert.equal(response.status, 204);
  });
  after(async () => {
    await reg?.close();
    home.remove();
  });

  test("login with MCP_REGISTRY_TOKEN checks the token and remembers only the registry", async () => {
    const result = await runCli(["login", "--registry", reg.registryUrl], env({ MCP_REGISTRY_TOKEN: token }));
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /^MCP_REGISTRY_TOKEN works on http:\/\/127\.0\.0\.1:\d+: token cli \(token of Cli Admin\) \(groups: registry-admins\)\./,
    );
    const file = join(home.configHome, "mcp-registry", "credentials.json");
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const text = readFileSync(file, "utf8");
    assert.ok(!text.includes(token), "the API token stays in the environment");
    assert.equal(JSON.parse(text).currentRegistry, reg.registryUrl);
  });

  test("whoami and servers with the token; servers follows nextCursor past the first page of 200", async () => {
    const me = await runCli(["whoami"], env({ MCP_REGISTRY_TOKEN: token }));
    assert.equal(me.code, 0, me.stderr);
    assert.match(me.stdout, /^kind\s+token$/m);
    assert.match(me.stdout, /^name\s+cli \(token of Cli Admin\)$/m);

    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await fetch(
        `${reg.registryUrl}/api/servers?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      const page = (await response.json()) as { items: { slug: string }[]; nextCursor: string | null };
      walked.push(...page.items.map((server) => server.slug));
      cursor = page.nextCursor;
    } while (cursor);
    assert.ok(walked.length > 200, `${walked.length} servers`);

    const result = await runCli(["servers", "--json"], env({ MCP_REGISTRY_TOKEN: token }));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      JSON.parse(result.stdout).map((server: { slug: string }) => server.slug),
      walked,
    );
  });

  test("a revoked token: 401 invalid_token with the requestId and what to do, exit 2", async () => {
    const result = await runCli(["servers"], env({ MCP_REGISTRY_TOKEN: revokedToken }));
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /GET \/api\/servers: 401 invalid_token: .+ \(requestId [0-9a-f-]+\)\nMCP_REGISTRY_TOKEN was refused: it is wrong, expired or revoked\./,
    );
  });

  test("--help for every command; an unknown command or option is a usage error (exit 1)", async () => {
    for (const command of ["login", "whoami", "servers", "tools", "connect"]) {
      const result = await runCli([command, "--help"], env());
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`^Usage: mcp-registry ${command}`));
    }
    const overview = await runCli(["--help"], env());
    assert.match(
      overview.stdout,
      /Exit codes: 0 ok, 1 usage error, 2 authentication or access refused, 3 registry or network error\./,
    );
    const unknown = await runCli(["deploy"], env());
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Unknown command "deploy"/);
    const badOption = await runCli(["servers", "--colour"], env());
    assert.equal(badOption.code, 1);
    assert.match(badOption.stderr, /Unknown option '--colour'\. See `mcp-registry servers --help`\./);
  });
});
