import type { Permission } from "@/lib/access/permissions";
import { DEMO } from "./support/api-registry";
import type { Method } from "./support/routes";
import type { SuiteContext, PrincipalName } from "./security-suite";

type Params = Record<string, string>;

/**
 * One row per authenticated API route and method: what the shared security suite needs to
 * call it. `params` names a target every "lacking permission" principal can see, so a 403 is
 * about the permission and not about visibility; `fresh` gives the positive control a target
 * it may change or destroy.
 */
export interface RouteCase {
  method: Method;
  path: string;
  /** Required permission, or null for "any principal". */
  permission: Permission | null;
  /** Whether the route addresses one object (then: absent → 404). */
  namesObject: boolean;
  params?: (s: SuiteContext) => Params;
  /** A valid body (sent with every check, so failures are never about the body). */
  body?: unknown;
  /** Status of the positive control (admin session). */
  ok: number;
  fresh?: (s: SuiteContext) => Promise<Params>;
  /** Params (or, for routes that name it in the body, a body) naming no object. */
  absent?: Params;
  absentBody?: unknown;
  /** An object that exists but this caller (who may use the route) cannot see. */
  invisible?: { to: PrincipalName; params: (s: SuiteContext) => Params };
}

// github is visible to everyone below; slack is not visible to team-payments.
const serverTarget = {
  params: () => ({ slug: "github" }),
  absent: { slug: "no-such-server" },
  invisible: { to: "payments" as const, params: () => ({ slug: "slack" }) },
};
const officialTarget = {
  params: () => ({ serverName: "localhost/github" }),
  absent: { serverName: "localhost/no-such-server" },
  invisible: { to: "payments" as const, params: () => ({ serverName: "localhost/slack" }) },
};
const officialVersionTarget = {
  params: () => ({ serverName: "localhost/github", version: "latest" }),
  absent: { serverName: "localhost/no-such-server", version: "latest" },
  invisible: { to: "payments" as const, params: () => ({ serverName: "localhost/slack", version: "latest" }) },
};
const groupTarget = { params: () => ({ name: "team-payments" }), absent: { name: "no-such-group" } };
const accountTarget = {
  params: (s: SuiteContext) => ({ id: s.reg.accountIds.payments }),
  absent: { id: "0b7e3a58-5f8e-4c2e-9d0a-6c1b2a3d4e5f" },
};
const userTarget = {
  params: (s: SuiteContext) => ({ id: s.reg.userIds.alex }),
  absent: { id: "4c9a1e27-3b6d-4f80-a2c5-7e8d9f0a1b2c" },
};
// Adele's token: Alex (tokens:create via team-payments) may manage tokens, but not hers.
const victim = (s: SuiteContext) => ({ id: s.victimTokenId });
const tokenTarget = {
  params: victim,
  absent: { id: "7d2f4b6a-8c1e-4a3b-9f5d-0e6c7b8a9d1f" },
  invisible: { to: "alex" as const, params: victim },
};

export const ROUTE_TABLE: RouteCase[] = [
  { method: "GET", path: "/api/audit", permission: "audit:read", namesObject: false, ok: 200 },

  { method: "GET", path: "/api/iam/groups", permission: "iam:read", namesObject: false, ok: 200 },
  {
    method: "POST",
    path: "/api/iam/groups",
    permission: "iam:write",
    namesObject: false,
    ok: 201,
    body: {
      name: "suite-created-group",
      serverAccess: [{ server: "github", methods: ["tools/list"], tools: ["search_issues"] }],
    },
  },
  { method: "GET", path: "/api/iam/groups/{name}", permission: "iam:read", namesObject: true, ok: 200, ...groupTarget },
  {
    method: "PATCH",
    path: "/api/iam/groups/{name}",
    permission: "iam:write",
    namesObject: true,
    ok: 200,
    ...groupTarget,
    body: { serverAccess: [] },
    fresh: (s) => s.freshGroup(),
  },
  {
    method: "DELETE",
    path: "/api/iam/groups/{name}",
    permission: "iam:write",
    namesObject: true,
    ok: 204,
    ...groupTarget,
    fresh: (s) => s.freshGroup(),
  },

  {
    method: "POST",
    path: "/api/iam/explain",
    permission: "iam:read",
    namesObject: true,
    ok: 200,
    body: { groupName: "team-payments" },
    absent: {},
    absentBody: { groupName: "no-such-group" },
  },

  { method: "GET", path: "/api/iam/m2m-accounts", permission: "iam:read", namesObject: false, ok: 200 },
  {
    method: "POST",
    path: "/api/iam/m2m-accounts",
    permission: "iam:write",
    namesObject: false,
    ok: 201,
    body: {
      tenantId: DEMO.tenant,
      clientId: "6f1d2c3b-4a5e-4f60-8172-93a4b5c6d7e8",
      name: "suite-created-app",
      groups: ["registry-admins"],
    },
  },
  {
    method: "GET",
    path: "/api/iam/m2m-accounts/{id}",
    permission: "iam:read",
    namesObject: true,
    ok: 200,
    ...accountTarget,
  },
  {
    method: "PATCH",
    path: "/api/iam/m2m-accounts/{id}",
    permission: "iam:write",
    namesObject: true,
    ok: 200,
    ...accountTarget,
    body: { enabled: false },
    fresh: (s) => s.freshAccount(),
  },
  {
    method: "DELETE",
    path: "/api/iam/m2m-accounts/{id}",
    permission: "iam:write",
    namesObject: true,
    ok: 204,
    ...accountTarget,
    fresh: (s) => s.freshAccount(),
  },

  { method: "GET", path: "/api/iam/provisioning-tokens", permission: "iam:read", namesObject: false, ok: 200 },
  {
    method: "POST",
    path: "/api/iam/provisioning-tokens",
    permission: "iam:write",
    namesObject: false,
    ok: 201,
    body: { name: "suite provisioning" },
  },
  {
    method: "DELETE",
    path: "/api/iam/provisioning-tokens/{id}",
    permission: "iam:write",
    namesObject: true,
    ok: 204,
    params: (s) => ({ id: s.victimProvisioningTokenId }),
    absent: { id: "2a6c8e0f-1b3d-4e5f-8a7b-9c0d1e2f3a4b" },
    fresh: (s) => s.freshProvisioningToken(),
  },

  { method: "GET", path: "/api/iam/tokens", permission: "iam:read", namesObject: false, ok: 200 },
  {
    method: "DELETE",
    path: "/api/iam/tokens/{id}",
    permission: "iam:write",
    namesObject: true,
    ok: 204,
    params: victim,
    absent: { id: "5e1a9c3b-7d2f-4b6a-8c1e-0f4a3b9d5e7c" },
    fresh: (s) => s.freshToken(),
  },

  { method: "GET", path: "/api/iam/users", permission: "iam:read", namesObject: false, ok: 200 },
  {
    method: "POST",
    path: "/api/iam/users",
    permission: "iam:write",
    namesObject: false,
    ok: 201,
    body: {
      tenantId: DEMO.tenant,
      objectId: "5e8c2a14-9d7b-4f36-b1a0-c3d4e5f60718",
      displayName: "Suite User",
      groups: ["registry-admins"],
    },
  },
  { method: "GET", path: "/api/iam/users/{id}", permission: "iam:read", namesObject: true, ok: 200, ...userTarget },
  {
    method: "PATCH",
    path: "/api/iam/users/{id}",
    permission: "iam:write",
    namesObject: true,
    ok: 200,
    ...userTarget,
    body: { enabled: false },
    fresh: (s) => s.freshUser(),
  },
  {
    method: "POST",
    path: "/api/iam/users/{id}/sign-out",
    permission: "iam:write",
    namesObject: true,
    ok: 200,
    ...userTarget,
    fresh: (s) => s.freshUser(),
  },

  { method: "GET", path: "/api/me", permission: null, namesObject: false, ok: 200 },

  { method: "GET", path: "/api/servers", permission: null, namesObject: false, ok: 200 },
  {
    method: "POST",
    path: "/api/servers",
    permission: "servers:write",
    namesObject: false,
    ok: 201,
    body: { slug: "suite-created-server", name: "Suite server", url: "https://mcp.example.test/suite" },
  },
  {
    method: "POST",
    path: "/api/servers/import",
    permission: "servers:write",
    namesObject: false,
    ok: 200,
    body: {
      dryRun: true,
      documents: [
        {
          name: "io.example/suite-import",
          description: "Suite import",
          version: "1.0.0",
          remotes: [{ type: "streamable-http", url: "https://mcp.example.test/suite-import" }],
        },
      ],
    },
  },
  { method: "GET", path: "/api/servers/{slug}", permission: null, namesObject: true, ok: 200, ...serverTarget },
  {
    method: "PATCH",
    path: "/api/servers/{slug}",
    permission: "servers:write",
    namesObject: true,
    ok: 200,
    ...serverTarget,
    body: { enabled: false },
    fresh: (s) => s.freshServer(),
  },
  {
    method: "DELETE",
    path: "/api/servers/{slug}",
    permission: "servers:write",
    namesObject: true,
    ok: 204,
    ...serverTarget,
    fresh: (s) => s.freshServer(),
  },
  { method: "GET", path: "/api/servers/{slug}/tools", permission: null, namesObject: true, ok: 200, ...serverTarget },
  {
    method: "PUT",
    path: "/api/servers/{slug}/tools",
    permission: "servers:write",
    namesObject: true,
    ok: 200,
    ...serverTarget,
    body: { tools: [] },
    fresh: (s) => s.freshServer(),
  },

  // Fresh servers point at mcp.example.test, which never resolves: discovery answers 502 (the
  // upstream is unreachable), a health check answers 200 with the server down.
  {
    method: "POST",
    path: "/api/servers/{slug}/discover",
    permission: "servers:write",
    namesObject: true,
    ok: 502,
    ...serverTarget,
    body: {},
    fresh: (s) => s.freshServer(),
  },
  {
    method: "POST",
    path: "/api/servers/{slug}/check-health",
    permission: "servers:write",
    namesObject: true,
    ok: 200,
    ...serverTarget,
    fresh: (s) => s.freshServer(),
  },

  {
    method: "GET",
    path: "/api/servers/{slug}/upstream-credentials",
    permission: "servers:write",
    namesObject: true,
    ok: 200,
    ...serverTarget,
  },
  {
    method: "PUT",
    path: "/api/servers/{slug}/upstream-credentials",
    permission: "servers:write",
    namesObject: true,
    ok: 200,
    ...serverTarget,
    body: { headers: { "X-API-Key": "suite-key" } },
    fresh: (s) => s.freshServer(),
  },
  {
    method: "DELETE",
    path: "/api/servers/{slug}/upstream-credentials",
    permission: "servers:write",
    namesObject: true,
    ok: 204,
    ...serverTarget,
    fresh: (s) => s.freshServer(),
  },

  { method: "GET", path: "/api/usage", permission: "audit:read", namesObject: false, ok: 200 },

  { method: "GET", path: "/api/tokens", permission: "tokens:create", namesObject: false, ok: 200 },
  {
    method: "POST",
    path: "/api/tokens",
    permission: "tokens:create",
    namesObject: false,
    ok: 201,
    body: { name: "suite token", expiresInHours: 1 },
  },
  {
    method: "DELETE",
    path: "/api/tokens/{id}",
    permission: "tokens:create",
    namesObject: true,
    ok: 204,
    ...tokenTarget,
    fresh: (s) => s.freshToken(),
  },
  {
    method: "POST",
    path: "/api/tokens/{id}/rotate",
    permission: "tokens:create",
    namesObject: true,
    ok: 200,
    ...tokenTarget,
    body: { graceHours: 0 },
    fresh: (s) => s.freshToken(),
  },

  { method: "GET", path: "/api/tools", permission: null, namesObject: false, ok: 200 },

  // The official MCP Registry API: names are derived from REGISTRY_URL's host (localhost) and the slug.
  { method: "GET", path: "/v0.1/servers", permission: null, namesObject: false, ok: 200 },
  {
    method: "GET",
    path: "/v0.1/servers/{serverName}/versions",
    permission: null,
    namesObject: true,
    ok: 200,
    ...officialTarget,
  },
  {
    method: "GET",
    path: "/v0.1/servers/{serverName}/versions/{version}",
    permission: null,
    namesObject: true,
    ok: 200,
    ...officialVersionTarget,
  },
];

/** Routes that answer without a credential (they never use withAuth). */
export const PUBLIC_ROUTES = [
  "GET /api/health",
  "GET /api/openapi.json",
  "GET /.well-known/oauth-protected-resource",
  "GET /.well-known/oauth-protected-resource/{resource*}",
];
