import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import { getConfig } from "@/lib/config";
import type { PrincipalContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { generateProvisioningSecret, hashProvisioningSecret, provisioningStub } from "./provisioning-secret";
import { toProvisioningTokenRecord } from "./provisioning-token-record";
import type { CreateProvisioningTokenInput } from "./schemas";

/**
 * Creates a SCIM provisioning secret for one tenant; the secret is returned this once. Decision:
 * the tenant is fixed per secret (default the first of ENTRA_TENANT_IDS), so one Entra
 * enterprise app per tenant gets its own secret and can only ever touch its own users.
 */
export async function createProvisioningToken(ctx: PrincipalContext, input: CreateProvisioningTokenInput) {
  requirePermission(ctx, "iam:write");
  const tenants = getConfig().entra.tenantIds;
  const tenantId = input.tenantId ?? tenants[0];
  if (!tenantId || !tenants.includes(tenantId)) {
    throw new AppError(
      "validation_failed",
      "tenantId must be one of the registry's Entra tenants (ENTRA_TENANT_IDS).",
      {
        fields: [{ path: "tenantId", message: `must be one of: ${tenants.join(", ") || "(none configured)"}` }],
      },
    );
  }
  const secret = generateProvisioningSecret();
  const row = await auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const created = await tx.provisioningToken.create({
      data: {
        name: input.name,
        tenantId,
        secretHash: hashProvisioningSecret(secret),
        stub: provisioningStub(secret),
        createdById: ctx.principal.id,
        createdByName: ctx.principal.displayName,
      },
    });
    record({
      action: "provisioning-token.create",
      target: { type: "provisioning-token", id: created.id, name: created.name },
      after: toProvisioningTokenRecord(created),
    });
    return created;
  });
  return { ...toProvisioningTokenRecord(row), secret };
}
