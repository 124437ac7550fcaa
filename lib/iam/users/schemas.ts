import { z } from "zod";
import { displayText, guid } from "@/lib/validation/common";
import { groupName } from "../groups/schemas";

export const createUserSchema = z.strictObject({
  tenantId: guid("Tenant id"),
  objectId: guid("Object id"),
  displayName: displayText("Display name", 200),
  email: z.string().trim().email("Email must be an email address like name@example.com").max(320).optional(),
  groups: z.array(groupName).max(100).default([]),
  enabled: z.boolean().default(true),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  groups: z.array(groupName).max(100).optional(),
  enabled: z.boolean().optional(),
  version: z.number().int().min(1).optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export interface UserRecord {
  id: string;
  tenantId: string;
  objectId: string;
  displayName: string;
  email: string | null;
  /** Groups assigned in the registry (Entra-mapped groups are shown by /api/iam/explain). */
  groups: string[];
  enabled: boolean;
  lastSignInAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
