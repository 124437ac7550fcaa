import { BUILT_IN_ADMIN_GROUP, PERMISSIONS } from "@/lib/access/permissions";
import { auditedChange } from "@/lib/audit/audited-change";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import type { RegistryConfig } from "@/lib/config";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { systemContext } from "@/lib/system-context";
import { createGroup } from "./groups/create-group";

/**
 * Runs at every start: the built-in registry-admins group exists with every permission, and
 * each REGISTRY_BOOTSTRAP_M2M_ADMINS pair is an M2M account in it (SPEC §2.4), created enabled.
 * Every change it makes is audited in its own transaction (which also bumps the IAM generation,
 * so running instances see it); an account an admin disabled stays disabled, with a warning.
 */
export async function ensureBuiltIns(db: Db, config: RegistryConfig, ctx: AuditContext): Promise<void> {
  let admins = await db.group.findUnique({ where: { name: BUILT_IN_ADMIN_GROUP } });
  if (!admins) {
    await createGroup(
      systemContext(db, ctx.requestId),
      {
        name: BUILT_IN_ADMIN_GROUP,
        description: "Built in: manages the registry (IAM, catalog, audit).",
        entraMappings: { groups: [], appRoles: [] },
        serverAccess: [{ server: "*", methods: ["*"], tools: ["*"] }],
        permissions: [...PERMISSIONS],
      },
      { builtIn: true },
    );
    admins = (await db.group.findUnique({ where: { name: BUILT_IN_ADMIN_GROUP } }))!;
  }
  const adminsId = admins.id;

  for (const { tenantId, clientId } of config.bootstrap.m2mAdmins) {
    await auditedChange(db, ctx, async ({ tx, record }) => {
      let account = await tx.m2mAccount.findUnique({ where: { tenantId_clientId: { tenantId, clientId } } });
      if (!account) {
        account = await tx.m2mAccount.create({
          data: {
            tenantId,
            clientId,
            name: `bootstrap ${clientId.slice(0, 8)}`,
            description: "From REGISTRY_BOOTSTRAP_M2M_ADMINS.",
            createdByName: "bootstrap",
          },
        });
        record({
          action: "m2m-account.create",
          target: { type: "m2m-account", id: account.id, name: account.name },
          after: { tenantId, clientId, enabled: true },
          reason: "REGISTRY_BOOTSTRAP_M2M_ADMINS",
        });
      } else if (!account.enabled) {
        // An admin disabled it on purpose (e.g. a leaked pipeline secret): a restart must not
        // silently undo that decision. Re-enabling is an explicit, audited IAM change.
        log.warn("bootstrap M2M admin is disabled and stays disabled; re-enable it in Settings > IAM > M2M Accounts", {
          m2mAccountId: account.id,
          tenantId,
          clientId,
        });
      }
      const membership = await tx.m2mAccountGroup.findUnique({
        where: { m2mAccountId_groupId: { m2mAccountId: account.id, groupId: adminsId } },
      });
      if (!membership) {
        await tx.m2mAccountGroup.create({ data: { m2mAccountId: account.id, groupId: adminsId } });
        record({
          action: "m2m-account.bootstrap",
          target: { type: "m2m-account", id: account.id, name: account.name },
          after: { tenantId, clientId, groups: [BUILT_IN_ADMIN_GROUP] },
        });
      }
    });
  }
}
