import { z } from "zod";
import { PERMISSIONS, type Permission } from "@/lib/access/permissions";
import { displayText, slug } from "@/lib/validation/common";

export const createTokenSchema = z.strictObject({
  name: displayText("Name", 100),
  expiresInHours: z
    .number()
    .int("Expiry must be a whole number of hours")
    .min(1, "Expiry must be at least 1 hour")
    .default(8),
  groups: z.array(z.string().min(1)).max(100).optional(),
  servers: z.array(slug("server")).max(100).optional(),
  /** Default none: the token reads the catalog its groups grant and nothing else (lib/access/token-permissions.ts). */
  permissions: z
    .array(z.enum(PERMISSIONS, { error: `permissions must be among ${PERMISSIONS.join(", ")}` }))
    .max(20)
    .optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const rotateTokenSchema = z.strictObject({
  graceHours: z.number().int().min(0, "graceHours must be 0–168").max(168, "graceHours must be 0–168").default(24),
});
export type RotateTokenInput = z.infer<typeof rotateTokenSchema>;

export interface ApiTokenRecord {
  id: string;
  name: string;
  stub: string;
  groups: string[];
  servers: string[] | null;
  /** Chosen at creation; effective only while the token's groups grant them. */
  permissions: Permission[];
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  graceUntil: string | null;
  createdAt: string;
  updatedAt: string;
}
