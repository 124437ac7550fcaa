import { randomUUID } from "node:crypto";
import type { EffectiveAccess } from "@/lib/access/effective-access";
import type { Principal } from "@/lib/auth/principal";
import { readAuthRequest } from "@/lib/auth/read-auth-request";
import { resolveRequestPrincipal } from "@/lib/auth/resolve-request-principal";
import { getConfig } from "@/lib/config";
import { dbReady, getDb, type Db } from "@/lib/db";
import { auditAuthFailure } from "./audit-auth-failure";
import { checkCsrf } from "./csrf";
import { errorResponse } from "./error-response";

export interface AuthenticatedRequest {
  db: Db;
  principal: Principal;
  access: EffectiveAccess;
  requestId: string;
  /** The IAM generation this request was authorized at (see lib/auth/iam-generation.ts). */
  generation: number;
}

/**
 * The first step of every authenticated machine request (the API's `withAuth`, the MCP gateway):
 * request id → `resolveRequestPrincipal` (THE choke point) → CSRF for a session principal, so a
 * browser session cannot be ridden cross-site into a write or a tool call → `run`. Whatever `run`
 * or the steps before it throw ends here: 400/401/403 are audited with the principal and token
 * fingerprint known so far, and the answer is the one SPEC §6 error shape.
 */
export async function authenticateRequest(
  request: Request,
  run: (auth: AuthenticatedRequest) => Promise<Response>,
): Promise<Response> {
  const requestId = randomUUID();
  const db = getDb();
  let principal: Principal | null = null;
  let tokenFingerprint: string | undefined;
  try {
    await dbReady();
    const resolved = await resolveRequestPrincipal(db, readAuthRequest(request));
    principal = resolved.principal;
    tokenFingerprint = resolved.tokenFingerprint;
    if (principal.kind === "user" && principal.via === "session") checkCsrf(request);
    return await run({ db, principal, access: resolved.access, requestId, generation: resolved.generation });
  } catch (error) {
    await auditAuthFailure(db, error, principal, requestId, request, tokenFingerprint);
    // RFC 9728 §5.1: every challenge names the metadata document, so a client can find where to get a token.
    return errorResponse(error, requestId, {
      resourceMetadata: `${getConfig().registryUrl}/.well-known/oauth-protected-resource`,
    });
  }
}
