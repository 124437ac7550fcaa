import { z } from "zod";
import { description, displayText, guid } from "@/lib/validation/common";
import { groupName } from "../groups/schemas";
import type { EntraAppCredential } from "./entra-app-health";

export const createM2mAccountSchema = z.strictObject({
  tenantId: guid("Tenant id"),
  clientId: guid("Client id"),
  name: displayText("Name", 100),
  description: description.default(""),
  groups: z.array(groupName).max(100).default([]),
  enabled: z.boolean().default(true),
});
export type CreateM2mAccountInput = z.infer<typeof createM2mAccountSchema>;

export const updateM2mAccountSchema = z.strictObject({
  name: displayText("Name", 100).optional(),
  description: description.optional(),
  groups: z.array(groupName).max(100).optional(),
  enabled: z.boolean().optional(),
  version: z.number().int().min(1).optional(),
});
export type UpdateM2mAccountInput = z.infer<typeof updateM2mAccountSchema>;

export interface M2mAccountRecord {
  id: string;
  tenantId: string;
  clientId: string;
  name: string;
  description: string;
  groups: string[];
  enabled: boolean;
  lastUsedAt: string | null;
  /** When its last valid token was seen, and that token's version. */
  lastTokenAt: string | null;
  lastTokenVersion: 1 | 2 | null;
  /** The linked app as Microsoft Graph describes it (cached; see refresh-entra-app.ts). */
  entraApp: {
    displayName: string | null;
    credentials: EntraAppCredential[] | null;
    fetchedAt: string | null;
    error: string | null;
  };
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** M2M list filters (in the page URL): credentials expiring within 30 days or expired; no call in 30 days. */
export interface M2mAccountFilters {
  expiring?: boolean;
  unused?: boolean;
}
