import { createHash, randomBytes } from "node:crypto";

/** Distinct from API tokens (mcpr_) so each credential router can refuse the other form on sight. */
export const PROVISIONING_PREFIX = "mcps_";
/** 32 random bytes = 256 bits from the CSPRNG, base64url: 43 characters. */
const SECRET_PATTERN = /^mcps_[A-Za-z0-9_-]{43}$/;

export function generateProvisioningSecret(): string {
  return PROVISIONING_PREFIX + randomBytes(32).toString("base64url");
}

export function hashProvisioningSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function provisioningStub(secret: string): string {
  return `${PROVISIONING_PREFIX}…${secret.slice(-4)}`;
}

export function looksLikeProvisioningSecret(secret: string): boolean {
  return SECRET_PATTERN.test(secret);
}
