import { CliError, registryError } from "./cli-error";
import { fetchOrFail } from "./network-error";

export interface RegistryErrorBody {
  error?: { code?: string; message?: string };
  requestId?: string;
}

/** The registry's answer to a failed request, as a message that says what to do next. */
export function describeRegistryFailure(
  method: string,
  path: string,
  response: Response,
  body: RegistryErrorBody | undefined,
  credential: CredentialSource,
): CliError {
  const code = body?.error?.code ?? "unknown";
  const message = body?.error?.message ?? response.statusText;
  const lines = [
    `${method} ${path}: ${response.status} ${code}: ${message}${body?.requestId ? ` (requestId ${body.requestId})` : ""}`,
  ];
  if (response.status === 401) {
    lines.push(
      credential === "env-token"
        ? "MCP_REGISTRY_TOKEN was refused: it is wrong, expired or revoked. Create a new one in Settings > API Tokens."
        : "The registry refused the token. Run `mcp-registry login` again; if that does not help, check that the registry trusts your tenant.",
    );
  } else if (code === "client_not_registered") {
    lines.push(
      "Entra ID issued the token, but the registry has no enabled M2M account for this app. Ask a registry admin to link it (tenant id + client id) in Settings > IAM > M2M Accounts, or to enable it.",
    );
  } else if (response.status === 403) {
    lines.push(
      "You are known to the registry but may not do this: ask an admin for a group that grants it (`mcp-registry whoami` shows your groups and permissions).",
    );
  } else if (response.status === 404) {
    lines.push("It does not exist or your groups do not grant it (the registry answers both the same way).");
  } else if (response.status === 503) {
    const retry = response.headers.get("retry-after");
    lines.push(`The registry is temporarily unavailable${retry ? `; retry in ${retry} s` : ""}.`);
  }
  // 401 and 403 are about the credential and its access; everything else is the registry's answer.
  return new CliError(response.status === 401 || response.status === 403 ? "auth" : "registry", lines.join("\n"));
}

export type CredentialSource = "env-token" | "entra";

export interface RegistryClient {
  get<T>(path: string): Promise<T>;
  /** Every item of a paged list, following `nextCursor` until it is null. */
  getAll<T>(path: string, query?: Record<string, string | undefined>): Promise<T[]>;
}

/**
 * `renew`, when given, is asked once for a new token after a 401: a cached Entra token can be
 * refused before its expiry (the registry's trusted tenants or the issuer's keys changed).
 */
export function registryClient(
  registryUrl: string,
  accessToken: string,
  credential: CredentialSource,
  renew?: () => Promise<string>,
): RegistryClient {
  let token = accessToken;
  let renewed = false;

  async function get<T>(path: string): Promise<T> {
    const response = await fetchOrFail("registry", `${registryUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
    });
    if (response.status === 401 && renew && !renewed) {
      renewed = true;
      token = await renew();
      return get(path);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      throw registryError(
        `GET ${path}: ${response.status}: the answer is not JSON. Is ${registryUrl} an MCP Registry?`,
      );
    }
    if (!response.ok)
      throw describeRegistryFailure(
        "GET",
        path.split("?")[0]!,
        response,
        body as RegistryErrorBody | undefined,
        credential,
      );
    return body as T;
  }

  async function getAll<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ limit: "200" });
      for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
      if (cursor) params.set("cursor", cursor);
      const page: { items: T[]; nextCursor: string | null } = await get(`${path}?${params}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  return { get, getAll };
}

/** RFC 9728 protected resource metadata: where a token for this registry comes from. */
export interface ProtectedResourceMetadata {
  resource?: string;
  authorization_servers?: string[];
  scopes_supported?: string[];
  token_endpoint_hint?: string;
}

export async function fetchProtectedResourceMetadata(registryUrl: string): Promise<ProtectedResourceMetadata> {
  const url = `${registryUrl}/.well-known/oauth-protected-resource`;
  const response = await fetchOrFail("registry", url);
  if (!response.ok)
    throw registryError(
      `GET /.well-known/oauth-protected-resource: ${response.status}. Is ${registryUrl} an MCP Registry? Check --registry.`,
    );
  try {
    return (await response.json()) as ProtectedResourceMetadata;
  } catch {
    throw registryError(
      `GET /.well-known/oauth-protected-resource: the answer is not JSON. Is ${registryUrl} an MCP Registry? Check --registry.`,
    );
  }
}
