import { randomUUID } from "node:crypto";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import { getConfig } from "@/lib/config";
import { verifyProvisioningRequest, type ProvisioningCaller } from "@/lib/auth/verify-provisioning-token";
import { dbReady, getDb, type Db } from "@/lib/db";
import { auditAuthFailure } from "@/lib/http/audit-auth-failure";
import { readAuthRequest } from "@/lib/auth/read-auth-request";
import { readBodyText } from "@/lib/http/parse-input";
import { ScimError } from "./scim-error";
import { scimErrorResponse } from "./scim-response";

export interface ScimContext {
  db: Db;
  caller: ProvisioningCaller;
  /** Every SCIM change is audited with the provisioning token as actor. */
  audit: AuditContext;
  requestId: string;
  /** `{REGISTRY_URL}/scim/v2`, for meta.location. */
  baseUrl: string;
}

export interface ScimArgs {
  ctx: ScimContext;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export type ScimHandler = (args: ScimArgs) => Promise<Response>;

/**
 * The SCIM pipeline, mirroring withAuth: authenticate (provisioning secret only) → parse the
 * JSON body → handler → SCIM error shape. Authorization is the token's tenant: every lib/scim
 * query is scoped to it.
 */
export function withScimAuth(handler: ScimHandler) {
  return async (request: Request, params: Record<string, string>): Promise<Response> => {
    const requestId = randomUUID();
    const db = getDb();
    try {
      await dbReady();
      const caller = await verifyProvisioningRequest(db, readAuthRequest(request));
      const audit: AuditContext = {
        principal: null,
        requestId,
        actor: { kind: "provisioning-token", id: caller.tokenId, name: caller.name },
      };
      const body = request.method === "GET" || request.method === "DELETE" ? undefined : await readJson(request);
      return await handler({
        ctx: { db, caller, audit, requestId, baseUrl: `${getConfig().registryUrl}/scim/v2` },
        params,
        query: new URL(request.url).searchParams,
        body,
      });
    } catch (error) {
      await auditAuthFailure(db, error, null, requestId, request);
      return scimErrorResponse(error, requestId);
    }
  };
}

async function readJson(request: Request): Promise<unknown> {
  const text = await readBodyText(request);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ScimError(400, "The request body is not valid JSON.", "invalidSyntax");
  }
}
