import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  hashProvisioningSecret,
  looksLikeProvisioningSecret,
  PROVISIONING_PREFIX,
} from "@/lib/iam/provisioning-tokens/provisioning-secret";
import { extractCredential, withCredentialFingerprint, type BearerCredential } from "./credential";
import type { AuthRequest } from "./authenticate";

const LAST_USED_RESOLUTION_MS = 60_000;

export interface ProvisioningCaller {
  tokenId: string;
  name: string;
  tenantId: string;
}

function invalid(reason: string): AppError {
  return new AppError("invalid_token", "The provisioning secret is invalid.", { reason });
}

/**
 * The SCIM endpoint's credential check, beside the API's in this module: only a provisioning
 * secret (mcps_) is accepted. Sessions, registry API tokens and Entra tokens are refused, so a
 * user's credential can never drive provisioning and a leaked provisioning secret nothing else.
 */
export async function verifyProvisioningRequest(
  db: Db,
  request: AuthRequest,
  now = new Date(),
): Promise<ProvisioningCaller> {
  const credential = extractCredential({ ...request, isApiRoute: true });
  if (credential.kind !== "bearer") {
    throw new AppError(
      "unauthorized",
      "Authentication required: send the provisioning secret as `Authorization: Bearer mcps_…`.",
      { reason: `provisioning: ${credential.kind === "session" ? "session cookie" : "no credential"}` },
    );
  }
  try {
    return await verifySecret(db, credential, now);
  } catch (error) {
    throw withCredentialFingerprint(error, credential);
  }
}

async function verifySecret(db: Db, credential: BearerCredential, now: Date): Promise<ProvisioningCaller> {
  const secret = credential.token;
  if (!secret.startsWith(PROVISIONING_PREFIX)) throw invalid("provisioning: not a provisioning secret");
  if (!looksLikeProvisioningSecret(secret)) throw invalid("provisioning: malformed");
  const token = await db.provisioningToken.findUnique({ where: { secretHash: hashProvisioningSecret(secret) } });
  if (!token) throw invalid("provisioning: unknown");
  if (token.revokedAt) throw invalid("provisioning: revoked");
  // At most one write a minute; the conditional update keeps concurrent instances from piling up.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.provisioningToken.updateMany({
      where: {
        id: token.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return { tokenId: token.id, name: token.name, tenantId: token.tenantId };
}
