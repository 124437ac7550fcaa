import { dispatch } from "../api/support/routes";
import { REGISTRY_ORIGIN } from "../api/support/call";

export interface ScimAnswer {
  status: number;
  headers: Headers;
  text: string;
  // SCIM bodies are asserted attribute by attribute.
  json: any;
}

export interface ScimCall {
  /** The bearer secret, or null for no Authorization header. */
  secret: string | null;
  body?: unknown;
  headers?: [string, string][];
}

/** One request as Entra's provisioning service sends it (application/scim+json), through the API application in-process. */
export async function scim(method: string, path: string, options: ScimCall): Promise<ScimAnswer> {
  const headers = new Headers();
  if (options.secret !== null) headers.set("authorization", `Bearer ${options.secret}`);
  if (options.body !== undefined) headers.set("content-type", "application/scim+json; charset=utf-8");
  for (const [name, value] of options.headers ?? []) headers.append(name, value);
  const request = new Request(`${REGISTRY_ORIGIN}/scim/v2${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await dispatch(request);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}

export async function expectScim(status: number, method: string, path: string, options: ScimCall): Promise<ScimAnswer> {
  const answer = await scim(method, path, options);
  if (answer.status !== status)
    throw new Error(`${method} ${path}: expected ${status}, got ${answer.status}: ${answer.text.slice(0, 500)}`);
  return answer;
}

export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/** Asserts SCIM's error shape: schemas, status as a string, scimType when given, a detail. */
export function assertScimError(answer: ScimAnswer, status: number, scimType?: string) {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
  const { schemas, status: bodyStatus, scimType: bodyType, detail, ...rest } = answer.json;
  const problems: string[] = [];
  if (JSON.stringify(schemas) !== JSON.stringify([ERROR_SCHEMA])) problems.push(`schemas ${JSON.stringify(schemas)}`);
  if (bodyStatus !== String(status)) problems.push(`status ${JSON.stringify(bodyStatus)}`);
  if (bodyType !== scimType) problems.push(`scimType ${JSON.stringify(bodyType)} (expected ${scimType})`);
  if (typeof detail !== "string" || detail.length < 10) problems.push(`detail ${JSON.stringify(detail)}`);
  if (Object.keys(rest).length > 0) problems.push(`extra keys ${Object.keys(rest).join(", ")}`);
  if (!answer.headers.get("content-type")?.startsWith("application/scim+json"))
    problems.push(`content-type ${answer.headers.get("content-type")}`);
  if (problems.length > 0) throw new Error(`bad SCIM error: ${problems.join("; ")}: ${answer.text}`);
}

/** A user as Entra's default attribute mappings send it on create. */
export function entraUser(
  objectId: string,
  userPrincipalName: string,
  displayName: string,
  mail: string | null = userPrincipalName,
) {
  return {
    schemas: [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    ],
    externalId: objectId,
    userName: userPrincipalName,
    active: true,
    displayName,
    ...(mail ? { emails: [{ primary: true, type: "work", value: mail }] } : {}),
    meta: { resourceType: "User" },
    name: { formatted: displayName, familyName: displayName.split(" ").at(-1), givenName: displayName.split(" ")[0] },
    roles: [],
  };
}
