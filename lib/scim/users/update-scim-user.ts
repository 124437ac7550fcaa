import { auditedChange } from "@/lib/audit/audited-change";
import { readPatch } from "../patch";
import type { ScimContext } from "../with-scim-auth";
import { getScimUserRow } from "./get-scim-user";
import { applyUserPatch, readUserBody, stateOf } from "./scim-user";
import { writeScimUser } from "./write-scim-user";

/** PUT /Users/{id}: the body is the whole new state. */
export async function replaceScimUser(ctx: ScimContext, id: string, body: unknown) {
  return auditedChange(ctx.db, ctx.audit, async (scope) => {
    const row = await getScimUserRow(scope.tx, ctx, id);
    const current = stateOf(row);
    const next = readUserBody(body, current);
    // The same rule as a PATCH of externalId: the Entra object id is the user's key.
    applyUserPatch(current, [{ op: "replace", path: "externalId", value: next.externalId }]);
    return writeScimUser(scope, ctx, row, next);
  });
}

/** PATCH /Users/{id}: Entra's operations (capitalised ops, filtered paths, value objects). */
export async function patchScimUser(ctx: ScimContext, id: string, body: unknown) {
  const operations = readPatch(body);
  return auditedChange(ctx.db, ctx.audit, async (scope) => {
    const row = await getScimUserRow(scope.tx, ctx, id);
    return writeScimUser(scope, ctx, row, applyUserPatch(stateOf(row), operations));
  });
}
