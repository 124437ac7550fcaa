import { auditedChange } from "@/lib/audit/audited-change";
import { createUserIn } from "@/lib/iam/users/create-user";
import { ScimError } from "../scim-error";
import type { ScimContext } from "../with-scim-auth";
import { readUserBody } from "./scim-user";
import { assertUserNameFree, writeScimUser } from "./write-scim-user";

/**
 * POST /Users: creates the registry user before the first sign-in (the same operation as the IAM
 * pre-provisioning). A user who signed in before provisioning, or was deleted by it, is taken
 * over instead of duplicated: (tenant, externalId) is the one key.
 */
export async function createScimUser(ctx: ScimContext, body: unknown) {
  const state = readUserBody(body);
  const { tenantId } = ctx.caller;
  return auditedChange(ctx.db, ctx.audit, async (scope) => {
    const { tx } = scope;
    const existing = await tx.user.findUnique({
      where: { tenantId_objectId: { tenantId, objectId: state.externalId } },
    });
    if (existing && existing.deprovisionedAt === null && existing.userName !== null) {
      throw new ScimError(409, `A user with externalId ${state.externalId} already exists.`, "uniqueness");
    }
    if (existing) return writeScimUser(scope, ctx, existing, state, existing.deprovisionedAt !== null);
    await assertUserNameFree(tx, ctx, state.userName);
    const created = await createUserIn(
      scope,
      {
        tenantId,
        objectId: state.externalId,
        displayName: state.displayName,
        email: state.email ?? undefined,
        groups: [],
        enabled: state.active,
      },
      state.userName,
    );
    return tx.user.findUniqueOrThrow({ where: { id: created.id } });
  });
}
