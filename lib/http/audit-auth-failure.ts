import type { Principal } from "@/lib/auth/principal";
import { readBearerToken } from "@/lib/auth/read-auth-request";
import { tokenFingerprint } from "@/lib/auth/token-fingerprint";
import type { Db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * Every 401 and every denied authorization goes to the log and the audit log with its exact
 * reason and a token fingerprint — never the token itself.
 */
export async function auditAuthFailure(
  db: Db,
  error: unknown,
  principal: Principal | null,
  requestId: string,
  request: Request,
) {
  if (!isAppError(error)) return;
  if (error.status === 503) {
    // Not the caller's fault and not an IAM event: the log line says why (e.g. the key set timed out).
    log.warn("service unavailable", {
      requestId,
      code: error.code,
      reason: error.reason ?? error.message,
      method: request.method,
      path: new URL(request.url).pathname,
    });
    return;
  }
  const denied = error.status === 403;
  if (error.status !== 401 && error.status !== 400 && !denied) return;
  const token = readBearerToken(request);
  const fingerprint = token ? tokenFingerprint(token) : undefined;
  const path = new URL(request.url).pathname;
  log.warn(denied ? "authorization denied" : "authentication failed", {
    requestId,
    code: error.code,
    reason: error.reason ?? error.message,
    tokenFingerprint: fingerprint,
    method: request.method,
    path,
  });
  try {
    await recordAuditEvent(
      db,
      { principal, requestId, actor: error.actor },
      {
        action: denied ? "auth.denied" : "auth.failed",
        outcome: "denied",
        target: { type: "route", name: `${request.method} ${path}` },
        reason: `${error.code}: ${error.reason ?? error.message}`,
        tokenFingerprint: fingerprint,
      },
    );
  } catch (auditError) {
    log.error("audit write failed", { requestId, error: String(auditError) });
  }
}
