import { authError, usageError } from "./cli-error";
import { readConfig, updateRegistry, type StoredEntraLogin } from "./config-store";
import { acquireToken } from "./entra-login";
import { registryClient, type RegistryClient } from "./registry-client";

/** Tokens this close to expiry are renewed rather than sent (clock skew, slow requests). */
const EXPIRY_MARGIN_MS = 60_000;

/** `--registry`, else MCP_REGISTRY_URL, else the registry of the last login; without a trailing slash. */
export function resolveRegistryUrl(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const value = flag ?? env.MCP_REGISTRY_URL ?? readConfig(env).currentRegistry;
  if (!value)
    throw usageError(
      "No registry: pass --registry <url> (or set MCP_REGISTRY_URL), or run `mcp-registry login --registry <url> …` once.",
    );
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`--registry must be a URL such as https://registry.example.com (got "${value}").`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw usageError(`--registry must be an http(s) URL (got "${value}").`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

export function isFresh(expiresOn: string, now = Date.now()): boolean {
  return Date.parse(expiresOn) - EXPIRY_MARGIN_MS > now;
}

/**
 * The bearer token for a registry: MCP_REGISTRY_TOKEN when set (a registry API token, used as is,
 * never written to disk); else the cached Entra token while it is fresh; else a new one from Entra
 * with the stored login and the secret read again from its environment variable.
 */
export async function accessTokenFor(
  registryUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ token: string; source: "env-token" | "entra" }> {
  if (env.MCP_REGISTRY_TOKEN) return { token: env.MCP_REGISTRY_TOKEN, source: "env-token" };
  const entry = readConfig(env).registries[registryUrl];
  if (entry?.token && isFresh(entry.token.expiresOn)) return { token: entry.token.accessToken, source: "entra" };
  if (!entry?.login) {
    throw authError(
      `Not logged in to ${registryUrl}. Run \`mcp-registry login --registry ${registryUrl} --client-id <app id>\` (secret in MCP_REGISTRY_CLIENT_SECRET), or set MCP_REGISTRY_TOKEN to a registry API token.`,
    );
  }
  if (!env[entry.login.secretEnv]) {
    throw authError(
      `The cached token for ${registryUrl} expired${entry.token ? ` at ${entry.token.expiresOn}` : ""}. Set ${entry.login.secretEnv} to the client secret of app ${entry.login.clientId} and the CLI signs in again by itself, or run \`mcp-registry login\`.`,
    );
  }
  return { token: await renewToken(registryUrl, entry.login, env), source: "entra" };
}

/** A new token from Entra with the stored login and the secret from its variable, cached. */
async function renewToken(registryUrl: string, login: StoredEntraLogin, env: NodeJS.ProcessEnv): Promise<string> {
  const token = await acquireToken(login, env[login.secretEnv]!);
  updateRegistry(registryUrl, (stored) => ({ ...stored, login, token }), env);
  return token.accessToken;
}

export async function clientFor(registryUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<RegistryClient> {
  const { token, source } = await accessTokenFor(registryUrl, env);
  const login = source === "entra" ? readConfig(env).registries[registryUrl]?.login : undefined;
  // Renewal after a 401 only where it can succeed without asking: an Entra login whose secret is at hand.
  const renew = login && env[login.secretEnv] ? () => renewToken(registryUrl, login, env) : undefined;
  return registryClient(registryUrl, token, source, renew);
}
