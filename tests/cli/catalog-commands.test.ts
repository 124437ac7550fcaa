import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { claudeDesktopConfig, vscodeConfig } from "@/components/servers/connect-snippets";
import { M2M_APPS } from "../entra-emulator/helpers";
import { runCli, startCliTestRegistry, tempHome, type CliEnv, type CliTestRegistry } from "./support/cli-harness";

/**
 * whoami, servers, tools and connect, signed in as catalog-sync-job through the bundled Entra
 * emulator: each compared with what the API answers the same token.
 */
describe("mcp-registry catalog commands as catalog-sync-job", () => {
  let reg: CliTestRegistry;
  const home = tempHome();
  const env = (extra: CliEnv = {}): CliEnv => ({
    HOME: home.home,
    XDG_CONFIG_HOME: home.configHome,
    NODE_EXTRA_CA_CERTS: resolve(process.env.NODE_EXTRA_CA_CERTS!),
    ...extra,
  });
  const cached = () => JSON.parse(readFileSync(join(home.configHome, "mcp-registry", "credentials.json"), "utf8"));

  before(async () => {
    reg = await startCliTestRegistry();
    const login = await runCli(
      ["login", "--registry", reg.registryUrl, "--client-id", M2M_APPS.catalogSync.clientId],
      env({ MCP_REGISTRY_CLIENT_SECRET: M2M_APPS.catalogSync.secret }),
    );
    assert.equal(login.code, 0, login.stderr);
  });
  after(async () => {
    await reg?.close();
    home.remove();
  });

  /** The API's answer to the token the CLI cached. */
  async function api<T>(path: string): Promise<T> {
    const token = cached().registries[reg.registryUrl].token.accessToken as string;
    const response = await fetch(`${reg.registryUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200, `${path}: ${response.status}`);
    return (await response.json()) as T;
  }

  test("servers lists exactly what GET /api/servers answers that app (table and --json)", async () => {
    const fromApi = await api<{ items: { slug: string; name: string }[]; nextCursor: string | null }>(
      "/api/servers?limit=200",
    );
    assert.equal(fromApi.nextCursor, null);
    const table = await runCli(["servers"], env());
    assert.equal(table.code, 0, table.stderr);
    const lines = table.stdout.trimEnd().split("\n");
    assert.match(lines[0]!, /^SLUG\s+NAME\s+TOOLS\s+HEALTH\s+TAGS$/);
    assert.deepEqual(
      lines.slice(1).map((line) => line.split(/\s+/)[0]),
      fromApi.items.map((server) => server.slug),
    );
    const json = await runCli(["servers", "--json"], env());
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout), fromApi.items);
    const searched = await runCli(["servers", "--search", "git", "--json"], env());
    assert.deepEqual(
      JSON.parse(searched.stdout).map((server: { slug: string }) => server.slug),
      (await api<{ items: { slug: string }[] }>("/api/servers?q=git")).items.map((server) => server.slug),
    );
  });

  test("tools lists GET /api/tools across every visible server, in the API's order", async () => {
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { server: string; name: string }[]; nextCursor: string | null } = await api(
        `/api/tools?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      walked.push(...page.items.map((tool) => `${tool.server}/${tool.name}`));
      cursor = page.nextCursor;
    } while (cursor);
    const result = await runCli(["tools", "--json"], env());
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      JSON.parse(result.stdout).map((tool: { server: string; name: string }) => `${tool.server}/${tool.name}`),
      walked,
    );
    assert.ok(walked.length > 1);
  });

  test("whoami shows GET /api/me", async () => {
    const result = await runCli(["whoami"], env());
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^kind\s+m2m$/m);
    assert.match(result.stdout, /^name\s+catalog-sync-job$/m);
    assert.match(result.stdout, new RegExp(`^client\\s+${M2M_APPS.catalogSync.clientId}$`, "m"));
    assert.match(result.stdout, /^groups\s+catalog-readers$/m);
    const json = await runCli(["whoami", "--json"], env());
    assert.deepEqual(JSON.parse(json.stdout), await api("/api/me"));
  });

  test("tools --server github lists GET /api/servers/github/tools; --search filters by name or description", async () => {
    const fromApi = await api<{ items: { name: string; description: string }[] }>("/api/servers/github/tools");
    assert.ok(fromApi.items.length > 1);
    const table = await runCli(["tools", "--server", "github"], env());
    assert.equal(table.code, 0, table.stderr);
    const lines = table.stdout.trimEnd().split("\n");
    assert.match(lines[0]!, /^SERVER\s+TOOL\s+DESCRIPTION$/);
    assert.deepEqual(
      lines.slice(1).map((line) => line.split(/\s+/).slice(0, 2).join("/")),
      fromApi.items.map((tool) => `github/${tool.name}`),
    );
    const needle = fromApi.items[0]!.name.slice(0, 6);
    const searched = await runCli(["tools", "--server", "github", "--search", needle.toUpperCase(), "--json"], env());
    assert.equal(searched.code, 0, searched.stderr);
    assert.deepEqual(
      JSON.parse(searched.stdout),
      fromApi.items.filter(
        (tool) => tool.name.includes(needle) || tool.description.toLowerCase().includes(needle.toLowerCase()),
      ),
    );
    const missing = await runCli(["tools", "--server", "no-such-server"], env());
    assert.equal(missing.code, 3);
    assert.match(
      missing.stderr,
      /GET \/api\/servers\/no-such-server\/tools: 404 not_found: .* \(requestId [0-9a-f-]+\)/,
    );
    assert.match(missing.stderr, /does not exist or your groups do not grant it/);
  });

  test("connect github prints the gateway configuration for vscode, claude and json, never a token; the same snippets as the Connect panel", async () => {
    const endpoint = `${reg.registryUrl}/mcp/github`;
    const token = cached().registries[reg.registryUrl].token.accessToken as string;
    const vscode = await runCli(["connect", "github", "--client", "vscode"], env());
    assert.equal(vscode.code, 0, vscode.stderr);
    assert.deepEqual(JSON.parse(vscode.stdout), {
      inputs: [
        {
          type: "promptString",
          id: "mcp-registry-token",
          description: "MCP Registry API token (mcpr_…) or Entra ID access token",
          password: true,
        },
      ],
      servers: {
        github: { type: "http", url: endpoint, headers: { Authorization: "Bearer ${input:mcp-registry-token}" } },
      },
    });
    const claude = await runCli(["connect", "github", "--client", "claude"], env());
    assert.equal(claude.code, 0, claude.stderr);
    assert.deepEqual(JSON.parse(claude.stdout), {
      mcpServers: {
        github: {
          command: "npx",
          args: ["-y", "mcp-remote", endpoint, "--header", "Authorization:${MCP_REGISTRY_AUTH}"],
          env: { MCP_REGISTRY_AUTH: "Bearer <token>" },
        },
      },
    });
    assert.equal(vscode.stdout.trimEnd(), vscodeConfig("github", endpoint));
    assert.equal(claude.stdout.trimEnd(), claudeDesktopConfig("github", endpoint));
    const json = await runCli(["connect", "github", "--client", "json"], env());
    assert.deepEqual(JSON.parse(json.stdout), { url: endpoint, headers: { Authorization: "Bearer <token>" } });
    for (const output of [vscode, claude, json])
      assert.ok(!output.stdout.includes(token) && !output.stderr.includes(token));

    const badClient = await runCli(["connect", "github", "--client", "cursor"], env());
    assert.equal(badClient.code, 1);
    assert.match(badClient.stderr, /--client must be one of vscode, claude, json \(got "cursor"\)/);
    const invisible = await runCli(["connect", "no-such-server", "--client", "json"], env());
    assert.equal(invisible.code, 3);
    assert.equal(invisible.stdout, "");
  });
});
