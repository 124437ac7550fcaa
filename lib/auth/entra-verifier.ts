import { getConfig } from "@/lib/config";
import { createJwksCache, type JwksCache } from "./entra/jwks-cache";
import { createEntraTokenVerifier, type EntraTokenVerifier } from "./entra/verify-entra-token";

const globalForEntra = globalThis as unknown as { __entraVerifier?: { verifier: EntraTokenVerifier; keys: JwksCache } };

/** The process-wide Entra verifier and its key cache, built from configuration once. */
export function entraVerifier(): { verifier: EntraTokenVerifier; keys: JwksCache } {
  if (!globalForEntra.__entraVerifier) {
    const { entra } = getConfig();
    const keys = createJwksCache();
    const verifier = createEntraTokenVerifier({
      tenantIds: entra.tenantIds,
      clientId: entra.clientId,
      appIdUris: entra.appIdUris,
      cloud: entra.cloud,
      authorityHost: entra.authorityHost,
      requireAppRole: entra.requireAppRole,
      keys,
    });
    globalForEntra.__entraVerifier = { verifier, keys };
  }
  return globalForEntra.__entraVerifier;
}
