import { createHash } from "node:crypto";

/** The token's SHA-256 (hex): the principal cache's key, and the source of its fingerprint. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Identifies a token in logs and audit events without revealing it: 12 hex chars of SHA-256. */
export function tokenFingerprint(token: string): string {
  return fingerprintOfHash(tokenHash(token));
}

export function fingerprintOfHash(hash: string): string {
  return hash.slice(0, 12);
}
