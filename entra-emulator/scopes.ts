import type { EmulatorApp, EmulatorTenant } from "./config";
import { type Resource, graphResource, resolveResource } from "./directory";
import { entraErrors } from "./errors";

export const OIDC_SCOPES = ["openid", "profile", "email", "offline_access"];

export function splitScopes(scope: string | null | undefined): string[] {
  return [...new Set((scope ?? "").split(/\s+/).filter(Boolean))];
}

/** Client credentials: exactly one `{resource}/.default` scope. */
export function parseAppOnlyScope(tenant: EmulatorTenant, scopeParam: string | null): Resource {
  const scopes = splitScopes(scopeParam);
  if (scopes.length === 0) throw entraErrors.missingParameter("scope");
  const notDefault = scopes.find((s) => !s.endsWith("/.default"));
  if (notDefault) throw entraErrors.scopeNotDefault(notDefault);
  if (scopes.length > 1) throw entraErrors.multipleResources(scopes.join(" "));
  const identifier = scopes[0]!.slice(0, -"/.default".length);
  const resource = resolveResource(tenant, identifier);
  if (!resource) throw entraErrors.resourceNotFound(identifier, tenant.displayName);
  return resource;
}

export interface DelegatedScopes {
  /** The OpenID Connect scopes requested (openid, profile, email, offline_access). */
  oidc: string[];
  resource: Resource;
  /** Permission names for the `scp` claim. */
  permissions: string[];
  /** The `scope` value of the token response. */
  granted: string;
}

/**
 * Delegated (user) scopes: OIDC scopes plus permissions of at most one resource, written
 * `{resource}/{name}` or `{resource}/.default`. Bare names and an absent resource mean
 * Microsoft Graph, as in Entra.
 */
export function parseDelegatedScopes(
  tenant: EmulatorTenant,
  client: EmulatorApp,
  scopeParam: string | null,
): DelegatedScopes {
  const scopes = splitScopes(scopeParam);
  if (scopes.length === 0) throw entraErrors.missingParameter("scope");
  const oidc = scopes.filter((s) => OIDC_SCOPES.includes(s.toLowerCase())).map((s) => s.toLowerCase());
  let resource: Resource | undefined;
  const names: string[] = [];
  for (const scope of scopes.filter((s) => !OIDC_SCOPES.includes(s.toLowerCase()))) {
    const slash = scope.lastIndexOf("/");
    const identifier = slash > 0 ? scope.slice(0, slash) : graphResource.identifier;
    const name = slash > 0 ? scope.slice(slash + 1) : scope;
    const found = resolveResource(tenant, identifier);
    if (!found) throw entraErrors.resourceNotFound(identifier, tenant.displayName);
    if (resource && resource.clientId !== found.clientId) throw entraErrors.multipleResources(scopes.join(" "));
    resource ??= found;
    names.push(...expandPermission(client, found, name));
  }
  if (!resource) {
    resource = graphResource;
    names.push("User.Read");
  }
  const permissions = [...new Set(names)];
  if (!resource.app) {
    const oidcInScp = oidc.filter((s) => s !== "offline_access");
    return {
      oidc,
      resource,
      permissions: [...oidcInScp, ...permissions],
      granted: [...permissions, ...oidcInScp].join(" "),
    };
  }
  const identifier = resource.identifier;
  return { oidc, resource, permissions, granted: permissions.map((p) => `${identifier}/${p}`).join(" ") };
}

function expandPermission(client: EmulatorApp, resource: Resource, name: string): string[] {
  if (!resource.app) return [name === ".default" ? "User.Read" : name];
  // `.default` stands for every permission the client was granted; the emulator grants all of them.
  if (name === ".default") return resource.app.scopes;
  if (!resource.app.scopes.includes(name))
    throw entraErrors.scopeNotOnResource(client.displayName, name, resource.identifier);
  return [name];
}
