import { parseFilter, parsePaging } from "../filter";
import { listResponse } from "../scim-response";
import type { ScimContext } from "../with-scim-auth";
import { groupInclude, toScimGroup } from "./scim-group";

const FILTERABLE = ["displayName", "externalId", "id", "members"] as const;

/** `excludedAttributes=members` (Entra's habit) leaves members out. */
export function withMembers(query: URLSearchParams): boolean {
  return !(query.get("excludedAttributes") ?? "").split(",").some((name) => name.trim().toLowerCase() === "members");
}

/** GET /Groups, including Entra's membership check `id eq "g" and members[value eq "u"]`. */
export async function findScimGroups(ctx: ScimContext, query: URLSearchParams) {
  const clauses = parseFilter(query.get("filter"), FILTERABLE);
  const { startIndex, count } = parsePaging(query);
  const conditions = clauses.map(({ attribute, value }) => {
    if (attribute === "externalId") return { externalId: value.toLowerCase() };
    if (attribute === "id") return { id: value };
    if (attribute === "members") return { members: { some: { userId: value } } };
    return { displayName: value };
  });
  const where = { tenantId: ctx.caller.tenantId, AND: conditions };
  const [total, rows] = await Promise.all([
    ctx.db.directoryGroup.count({ where }),
    count === 0
      ? Promise.resolve([])
      : ctx.db.directoryGroup.findMany({
          where,
          include: groupInclude,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip: startIndex - 1,
          take: count,
        }),
  ]);
  return listResponse(
    rows.map((row) => toScimGroup(row, ctx.baseUrl, withMembers(query))),
    total,
    startIndex,
  );
}
