import { authError, usageError } from "../cli-error";
import { print, registryOption, stringOption, type Command } from "../command";
import { configPath, readConfig, updateRegistry } from "../config-store";
import { resolveRegistryUrl } from "../credential";
import { acquireToken, resolveLogin } from "../entra-login";
import { fetchProtectedResourceMetadata, registryClient } from "../registry-client";
import { describeCaller, type Me } from "./whoami";

export const DEFAULT_SECRET_ENV = "MCP_REGISTRY_CLIENT_SECRET";

export const loginCommand: Command = {
  name: "login",
  summary: "Sign in with an Entra ID app (client credentials) and cache the token",
  help: `Usage: mcp-registry login --registry <url> --client-id <app id> [options]

Gets an Entra ID access token for the registry with the client-credentials flow (@azure/msal-node),
checks it against GET /api/me, and caches it (never the secret) in
$XDG_CONFIG_HOME/mcp-registry/credentials.json (or ~/.config/mcp-registry/; file 0600, directory 0700).
When the cached token expires, any command signs in again by itself if the secret's variable is set.

The scope, tenant and authority host come from the registry's RFC 9728 metadata
(GET {registry}/.well-known/oauth-protected-resource); the options below override them.

Options:
  --registry <url>            the registry's base URL (or MCP_REGISTRY_URL)
  --client-id <id>            the app registration's Application (client) ID
  --client-secret-env <VAR>   the environment variable holding the client secret
                              (default ${DEFAULT_SECRET_ENV}); a secret is never an argument
  --tenant <id>               the Directory (tenant) ID (default: the registry's tenant)
  --authority-host <url>      e.g. https://login.microsoftonline.us, or the bundled emulator
                              https://localhost:3443 (default: the registry's token endpoint host)
  --scope <scope>             default: the registry's scopes_supported (api://{api client id}/.default)

With MCP_REGISTRY_TOKEN set (a registry API token, mcpr_…) and no --client-id, login only checks
the token and remembers the registry; the token stays in the environment.

Without --client-id, login signs in again with the app of the last login to this registry.

Examples:
  MCP_REGISTRY_CLIENT_SECRET=… mcp-registry login --registry https://registry.example.com --client-id 82f9…
  MCP_REGISTRY_TOKEN=mcpr_… mcp-registry login --registry https://registry.example.com`,
  options: {
    ...registryOption,
    "client-id": { type: "string" },
    "client-secret-env": { type: "string" },
    // Declared only to refuse it with a reason instead of "unknown option".
    "client-secret": { type: "string" },
    tenant: { type: "string" },
    "authority-host": { type: "string" },
    scope: { type: "string" },
  },
  async run(values) {
    if (values["client-secret"] !== undefined) {
      throw usageError(
        `--client-secret is not accepted: a secret on the command line lands in shell history and process lists. Put it in an environment variable (${DEFAULT_SECRET_ENV}, or name one with --client-secret-env).`,
      );
    }
    const registryUrl = resolveRegistryUrl(stringOption(values, "registry"));
    const stored = readConfig().registries[registryUrl]?.login;

    if (!stringOption(values, "client-id") && process.env.MCP_REGISTRY_TOKEN) {
      const me = await registryClient(registryUrl, process.env.MCP_REGISTRY_TOKEN, "env-token").get<Me>("/api/me");
      updateRegistry(registryUrl, (entry) => entry);
      print(
        `MCP_REGISTRY_TOKEN works on ${registryUrl}: ${describeCaller(me)}.\nCommands use it while it is set; nothing was written but the registry's address.`,
      );
      return;
    }
    const clientId = stringOption(values, "client-id") ?? stored?.clientId;
    if (!clientId)
      throw usageError(
        "--client-id is required (the app registration's Application (client) ID). See `mcp-registry login --help`.",
      );

    const secretEnv =
      stringOption(values, "client-secret-env") ??
      (clientId === stored?.clientId ? stored.secretEnv : undefined) ??
      DEFAULT_SECRET_ENV;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(secretEnv))
      throw usageError(`--client-secret-env takes the name of an environment variable (got "${secretEnv}").`);
    const secret = process.env[secretEnv];
    if (!secret)
      throw usageError(
        `${secretEnv} is not set. Put the client secret of app ${clientId} in it (the CLI never takes a secret as an argument).`,
      );

    const sameApp = clientId === stored?.clientId ? stored : undefined;
    const metadata = await fetchProtectedResourceMetadata(registryUrl);
    const login = resolveLogin(
      {
        clientId,
        secretEnv,
        tenant: stringOption(values, "tenant") ?? sameApp?.tenantId,
        authorityHost: stringOption(values, "authority-host") ?? sameApp?.authorityHost,
        scope: stringOption(values, "scope"),
      },
      metadata,
    );
    const token = await acquireToken(login, secret);
    // Checked before caching: a token the registry refuses (app not linked, tenant not trusted) is no login.
    const me = await registryClient(registryUrl, token.accessToken, "entra").get<Me>("/api/me");
    if (me.kind !== "m2m") throw authError(`The registry took this token as a ${me.kind}, not an M2M account.`);
    updateRegistry(registryUrl, () => ({ login, token }));
    print(
      `Logged in to ${registryUrl} as ${describeCaller(me)}.\nToken cached until ${token.expiresOn} in ${configPath()}.`,
    );
  },
};
