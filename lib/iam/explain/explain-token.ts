import { isAppError } from "@/lib/errors";
import type { Db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { entraVerifier } from "@/lib/auth/entra-verifier";
import { resolveEntraGroupIds } from "@/lib/auth/groups-overage/resolve-entra-group-ids";
import { resolveEntraPrincipal } from "@/lib/auth/resolve-entra-principal";
import { TOKEN_PREFIX } from "@/lib/tokens/token-secret";
import { verifyRegistryToken } from "@/lib/tokens/verify-registry-token";
import type { ExplainStep } from "./schemas";

function failure(error: unknown): string {
  if (isAppError(error)) return `${error.status} ${error.code}: ${error.reason ?? error.message}`;
  return "internal error";
}

/** SPEC §2.3 steps 3–6 in the validator's order; "caller" (step 7) follows them. */
const VALIDATION_STEPS = ["issuer", "header", "keys", "signature", "exp", "iat", "nbf", "lifetime", "aud"] as const;
type ValidationStep = (typeof VALIDATION_STEPS)[number];

/** Which validation step a verifier reason (lib/auth/entra) belongs to. */
function failedStep(reason: string): ValidationStep | "caller" {
  if (/^(issuer|tid|ver) /.test(reason)) return "issuer";
  if (/^(alg|kid|header|signature missing|malformed|not a|token too large)/.test(reason)) return "header";
  if (reason === "unknown kid" || reason.startsWith("no usable keys")) return "keys";
  if (reason === "signature invalid") return "signature";
  if (reason === "token expired" || reason.startsWith("exp missing")) return "exp";
  if (reason === "iat in the future" || reason.startsWith("iat missing")) return "iat";
  if (reason === "token not yet valid" || reason.startsWith("nbf")) return "nbf";
  if (reason === "exp not after iat" || reason.startsWith("lifetime")) return "lifetime";
  if (reason.startsWith("aud")) return "aud";
  return "caller";
}

/**
 * Runs a pasted token through the same validators as a request, recording each step, so an
 * admin can see exactly why a caller is refused (the caller itself only ever sees one message).
 */
export async function explainToken(
  db: Db,
  token: string,
): Promise<{ steps: ExplainStep[]; principal: Principal | null }> {
  const steps: ExplainStep[] = [];
  const value = token.trim().replace(/^bearer\s+/i, "");
  if (value.startsWith(TOKEN_PREFIX)) {
    steps.push({ step: "form", ok: true, detail: "registry API token (mcpr_ prefix)" });
    try {
      const { principal } = await verifyRegistryToken(db, value);
      steps.push({
        step: "registry token",
        ok: true,
        detail: `valid; owner ${principal.ownerId}, groups ∩ owner's: ${principal.groups.map((g) => g.name).join(", ") || "none"}; permissions carried: ${principal.permissions.join(", ") || "none (catalog reads only)"}${principal.servers ? `; restricted to servers: ${principal.servers.join(", ")}` : ""}`,
      });
      return { steps, principal };
    } catch (error) {
      steps.push({ step: "registry token", ok: false, detail: failure(error) });
      return { steps, principal: null };
    }
  }
  const { verifier } = entraVerifier();
  if (!verifier.isEntraToken(value)) {
    steps.push({
      step: "form",
      ok: false,
      detail: "401 invalid_token: neither an mcpr_ token nor a JWT from a configured Entra issuer",
    });
    return { steps, principal: null };
  }
  steps.push({ step: "form", ok: true, detail: "JWT from a configured Entra issuer" });
  let verified;
  try {
    verified = await verifier.verify(value);
    for (const step of VALIDATION_STEPS) steps.push({ step, ok: true, detail: "passed" });
    steps.push({
      step: "caller",
      ok: true,
      detail: `${verified.kind === "app" ? "app-only" : "delegated"} v${verified.version} token, tenant ${verified.tenantId}, app ${verified.appId}`,
    });
  } catch (error) {
    const failed = isAppError(error) ? failedStep(error.reason ?? "") : "caller";
    for (const step of VALIDATION_STEPS.slice(0, VALIDATION_STEPS.indexOf(failed as ValidationStep)))
      steps.push({ step, ok: true, detail: "passed" });
    steps.push({ step: failed, ok: false, detail: failure(error) });
    return { steps, principal: null };
  }
  try {
    const principal = await resolveEntraPrincipal(db, verified, { recordToken: false });
    steps.push({
      step: verified.kind === "app" ? "M2M account" : "registry user",
      ok: true,
      detail: `${principal.displayName} (${principal.kind})`,
    });
    if (verified.groupsOverage && verified.kind === "app") {
      // The same (cached) lookup the request path made, so this shows what the caller got.
      const resolved = await resolveEntraGroupIds(db, {
        tenantId: verified.tenantId,
        objectId: verified.objectId,
        principalType: "app",
        groups: verified.groups,
        groupsOverage: true,
      });
      steps.push({
        step: "groups claim",
        ok: resolved.ok,
        detail: resolved.ok
          ? `groups overage marker: ${resolved.ids.length} Entra group id(s) read from ${resolved.source === "scim" ? "SCIM" : "Microsoft Graph"}`
          : `${resolved.reason} (fails closed: assigned groups and app-role mappings still apply)`,
      });
    }
    return { steps, principal };
  } catch (error) {
    steps.push({ step: verified.kind === "app" ? "M2M account" : "registry user", ok: false, detail: failure(error) });
    return { steps, principal: null };
  }
}
