import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BUILT_IN_ADMIN_GROUP } from "@/lib/access/permissions";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { createGroup } from "@/lib/iam/groups/create-group";
import { updateGroup } from "@/lib/iam/groups/update-group";
import { createM2mAccount } from "@/lib/iam/m2m-accounts/create-m2m-account";
import { createUser } from "@/lib/iam/users/create-user";
import { createServer } from "@/lib/servers/create-server";
import { systemContext } from "@/lib/system-context";
import { DEMO_SERVERS } from "./catalog";

interface DemoTenant {
  id: string;
  apps: { clientId: string; displayName: string }[];
  groups: { id: string; displayName: string }[];
  users: { objectId: string; displayName: string; userPrincipalName: string }[];
}

export function loadDemoTenant(): DemoTenant {
  const file = JSON.parse(readFileSync(join(process.cwd(), "entra-emulator", "demo-tenant.json"), "utf8")) as {
    tenants: DemoTenant[];
  };
  return file.tenants[0]!;
}

function byName<T extends { displayName: string }>(items: T[], name: string): T {
  const found = items.find((item) => item.displayName === name);
  if (!found) throw new Error(`demo-tenant.json has no "${name}"`);
  return found;
}

/**
 * Seeds an empty database with the demo catalog, groups, users and M2M accounts matching the
 * Entra emulator's demo tenant — through the same lib/ operations the API uses.
 */
export async function seedDemo(db: Db, ctx: AuditContext): Promise<void> {
  const tenant = loadDemoTenant();
  // The seed is the registry acting on its own: only the request id is taken from the caller.
  const system = systemContext(db, ctx.requestId);
  for (const server of DEMO_SERVERS) await createServer(system, server);

  await updateGroup(system, {
    name: BUILT_IN_ADMIN_GROUP,
    changes: {
      entraMappings: { groups: [byName(tenant.groups, "Registry Admins").id], appRoles: ["Registry.Admin"] },
    },
  });
  await createGroup(system, {
    name: "catalog-readers",
    description: "Read-only: lists every server and tool, calls nothing.",
    entraMappings: { groups: [], appRoles: ["Registry.Read"] },
    serverAccess: [{ server: "*", methods: ["tools/list", "resources/list", "prompts/list"], tools: ["*"] }],
    permissions: [],
  });
  await createGroup(system, {
    name: "team-payments",
    description: "Payments engineering: payments tooling plus read access to GitHub issues.",
    entraMappings: { groups: [byName(tenant.groups, "Payments Engineering").id], appRoles: [] },
    serverAccess: [
      { server: "stripe-payments", methods: ["*"], tools: ["*"] },
      { server: "github", methods: ["tools/list", "tools/call"], tools: ["search_issues", "get_pull_request"] },
      { server: "sentry", methods: ["tools/list", "tools/call"], tools: ["list_issues", "get_event"] },
    ],
    permissions: ["tokens:create"],
  });

  const adele = byName(tenant.users, "Adele Vance");
  const alex = byName(tenant.users, "Alex Wilber");
  const megan = byName(tenant.users, "Megan Bowen");
  await createUser(system, {
    tenantId: tenant.id,
    objectId: adele.objectId,
    displayName: adele.displayName,
    email: adele.userPrincipalName,
    groups: [BUILT_IN_ADMIN_GROUP],
    enabled: true,
  });
  await createUser(system, {
    tenantId: tenant.id,
    objectId: alex.objectId,
    displayName: alex.displayName,
    email: alex.userPrincipalName,
    groups: [],
    enabled: true,
  });
  await createUser(system, {
    tenantId: tenant.id,
    objectId: megan.objectId,
    displayName: megan.displayName,
    email: megan.userPrincipalName,
    groups: ["team-payments"],
    enabled: false,
  });

  const payments = byName(tenant.apps, "payments-ci-pipeline");
  const sync = byName(tenant.apps, "catalog-sync-job");
  await createM2mAccount(system, {
    tenantId: tenant.id,
    clientId: payments.clientId,
    name: "payments-ci-pipeline",
    description: "CI pipeline of the payments service.",
    groups: ["team-payments"],
    enabled: true,
  });
  await createM2mAccount(system, {
    tenantId: tenant.id,
    clientId: sync.clientId,
    name: "catalog-sync-job",
    description: "Nightly catalog sync; its access comes from the Registry.Read app role.",
    groups: [],
    enabled: true,
  });
}

/** Empty = nothing an admin created: no servers, no users (bootstrap M2M accounts don't count). */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await db.server.count()) === 0 && (await db.user.count()) === 0;
}
