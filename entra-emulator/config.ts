import { readFile } from "node:fs/promises";
import { z } from "zod";

const guid = z.guid();

const appRoleAssignment = z.object({
  /** The resource (API) app: its client id or one of its identifier URIs. */
  resource: z.string().min(1),
  /** An app role value declared in the resource app's `appRoles`. */
  role: z.string().min(1),
});

/** A secret or certificate as Graph lists it; `expiresInDays` is relative to when the config is loaded. */
const credential = z
  .object({
    displayName: z.string().min(1).optional(),
    endDateTime: z.iso.datetime({ offset: true }).optional(),
    expiresInDays: z.number().min(-3650).max(3650).optional(),
  })
  .refine((c) => (c.endDateTime === undefined) !== (c.expiresInDays === undefined), {
    message: "give exactly one of endDateTime and expiresInDays",
  });

const app = z.object({
  clientId: guid,
  displayName: z.string().min(1),
  /** Absent: a public client (authorization code + PKCE without a secret; no client credentials). */
  clientSecret: z.string().min(1).optional(),
  /**
   * The access-token format for tokens whose audience is this app. Entra's manifest default is
   * `null`, which means v1 tokens; the emulator treats an absent value the same way.
   */
  requestedAccessTokenVersion: z.union([z.literal(1), z.literal(2)]).optional(),
  identifierUris: z.array(z.string().min(1)).default([]),
  appRoles: z.array(z.string().min(1)).optional(),
  /** Delegated permission names exposed by this API, e.g. `access_as_user`. */
  scopes: z.array(z.string().regex(/^[^\s/]+$/)).default([]),
  redirectUris: z.array(z.url({ protocol: /^https?$/ })).default([]),
  /** Application permissions granted to this app's service principal. */
  appRoleAssignments: z.array(appRoleAssignment).default([]),
  /** Group ids the service principal is a member of (they appear in its app-only tokens). */
  groups: z.array(guid).default([]),
  /** Fixed service-principal object id; derived from tenant + client id when absent. */
  servicePrincipalObjectId: guid.optional(),
  /** Issue the groups-overage marker (`_claim_names`) instead of `groups`, whatever the count. */
  groupsOverage: z.boolean().default(false),
  /** Microsoft Graph application permissions granted (admin-consented) to this app, e.g. `Application.Read.All`. */
  graphPermissions: z.array(z.string().min(1)).default([]),
  /** Client secrets and certificates Graph lists for the app registration (the secret above always works). */
  passwordCredentials: z.array(credential).default([]),
  keyCredentials: z.array(credential).default([]),
});

const user = z.object({
  objectId: guid,
  displayName: z.string().min(1),
  userPrincipalName: z.string().regex(/^[^\s@]+@[^\s@]+$/),
  /** The `email` claim; defaults to the user principal name. */
  email: z.string().min(3).optional(),
  groups: z.array(guid).default([]),
  appRoleAssignments: z.array(appRoleAssignment).default([]),
  /** Issue the groups-overage marker instead of `groups` in this user's tokens. */
  groupsOverage: z.boolean().default(false),
});

const tenant = z.object({
  id: guid,
  displayName: z.string().min(1),
  apps: z.array(app).default([]),
  groups: z.array(z.object({ id: guid, displayName: z.string().min(1) })).default([]),
  users: z.array(user).default([]),
});

export const emulatorConfigSchema = z
  .object({
    $comment: z.string().optional(),
    tenants: z.array(tenant).min(1),
    /** Lifetime of access and ID tokens. Entra issues 60–90 minutes; short values help expiry tests. */
    accessTokenLifetimeSeconds: z.int().min(30).max(86_400).default(3600),
    /** More groups than this turn the `groups` claim into Entra's overage marker (`_claim_names`). */
    groupsOverageLimit: z.int().min(1).default(200),
  })
  .superRefine((config, ctx) => {
    const seenTenants = new Set<string>();
    config.tenants.forEach((t, ti) => {
      const at = (...path: (string | number)[]) => ["tenants", ti, ...path];
      if (seenTenants.has(t.id.toLowerCase()))
        ctx.addIssue({ code: "custom", message: "duplicate tenant id", path: at("id") });
      seenTenants.add(t.id.toLowerCase());
      const groupIds = new Set(t.groups.map((g) => g.id.toLowerCase()));
      const clientIds = new Set<string>();
      const checkAssignments = (list: z.infer<typeof appRoleAssignment>[], path: (string | number)[]) =>
        list.forEach((a, i) => {
          const resource = t.apps.find((r) => identifiesApp(r, a.resource));
          if (!resource)
            ctx.addIssue({
              code: "custom",
              message: `no app '${a.resource}' in this tenant`,
              path: [...path, i, "resource"],
            });
          else if (!(resource.appRoles ?? []).includes(a.role))
            ctx.addIssue({
              code: "custom",
              message: `app '${resource.displayName}' has no app role '${a.role}'`,
              path: [...path, i, "role"],
            });
        });
      const checkGroups = (list: string[], path: (string | number)[]) =>
        list.forEach((g, i) => {
          if (!groupIds.has(g.toLowerCase()))
            ctx.addIssue({ code: "custom", message: `no group '${g}' in this tenant`, path: [...path, i] });
        });
      t.apps.forEach((a, ai) => {
        if (clientIds.has(a.clientId.toLowerCase()))
          ctx.addIssue({ code: "custom", message: "duplicate client id", path: at("apps", ai, "clientId") });
        clientIds.add(a.clientId.toLowerCase());
        checkAssignments(a.appRoleAssignments, at("apps", ai, "appRoleAssignments"));
        checkGroups(a.groups, at("apps", ai, "groups"));
      });
      const objectIds = new Set<string>();
      t.users.forEach((u, ui) => {
        if (objectIds.has(u.objectId.toLowerCase()))
          ctx.addIssue({ code: "custom", message: "duplicate user object id", path: at("users", ui, "objectId") });
        objectIds.add(u.objectId.toLowerCase());
        checkAssignments(u.appRoleAssignments, at("users", ui, "appRoleAssignments"));
        checkGroups(u.groups, at("users", ui, "groups"));
      });
    });
  });

export type EmulatorConfig = z.output<typeof emulatorConfigSchema>;
export type EmulatorTenant = EmulatorConfig["tenants"][number];
export type EmulatorApp = EmulatorTenant["apps"][number];
export type EmulatorUser = EmulatorTenant["users"][number];

/** True when `identifier` names `app`: its client id, `api://{clientId}` or one of its identifier URIs. */
export function identifiesApp(app: { clientId: string; identifierUris: string[] }, identifier: string): boolean {
  const wanted = identifier.toLowerCase();
  const id = app.clientId.toLowerCase();
  return wanted === id || wanted === `api://${id}` || app.identifierUris.some((uri) => uri.toLowerCase() === wanted);
}

/** Validates a config object (e.g. a test's variant of the demo file). Throws a readable error. */
export function parseEmulatorConfig(raw: unknown, source = "config"): EmulatorConfig {
  const result = emulatorConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
  throw new Error(`Invalid Entra emulator ${source}:\n${problems}`);
}

export async function loadEmulatorConfig(path: string): Promise<EmulatorConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    throw new Error(`Cannot read Entra emulator config ${path}: ${(e as Error).message}`, { cause: e });
  }
  return parseEmulatorConfig(raw, `config ${path}`);
}
