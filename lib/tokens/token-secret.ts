import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "mcpr_";
/** 32 random bytes = 256 bits from the CSPRNG, base64url: 43 characters. */
const SECRET_PATTERN = /^mcpr_[A-Za-z0-9_-]{43}$/;

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function tokenStub(secret: string): string {
  return `${TOKEN_PREFIX}…${secret.slice(-4)}`;
}

export function looksLikeTokenSecret(secret: string): boolean {
  return SECRET_PATTERN.test(secret);
}
