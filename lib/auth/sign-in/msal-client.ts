import { ConfidentialClientApplication } from "@azure/msal-node";
import type { RegistryConfig } from "@/lib/config";

/**
 * The tenant segment of the sign-in authority: the one allowed tenant, or `organizations` when
 * several are allowed (the callback then checks the ID token's `tid` against the list).
 */
export function signInTenant(config: RegistryConfig): string {
  const { tenantIds } = config.entra;
  return tenantIds.length === 1 ? tenantIds[0]! : "organizations";
}

let cached: { key: string; client: ConfidentialClientApplication } | undefined;

/**
 * The registry's confidential client for user sign-in (authorization code + PKCE). One per
 * process so MSAL keeps the authority metadata; the callback removes each signed-in account from
 * MSAL's in-memory cache, so the cache does not grow with sign-ins.
 */
export function getMsalClient(config: RegistryConfig): ConfidentialClientApplication {
  const { authorityHost, clientId, clientSecret } = config.entra;
  if (!clientSecret)
    throw new Error("ENTRA_CLIENT_SECRET is not set: user sign-in needs the registry app's client secret");
  const authority = `${authorityHost}/${signInTenant(config)}`;
  const key = JSON.stringify([authority, clientId, clientSecret]);
  if (cached?.key !== key) {
    const client = new ConfidentialClientApplication({
      // knownAuthorities: MSAL would otherwise ask login.microsoftonline.com for instance
      // discovery, which fails offline and for the bundled emulator's host.
      auth: { clientId, clientSecret, authority, knownAuthorities: [new URL(authorityHost).host] },
    });
    cached = { key, client };
  }
  return cached.client;
}

export const SIGN_IN_SCOPES = ["openid", "profile", "email"];

export function callbackUrl(config: RegistryConfig): string {
  return `${config.registryUrl}/auth/callback`;
}
