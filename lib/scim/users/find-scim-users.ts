import { listResponse } from "../scim-response";
import { parseFilter, parsePaging } from "../filter";
import type { ScimContext } from "../with-scim-auth";
import { textEquals, toScimUser } from "./scim-user";

const FILTERABLE = ["userName", "externalId", "id", "displayName"] as const;

/** GET /Users: the token's tenant's users, filtered and paged (an unmatched filter is an empty 200). */
export async function findScimUsers(ctx: ScimContext, query: URLSearchParams) {
  const clauses = parseFilter(query.get("filter"), FILTERABLE);
  const { startIndex, count } = parsePaging(query);
  const conditions = clauses.map(({ attribute, value }) => {
    if (attribute === "userName") {
      // Users who signed in before provisioning have no userName yet: their email stands in for it.
      return { OR: [{ userName: textEquals(value) }, { userName: null, email: textEquals(value) }] };
    }
    if (attribute === "externalId") return { objectId: value.toLowerCase() };
    if (attribute === "id") return { id: value };
    return { displayName: value };
  });
  const where = { tenantId: ctx.caller.tenantId, deprovisionedAt: null, AND: conditions };
  const [total, rows] = await Promise.all([
    ctx.db.user.count({ where }),
    count === 0
      ? Promise.resolve([])
      : ctx.db.user.findMany({
          where,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip: startIndex - 1,
          take: count,
        }),
  ]);
  return listResponse(
    rows.map((row) => toScimUser(row, ctx.baseUrl)),
    total,
    startIndex,
  );
}
