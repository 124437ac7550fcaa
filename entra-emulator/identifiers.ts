import { createHash, randomBytes } from "node:crypto";
import type { EmulatorApp } from "./config";

/** A stable GUID derived from `parts` (UUIDv5-style: SHA hash, version and variant bits set). */
export function deterministicGuid(...parts: string[]): string {
  const bytes = createHash("sha256")
    .update(parts.map((p) => p.toLowerCase()).join("\u0000"))
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The object id of an app's service principal in a tenant: the `oid` (and `sub`) of its app-only tokens. */
export function servicePrincipalObjectId(
  tenantId: string,
  app: Pick<EmulatorApp, "clientId" | "servicePrincipalObjectId">,
): string {
  return app.servicePrincipalObjectId ?? deterministicGuid("service-principal", tenantId, app.clientId);
}

/** Entra's `sub` for users is pairwise: the same user has a different subject per application. */
export function pairwiseSubject(objectId: string, appId: string): string {
  return createHash("sha256").update(`${objectId.toLowerCase()}:${appId.toLowerCase()}`).digest("base64url");
}

export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString("base64url");
}

/** MSAL derives the account's home id from `client_info` (base64url JSON `{ uid, utid }`). */
export function clientInfo(objectId: string, tenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: objectId, utid: tenantId })).toString("base64url");
}
