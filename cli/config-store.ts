import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { usageError } from "./cli-error";

/** How to get a new token for a registry without asking again. Never the secret: only the name of the variable holding it. */
export interface StoredEntraLogin {
  tenantId: string;
  clientId: string;
  authorityHost: string;
  scope: string;
  secretEnv: string;
}

export interface StoredToken {
  accessToken: string;
  /** ISO 8601; the token is reused until a minute before. */
  expiresOn: string;
}

export interface StoredRegistry {
  login?: StoredEntraLogin;
  token?: StoredToken;
}

export interface CliConfig {
  /** The registry commands talk to when neither --registry nor MCP_REGISTRY_URL names one. */
  currentRegistry?: string;
  registries: Record<string, StoredRegistry>;
}

export const CONFIG_FILE = "credentials.json";

/** `$XDG_CONFIG_HOME/mcp-registry`, else `~/.config/mcp-registry`. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith("/") ? env.XDG_CONFIG_HOME : join(homedir(), ".config");
  return join(base, "mcp-registry");
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), CONFIG_FILE);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): CliConfig {
  let text: string;
  try {
    text = readFileSync(configPath(env), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { registries: {} };
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<CliConfig>;
    return { currentRegistry: parsed.currentRegistry, registries: parsed.registries ?? {} };
  } catch {
    throw usageError(`${configPath(env)} is not valid JSON. Delete it and run \`mcp-registry login\` again.`);
  }
}

/**
 * The file holds bearer tokens: the directory is 0700 and the file 0600, enforced on every write
 * (chmod too, because mkdir and writeFile honour the umask and leave existing modes alone).
 * Written to a temporary file and renamed, so a reader never sees half a file.
 */
export function writeConfig(config: CliConfig, env: NodeJS.ProcessEnv = process.env): void {
  const dir = configDir(env);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const temporary = join(dir, `.${CONFIG_FILE}.${process.pid}.tmp`);
    writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, join(dir, CONFIG_FILE));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw usageError(
      `Cannot write ${join(dir, CONFIG_FILE)} (${code}). Make it writable, or set XDG_CONFIG_HOME to a directory you own.`,
    );
  }
}

export function updateRegistry(
  registryUrl: string,
  change: (entry: StoredRegistry) => StoredRegistry,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const config = readConfig(env);
  config.registries[registryUrl] = change(config.registries[registryUrl] ?? {});
  config.currentRegistry = registryUrl;
  writeConfig(config, env);
}
