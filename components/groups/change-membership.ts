import { apiRequest } from "@/components/ui/api-request";

export type MemberKind = "user" | "m2m";

const basePath: Record<MemberKind, string> = { user: "/api/iam/users", m2m: "/api/iam/m2m-accounts" };

/**
 * Membership has one write path: the member's own `groups` (PATCH of the user or M2M account),
 * so its guards (last admin, versions) and its audit event are the same wherever it is edited.
 * Reads the member fresh and sends the version it read: a concurrent edit answers 409.
 */
export async function changeMembership(kind: MemberKind, id: string, group: string, join: boolean): Promise<void> {
  const path = `${basePath[kind]}/${encodeURIComponent(id)}`;
  const member = await apiRequest<{ groups: string[]; version: number }>("GET", path);
  const has = member.groups.includes(group);
  if (has === join) return;
  const groups = join ? [...member.groups, group] : member.groups.filter((name) => name !== group);
  await apiRequest("PATCH", path, { groups, version: member.version });
}
