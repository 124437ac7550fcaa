/** The reverse-DNS server name pattern of server.json (schema 2025-12-11). */
export const REGISTRY_NAME_PATTERN = /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/;

/**
 * The namespace of servers that were never given a name by an import: this registry's own host,
 * reversed (`registry.contoso.com` → `com.contoso.registry`, `localhost` → `localhost`). The
 * port is left out, so the name stays stable when only the port changes.
 */
export function registryNamespace(registryUrl: string): string {
  return new URL(registryUrl).hostname.toLowerCase().split(".").filter(Boolean).reverse().join(".");
}

/** A server's official name: the imported one, or `<namespace>/<slug>`. */
export function registryNameOf(server: { slug: string; registryName: string | null }, registryUrl: string): string {
  return server.registryName ?? `${registryNamespace(registryUrl)}/${server.slug}`;
}

/** The slug a derived name stands for, or null when the name is not in this registry's namespace. */
export function slugOfDerivedName(name: string, registryUrl: string): string | null {
  const prefix = `${registryNamespace(registryUrl)}/`;
  return name.startsWith(prefix) ? name.slice(prefix.length) : null;
}
