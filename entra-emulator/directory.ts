import type { EmulatorApp, EmulatorConfig, EmulatorTenant, EmulatorUser } from "./config";
import { identifiesApp } from "./config";

export const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
const GRAPH_IDENTIFIERS = [GRAPH_APP_ID, "https://graph.microsoft.com"];

/** A token audience: an API app of the tenant, or Microsoft Graph (the default resource). */
export interface Resource {
  /** Absent for Microsoft Graph. */
  app?: EmulatorApp;
  clientId: string;
  displayName: string;
  /** How the client named the resource; Entra uses it as the `aud` of v1 tokens. */
  identifier: string;
  tokenVersion: 1 | 2;
}

export const graphResource: Resource = {
  clientId: GRAPH_APP_ID,
  displayName: "Microsoft Graph",
  identifier: GRAPH_APP_ID,
  tokenVersion: 1,
};

/** Tenants are addressed by id (any case), as the emulator does not model verified domains. */
export function findTenant(config: EmulatorConfig, segment: string): EmulatorTenant | undefined {
  const wanted = segment.toLowerCase();
  return config.tenants.find((t) => t.id.toLowerCase() === wanted);
}

export function findApp(tenant: EmulatorTenant, clientId: string): EmulatorApp | undefined {
  const wanted = clientId.toLowerCase();
  return tenant.apps.find((a) => a.clientId.toLowerCase() === wanted);
}

export function findUser(tenant: EmulatorTenant, objectId: string): EmulatorUser | undefined {
  const wanted = objectId.toLowerCase();
  return tenant.users.find((u) => u.objectId.toLowerCase() === wanted);
}

/** An app that exposes an API: it declares app roles, scopes, identifier URIs or a token version. */
export function isResourceApp(app: EmulatorApp): boolean {
  return (
    app.appRoles !== undefined ||
    app.requestedAccessTokenVersion !== undefined ||
    app.identifierUris.length > 0 ||
    app.scopes.length > 0
  );
}

export function resolveResource(tenant: EmulatorTenant, identifier: string): Resource | undefined {
  if (GRAPH_IDENTIFIERS.includes(identifier.toLowerCase())) return { ...graphResource, identifier };
  const app = tenant.apps.find((a) => isResourceApp(a) && identifiesApp(a, identifier));
  if (!app) return undefined;
  const wanted = identifier.toLowerCase();
  // Keep the registered spelling of the identifier the client used.
  const canonical =
    wanted === app.clientId.toLowerCase()
      ? app.clientId
      : (app.identifierUris.find((u) => u.toLowerCase() === wanted) ?? `api://${app.clientId}`);
  return {
    app,
    clientId: app.clientId,
    displayName: app.displayName,
    identifier: canonical,
    // Entra's manifest default (null) means v1 access tokens.
    tokenVersion: app.requestedAccessTokenVersion ?? 1,
  };
}

/** The app role values that `assignments` grant on `resource`. */
export function rolesOn(resource: Resource, assignments: { resource: string; role: string }[]): string[] {
  const app = resource.app;
  if (!app) return [];
  const roles = assignments.filter((a) => identifiesApp(app, a.resource)).map((a) => a.role);
  return [...new Set(roles)];
}
