import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";

export const SIZES = { servers: 10_000, toolsPerServer: 20, groups: 1_000, m2mAccounts: 10_000 };

/**
 * Fills a migrated SQLite database with the SPEC §10 scale in one transaction (raw inserts:
 * this is load generation, not product behaviour). Returns the client id of the M2M account
 * whose restricted group the benchmark calls with.
 */
export function generateCatalog(
  file: string,
  tenantId: string,
  gateway?: { slug: string; url: string; tools: string[] },
): { clientId: string } {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  const now = new Date().toISOString();
  const insertServer = db.prepare(
    `INSERT INTO Server (id, slug, name, description, url, transport, version, enabled, healthStatus, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 'streamable-http', '1.0.0', 1, 'up', ?, ?)`,
  );
  const insertTag = db.prepare(`INSERT INTO ServerTag (serverId, tag) VALUES (?, ?)`);
  const insertTool = db.prepare(
    `INSERT INTO Tool (id, serverId, name, description, inputSchema, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertGroup = db.prepare(
    `INSERT INTO "Group" (id, name, description, builtIn, permissions, createdAt, updatedAt, version) VALUES (?, ?, '', 0, '[]', ?, ?, 1)`,
  );
  const insertRule = db.prepare(
    `INSERT INTO ServerAccessRule (id, groupId, position, server, methods, tools) VALUES (?, ?, ?, ?, '["*"]', ?)`,
  );
  const insertAccount = db.prepare(
    `INSERT INTO M2mAccount (id, tenantId, clientId, name, description, enabled, createdAt, updatedAt, version) VALUES (?, ?, ?, ?, '', 1, ?, ?, 1)`,
  );
  const insertMembership = db.prepare(
    `INSERT INTO M2mAccountGroup (m2mAccountId, groupId, createdAt) VALUES (?, ?, ?)`,
  );
  const schema = JSON.stringify({
    type: "object",
    properties: { query: { type: "string", description: "What to look for" }, limit: { type: "integer" } },
    required: ["query"],
  });
  const verbs = ["search", "get", "list", "create", "update", "delete", "sync", "export", "import", "describe"];
  const nouns = ["issues", "invoices", "tickets", "documents", "metrics"];

  let clientId = "";
  db.transaction(() => {
    for (let s = 0; s < SIZES.servers; s++) {
      const id = randomUUID();
      const slug = `server-${String(s).padStart(5, "0")}`;
      insertServer.run(
        id,
        slug,
        `Server ${s}`,
        `Generated MCP server number ${s} for load testing`,
        `https://mcp.example.test/${slug}`,
        now,
        now,
      );
      insertTag.run(id, `team-${s % 50}`);
      for (let t = 0; t < SIZES.toolsPerServer; t++) {
        insertTool.run(
          randomUUID(),
          id,
          `${verbs[t % verbs.length]}_${nouns[Math.floor(t / verbs.length) % nouns.length]}_${t}`,
          `Tool ${t} of ${slug}`,
          schema,
          now,
          now,
        );
      }
    }
    const groupIds: string[] = [];
    for (let g = 0; g < SIZES.groups; g++) {
      const id = randomUUID();
      groupIds.push(id);
      insertGroup.run(id, `group-${String(g).padStart(4, "0")}`, now, now);
      // Each group: 20 servers, half with every tool, half with three named tools.
      for (let r = 0; r < 20; r++) {
        const server = `server-${String((g * 20 + r) % SIZES.servers).padStart(5, "0")}`;
        insertRule.run(
          randomUUID(),
          id,
          r,
          server,
          r % 2 === 0 ? '["*"]' : '["search_issues_0","get_issues_1","list_issues_2"]',
        );
      }
    }
    if (gateway) {
      // A real upstream for the gateway rows, granted to group-0000: every method, every tool but the last
      // (so tools/list answers are filtered, as they would be in use).
      const id = randomUUID();
      insertServer.run(
        id,
        gateway.slug,
        "Bench upstream",
        "The gateway benchmark's MCP upstream",
        gateway.url,
        now,
        now,
      );
      for (const name of gateway.tools) insertTool.run(randomUUID(), id, name, `Bench tool ${name}`, schema, now, now);
      insertRule.run(randomUUID(), groupIds[0]!, 20, gateway.slug, JSON.stringify(gateway.tools.slice(0, -1)));
    }
    for (let a = 0; a < SIZES.m2mAccounts; a++) {
      const id = randomUUID();
      const accountClientId = randomUUID();
      if (a === 0) clientId = accountClientId;
      insertAccount.run(id, tenantId, accountClientId, `account-${a}`, now, now);
      insertMembership.run(id, groupIds[a % groupIds.length]!, now);
    }
  })();
  db.close();
  return { clientId };
}
