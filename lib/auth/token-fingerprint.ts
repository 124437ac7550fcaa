import { createHash } from "node:crypto";

/** Identifies a token in logs and audit events without revealing it: 12 hex chars of SHA-256. */
export function tokenFingerprint(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex").slice(0, 12);
}
