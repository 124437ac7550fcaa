import { getConfig } from "@/lib/config";
import { entraVerifier } from "./entra-verifier";
import { jwksUrlFor } from "./entra/issuers";

/**
 * Fills the Entra key cache for every allowed tenant at start, so the first M2M request does not
 * wait on a key fetch (and a key-set outage at that moment shows in /api/health, not as a 503).
 */
export function warmEntraKeys(): void {
  const { entra } = getConfig();
  const { keys } = entraVerifier();
  for (const tenantId of entra.tenantIds) {
    for (const version of [1, 2] as const) void keys.refresh(jwksUrlFor(entra.authorityHost, tenantId, version));
  }
}
