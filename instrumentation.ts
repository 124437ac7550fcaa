/**
 * Runs once when the server starts: warm the Entra key cache for every allowed tenant, so the
 * first M2M request does not wait on a key fetch (and a JWKS outage at that moment is visible
 * in /api/health rather than in a caller's 503).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig } = await import("@/lib/config");
  const { entraVerifier } = await import("@/lib/auth/entra-verifier");
  const { jwksUrlFor } = await import("@/lib/auth/entra/issuers");
  const { entra } = getConfig();
  const { keys } = entraVerifier();
  for (const tenantId of entra.tenantIds) {
    for (const version of [1, 2] as const) void keys.refresh(jwksUrlFor(entra.authorityHost, tenantId, version));
  }
}
