import { randomBytes } from "node:crypto";
import { CryptoProvider } from "@azure/msal-node";
import type { RegistryConfig } from "@/lib/config";
import { type PendingSignIn } from "./cookies";
import { SIGN_IN_SCOPES, callbackUrl, getMsalClient } from "./msal-client";
import { safeReturnTo } from "./return-to";

const crypto = new CryptoProvider();

/**
 * The first leg of the authorization code flow: fresh PKCE codes, state and nonce (256 bits
 * each), and the Entra authorize URL. The caller keeps `pending` in a short-lived cookie; the
 * callback needs all of it.
 */
export async function startSignIn(
  config: RegistryConfig,
  returnTo: string | null,
): Promise<{ authorizeUrl: string; pending: PendingSignIn }> {
  const pkce = await crypto.generatePkceCodes();
  const pending: PendingSignIn = {
    state: randomBytes(32).toString("base64url"),
    nonce: randomBytes(32).toString("base64url"),
    verifier: pkce.verifier,
    returnTo: safeReturnTo(returnTo),
  };
  const authorizeUrl = await getMsalClient(config).getAuthCodeUrl({
    scopes: SIGN_IN_SCOPES,
    redirectUri: callbackUrl(config),
    state: pending.state,
    nonce: pending.nonce,
    codeChallenge: pkce.challenge,
    codeChallengeMethod: "S256",
    responseMode: "query",
    // Entra keeps its own SSO session after a registry sign-out: let people pick another account.
    prompt: "select_account",
  });
  return { authorizeUrl, pending };
}
