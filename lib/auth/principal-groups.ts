import { getConfig } from "@/lib/config";
import type { Db } from "@/lib/db";
import { BUILT_IN_ADMIN_GROUP } from "@/lib/access/permissions";
import { jsonStringArray } from "@/lib/validation/common";
import type { GroupReason, PrincipalGroup } from "./principal";

interface GroupRef {
  id: string;
  name: string;
}

/** Merges reasons per group, keeping a stable order (by group name). */
export class GroupCollector {
  private readonly groups = new Map<string, PrincipalGroup>();

  add(group: GroupRef, reason: GroupReason) {
    const existing = this.groups.get(group.id);
    if (existing) existing.reasons.push(reason);
    else this.groups.set(group.id, { id: group.id, name: group.name, reasons: [reason] });
  }

  list(): PrincipalGroup[] {
    return [...this.groups.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}

/**
 * Registry groups whose Entra mappings match the given Entra group ids or app role values,
 * plus the bootstrap mappings to registry-admins from configuration (SPEC §2.4).
 */
export async function addMappedGroups(
  db: Db,
  collector: GroupCollector,
  claims: { entraGroupIds: string[]; appRoles: string[] },
) {
  const { entraGroupIds, appRoles } = claims;
  if (entraGroupIds.length === 0 && appRoles.length === 0) return;
  const mappings = await db.groupEntraMapping.findMany({
    where: {
      OR: [
        { kind: "group", value: { in: entraGroupIds.map((id) => id.toLowerCase()) } },
        { kind: "appRole", value: { in: appRoles } },
      ],
    },
    select: { kind: true, value: true, group: { select: { id: true, name: true } } },
  });
  for (const mapping of mappings) {
    collector.add(
      mapping.group,
      mapping.kind === "group"
        ? { kind: "entra-group", value: mapping.value }
        : { kind: "app-role", value: mapping.value },
    );
  }

  const { adminEntraGroups, adminAppRoles } = getConfig().bootstrap;
  const bootstrapGroup = entraGroupIds.find((id) => adminEntraGroups.includes(id.toLowerCase()));
  const bootstrapRole = appRoles.find((role) => adminAppRoles.includes(role));
  if (bootstrapGroup || bootstrapRole) {
    const admins = await db.group.findUnique({
      where: { name: BUILT_IN_ADMIN_GROUP },
      select: { id: true, name: true },
    });
    if (admins) {
      collector.add(admins, {
        kind: "bootstrap",
        value: bootstrapGroup
          ? `REGISTRY_ADMIN_ENTRA_GROUPS: ${bootstrapGroup}`
          : `REGISTRY_ADMIN_APP_ROLES: ${bootstrapRole}`,
      });
    }
  }
}

/**
 * A user's effective Entra group ids: those captured at the last sign-in ∪ those SCIM
 * provisioning says the user is a member of (directory groups with an Entra object id).
 */
export async function userEntraGroupIds(db: Db, user: { id: string; entraGroupIds: unknown }): Promise<string[]> {
  const provisioned = await db.directoryGroupMember.findMany({
    where: { userId: user.id, group: { externalId: { not: null } } },
    select: { group: { select: { externalId: true } } },
  });
  const ids = [...jsonStringArray(user.entraGroupIds), ...provisioned.map((member) => member.group.externalId!)];
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** A user's current groups: assignments plus mappings of their Entra group ids and app roles. */
export async function loadUserGroups(
  db: Db,
  user: { id: string; entraGroupIds: unknown; entraAppRoles: unknown },
): Promise<PrincipalGroup[]> {
  const collector = new GroupCollector();
  const assignments = await db.userGroup.findMany({
    where: { userId: user.id },
    select: { group: { select: { id: true, name: true } } },
  });
  for (const assignment of assignments) collector.add(assignment.group, { kind: "assignment" });
  await addMappedGroups(db, collector, {
    entraGroupIds: await userEntraGroupIds(db, user),
    appRoles: jsonStringArray(user.entraAppRoles),
  });
  return collector.list();
}

/**
 * An M2M account's groups: its assigned groups (an account id, or the groups already loaded with
 * the account) plus mappings of the token's app roles and Entra group ids (resolved already, so
 * an overage token passes the ids from SCIM or Graph, or none when that failed).
 */
export async function loadM2mGroups(
  db: Db,
  account: string | GroupRef[],
  claims: { roles: string[]; entraGroupIds: string[] },
): Promise<PrincipalGroup[]> {
  const collector = new GroupCollector();
  const assigned =
    typeof account === "string"
      ? (
          await db.m2mAccountGroup.findMany({
            where: { m2mAccountId: account },
            select: { group: { select: { id: true, name: true } } },
          })
        ).map((m) => m.group)
      : account;
  for (const group of assigned) collector.add(group, { kind: "assignment" });
  await addMappedGroups(db, collector, { entraGroupIds: claims.entraGroupIds, appRoles: claims.roles });
  return collector.list();
}
