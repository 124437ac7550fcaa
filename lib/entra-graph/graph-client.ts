import { ConfidentialClientApplication } from "@azure/msal-node";
import { defaultGraphUrl } from "@/lib/auth/entra/issuers";
import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";

export type GraphFailureKind = "not-configured" | "forbidden" | "not-found" | "failed";
export type GraphResult<T> = { ok: true; value: T } | { ok: false; kind: GraphFailureKind; reason: string };

const TIMEOUT_MS = 5_000;
const clients = new Map<string, ConfidentialClientApplication>();

/**
 * The registry's own app (ENTRA_CLIENT_ID + ENTRA_CLIENT_SECRET) in `tenantId`, for app-only
 * Graph calls. MSAL caches the Graph token until shortly before it expires.
 */
function graphClient(tenantId: string): ConfidentialClientApplication | null {
  const { authorityHost, clientId, clientSecret } = getConfig().entra;
  if (!clientSecret) return null;
  const authority = `${authorityHost}/${tenantId}`;
  const key = JSON.stringify([authority, clientId, clientSecret]);
  let client = clients.get(key);
  if (!client) {
    client = new ConfidentialClientApplication({
      auth: { clientId, clientSecret, authority, knownAuthorities: [new URL(authorityHost).host] },
    });
    clients.set(key, client);
  }
  return client;
}

/**
 * One Microsoft Graph v1.0 call with the registry's app credentials. Never throws: a failure
 * comes back with a kind (403 = a missing application permission) and a log-safe reason.
 */
export async function callGraph<T>(
  tenantId: string,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<GraphResult<T>> {
  const config = getConfig().entra;
  const client = graphClient(tenantId);
  if (!client)
    return {
      ok: false,
      kind: "not-configured",
      reason: "ENTRA_CLIENT_SECRET is not set, so the registry cannot call Microsoft Graph",
    };
  let accessToken: string;
  try {
    const result = await client.acquireTokenByClientCredential({
      scopes: [`${defaultGraphUrl(config.cloud)}/.default`],
    });
    if (!result?.accessToken) return { ok: false, kind: "failed", reason: "no Graph access token returned" };
    accessToken = result.accessToken;
  } catch (error) {
    log.warn("graph: token request failed", { tenantId, error: (error as Error).message });
    return { ok: false, kind: "failed", reason: "could not get a Microsoft Graph token for the registry app" };
  }
  let response: Response;
  try {
    response = await fetch(`${config.graphUrl}/v1.0/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    log.warn("graph: request failed", { path, error: (error as Error).message });
    return { ok: false, kind: "failed", reason: "Microsoft Graph did not answer" };
  }
  if (response.status === 403 || response.status === 401)
    return { ok: false, kind: "forbidden", reason: `Microsoft Graph refused the call (${response.status})` };
  if (response.status === 404) return { ok: false, kind: "not-found", reason: "Microsoft Graph has no such object" };
  if (!response.ok) return { ok: false, kind: "failed", reason: `Microsoft Graph answered ${response.status}` };
  try {
    return { ok: true, value: (await response.json()) as T };
  } catch {
    return { ok: false, kind: "failed", reason: "Microsoft Graph answered with malformed JSON" };
  }
}
