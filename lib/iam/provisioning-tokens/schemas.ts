import { z } from "zod";
import { displayText, guid } from "@/lib/validation/common";

export const createProvisioningTokenSchema = z.strictObject({
  name: displayText("name", 100),
  /** The Entra tenant whose users and groups this secret provisions (default: the first of ENTRA_TENANT_IDS). */
  tenantId: guid("tenantId").optional(),
});
export type CreateProvisioningTokenInput = z.infer<typeof createProvisioningTokenSchema>;

export interface ProvisioningTokenRecord {
  id: string;
  name: string;
  tenantId: string;
  stub: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}
