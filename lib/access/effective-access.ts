import type { PrincipalGroup } from "@/lib/auth/principal";
import { isPermission, type Permission } from "./permissions";
import { usableTokenPermissions } from "./token-permissions";

/** A group as the access computation needs it: its rules and permissions. */
export interface GroupGrants {
  id: string;
  name: string;
  permissions: string[];
  serverAccess: { server: string; methods: string[]; tools: string[] }[];
}

/** Why something is granted: rule (by position) ← group ← how the principal got the group. */
export interface GrantReason {
  group: string;
  rule: number;
  via: PrincipalGroup["reasons"];
}

export type NameSet = "*" | Set<string>;

/** What a registry API token narrows access to (null for every other principal). */
export interface TokenScope {
  /** Server slugs the token is restricted to, or null for no restriction. */
  servers: string[] | null;
  /** Permissions chosen at creation (see lib/access/token-permissions.ts). */
  permissions: readonly string[];
}

export interface ServerGrant {
  methods: NameSet;
  tools: NameSet;
  reasons: GrantReason[];
}

export interface EffectiveAccess {
  permissions: Map<Permission, string[]>;
  /** servers:write holders see and manage the whole catalog. */
  managesCatalog: boolean;
  /** Grants from rules whose server is "*". */
  anyServer: ServerGrant | null;
  /** Grants from rules naming a server slug. */
  servers: Map<string, ServerGrant>;
  /** A registry API token's server restriction (null: none). Applies even to catalog managers. */
  restriction: Set<string> | null;
}

function union(a: NameSet, b: string[]): NameSet {
  if (a === "*" || b.includes("*")) return "*";
  const next = new Set(a);
  for (const item of b) next.add(item);
  return next;
}

function addRule(grant: ServerGrant | undefined, methods: string[], tools: string[], reason: GrantReason): ServerGrant {
  const base = grant ?? { methods: new Set<string>(), tools: new Set<string>(), reasons: [] };
  return {
    methods: union(base.methods, methods),
    // A missing or empty tools list grants no tools (fail closed).
    tools: union(base.tools, tools),
    reasons: [...base.reasons, reason],
  };
}

/**
 * Union over the principal's groups (SPEC §3). For a registry API token (`token` given), only
 * the permissions it carries survive, and only those its restriction allows — never more than
 * its groups grant (lib/access/token-permissions.ts). Pure.
 */
export function computeEffectiveAccess(
  principalGroups: PrincipalGroup[],
  definitions: GroupGrants[],
  token: TokenScope | null = null,
): EffectiveAccess {
  const byId = new Map(definitions.map((group) => [group.id, group]));
  const restriction = token?.servers ?? null;
  const carried = token ? usableTokenPermissions(token.permissions, restriction !== null) : null;
  const permissions = new Map<Permission, string[]>();
  const servers = new Map<string, ServerGrant>();
  let anyServer: ServerGrant | null = null;

  for (const membership of principalGroups) {
    const group = byId.get(membership.id);
    if (!group) continue;
    for (const permission of group.permissions) {
      if (!isPermission(permission) || (carried && !carried.has(permission))) continue;
      permissions.set(permission, [...(permissions.get(permission) ?? []), group.name]);
    }
    group.serverAccess.forEach((rule, index) => {
      const reason: GrantReason = { group: group.name, rule: index, via: membership.reasons };
      if (rule.server === "*") anyServer = addRule(anyServer ?? undefined, rule.methods, rule.tools, reason);
      else servers.set(rule.server, addRule(servers.get(rule.server), rule.methods, rule.tools, reason));
    });
  }

  return {
    permissions,
    managesCatalog: permissions.has("servers:write"),
    anyServer,
    servers,
    restriction: restriction ? new Set(restriction) : null,
  };
}

export function hasPermission(access: EffectiveAccess, permission: Permission): boolean {
  return access.permissions.has(permission);
}

function allowedByRestriction(access: EffectiveAccess, slug: string): boolean {
  return access.restriction === null || access.restriction.has(slug);
}

/** The merged grant for one server (wildcard rules plus rules naming it), or null. */
export function grantFor(access: EffectiveAccess, slug: string): ServerGrant | null {
  if (!allowedByRestriction(access, slug)) return null;
  const specific = access.servers.get(slug);
  const wildcard = access.anyServer;
  if (!specific && !wildcard) return null;
  if (!specific) return wildcard;
  if (!wildcard) return specific;
  return {
    methods: wildcard.methods === "*" ? "*" : union(specific.methods, [...wildcard.methods]),
    tools: wildcard.tools === "*" ? "*" : union(specific.tools, [...wildcard.tools]),
    reasons: [...wildcard.reasons, ...specific.reasons],
  };
}

export function canSeeServer(access: EffectiveAccess, slug: string, serverEnabled = true): boolean {
  if (!allowedByRestriction(access, slug)) return false;
  if (access.managesCatalog) return true;
  // A disabled server is hidden from everyone but catalog managers: it cannot be used.
  return serverEnabled && grantFor(access, slug) !== null;
}

export function canSeeTool(access: EffectiveAccess, slug: string, tool: string): boolean {
  if (!allowedByRestriction(access, slug)) return false;
  if (access.managesCatalog) return true;
  const grant = grantFor(access, slug);
  return grant !== null && (grant.tools === "*" || grant.tools.has(tool));
}

export const LIFECYCLE = new Set(["initialize", "notifications/initialized", "ping"]);

export function canCallMethod(access: EffectiveAccess, slug: string, method: string): boolean {
  const grant = grantFor(access, slug);
  if (!grant) return access.managesCatalog && allowedByRestriction(access, slug) && LIFECYCLE.has(method);
  if (LIFECYCLE.has(method)) return true;
  return grant.methods === "*" || grant.methods.has(method);
}
