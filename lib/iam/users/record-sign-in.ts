import { auditedChange } from "@/lib/audit/audited-change";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface SignInClaims {
  tenantId: string;
  objectId: string;
  displayName: string;
  email: string | null;
  groups: string[];
  roles: string[];
}

/**
 * Finds or creates the user by (tid, oid) and records the Entra group ids and app roles from
 * the ID token. A disabled user cannot sign in.
 */
export async function recordSignIn(db: Db, claims: SignInClaims, requestId: string) {
  return auditedChange(db, { principal: null, requestId }, async ({ tx, record }) => {
    const key = { tenantId: claims.tenantId.toLowerCase(), objectId: claims.objectId.toLowerCase() };
    const existing = await tx.user.findUnique({ where: { tenantId_objectId: key } });
    if (existing && !existing.enabled)
      throw new AppError("forbidden", "Your registry account is disabled. Ask a registry admin to enable it.");
    const data = {
      displayName: claims.displayName,
      email: claims.email,
      entraGroupIds: claims.groups.map((id) => id.toLowerCase()),
      entraAppRoles: claims.roles,
      lastSignInAt: new Date(),
    };
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data })
      : await tx.user.create({ data: { ...key, ...data } });
    const self = { kind: "user", id: user.id, userId: user.id, displayName: user.displayName, via: "session" } as const;
    record(
      {
        action: existing ? "user.sign-in" : "user.first-sign-in",
        target: { type: "user", id: user.id, name: user.displayName },
      },
      { principal: { ...self, groups: [] }, requestId },
    );
    return user;
  });
}
