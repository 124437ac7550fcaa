import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { VerifiedEntraToken } from "./entra/verify-entra-token";
import { auditGroupsOverage } from "./audit-groups-overage";
import { resolveEntraGroupIds } from "./groups-overage/resolve-entra-group-ids";
import type { M2mPrincipal, Principal } from "./principal";
import { loadM2mGroups, loadUserGroups } from "./principal-groups";
import { recordM2mToken } from "./record-m2m-token";

export interface ResolveOptions {
  /** Remember what the token carried on the M2M account (off for tokens pasted into the Access Explorer). */
  recordToken?: boolean;
}

/** SPEC §2.3 steps 7–9: a verified Entra token → M2M or delegated-user principal. */
export async function resolveEntraPrincipal(
  db: Db,
  token: VerifiedEntraToken,
  options: ResolveOptions = {},
): Promise<Principal> {
  if (token.kind === "delegated") {
    const user = await db.user.findUnique({
      where: { tenantId_objectId: { tenantId: token.tenantId, objectId: token.objectId } },
    });
    // The token is valid but the person is not (or no longer) a registry user.
    if (!user || !user.enabled)
      throw new AppError("forbidden", "This user is not allowed to use the registry.", {
        reason: "delegated token: unknown or disabled user",
      });
    return {
      kind: "user",
      id: user.id,
      userId: user.id,
      displayName: user.displayName,
      via: "entra-delegated",
      groups: await loadUserGroups(db, user),
    };
  }

  const account = await db.m2mAccount.findUnique({
    where: { tenantId_clientId: { tenantId: token.tenantId, clientId: token.appId.toLowerCase() } },
    include: { groups: { select: { group: { select: { id: true, name: true } } } } },
  });
  if (!account || !account.enabled) {
    // The token is genuine, so the audit log names the app (and its account) rather than "anonymous".
    const app = `${token.tenantId}/${token.appId.toLowerCase()}`;
    throw new AppError(
      "client_not_registered",
      "This application is not registered in the registry, or its M2M account is disabled.",
      {
        reason: account ? "m2m account disabled" : "no m2m account for (tid, app id)",
        actor: account
          ? { kind: "m2m", id: account.id, name: account.name }
          : { kind: "app", id: app, name: `Entra app ${token.appId.toLowerCase()}` },
      },
    );
  }
  const entraGroups = await resolveEntraGroupIds(db, {
    tenantId: token.tenantId,
    objectId: token.objectId,
    principalType: "app",
    groups: token.groups,
    groupsOverage: token.groupsOverage,
  });
  const principal: M2mPrincipal = {
    kind: "m2m",
    id: account.id,
    m2mAccountId: account.id,
    tenantId: account.tenantId,
    clientId: account.clientId,
    displayName: account.name,
    groups: await loadM2mGroups(
      db,
      account.groups.map((membership) => membership.group),
      { roles: token.roles, entraGroupIds: entraGroups.ids },
    ),
  };
  if (token.groupsOverage) await auditGroupsOverage(db, principal, entraGroups);
  if (options.recordToken !== false) {
    await recordM2mToken(db, account.id, {
      roles: token.roles,
      groups: entraGroups,
      version: token.version,
      overage: token.groupsOverage,
    });
  }
  return principal;
}
