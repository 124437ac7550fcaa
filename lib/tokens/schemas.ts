import { z } from "zod";
import { displayText, slug } from "@/lib/validation/common";

export const createTokenSchema = z.strictObject({
  name: displayText("name", 100),
  expiresInHours: z.number().int("expiresInHours must be a whole number of hours").min(1, "expiresInHours must be at least 1").default(8),
  groups: z.array(z.string().min(1)).max(100).optional(),
  servers: z.array(slug("server")).max(100).optional(),
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
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  graceUntil: string | null;
  createdAt: string;
  updatedAt: string;
}
