import type { AuditedTx } from "@/lib/audit/audited-change";
import type { CreateGroupInput } from "./schemas";

/** Replaces a group's Entra mappings (inside the group change that audits it). */
export async function writeEntraMappings(
  { tx }: AuditedTx,
  groupId: string,
  mappings: CreateGroupInput["entraMappings"],
) {
  await tx.groupEntraMapping.deleteMany({ where: { groupId } });
  const rows = [
    ...[...new Set(mappings.groups)].map((value) => ({ groupId, kind: "group", value })),
    ...[...new Set(mappings.appRoles)].map((value) => ({ groupId, kind: "appRole", value })),
  ];
  if (rows.length > 0) await tx.groupEntraMapping.createMany({ data: rows });
}

/** Replaces a group's server access rules, keeping their order (inside the group change that audits it). */
export async function writeServerRules({ tx }: AuditedTx, groupId: string, rules: CreateGroupInput["serverAccess"]) {
  await tx.serverAccessRule.deleteMany({ where: { groupId } });
  if (rules.length === 0) return;
  await tx.serverAccessRule.createMany({
    data: rules.map((rule, position) => ({
      groupId,
      position,
      server: rule.server,
      methods: [...new Set(rule.methods)],
      tools: [...new Set(rule.tools)],
    })),
  });
}
