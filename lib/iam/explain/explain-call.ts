import {
  canCallMethod,
  canSeeServer,
  canSeeTool,
  grantFor,
  LIFECYCLE,
  type EffectiveAccess,
  type GroupGrants,
} from "@/lib/access/effective-access";
import type { PrincipalGroup } from "@/lib/auth/principal";

/** "Can X call tool Y (or method M) on server Z?" */
export interface CallQuestion {
  server: string;
  tool?: string;
  method?: string;
}

/** One link of a grant chain: tool or method ← rule ← group ← how the principal is in the group. */
export interface CallGrant {
  group: string;
  rule: number | null;
  ruleServer: string | null;
  via: PrincipalGroup["reasons"] | { kind: "permission"; value: string }[];
}

export interface CallCheck {
  check: "subject" | "server" | "method" | "tool";
  ok: boolean;
  detail: string;
  grants: CallGrant[];
}

export interface CallAnswer {
  server: string;
  method: string;
  tool: string | null;
  allowed: boolean;
  /** In the gateway's order; evaluation stops at the first failure (later checks are not listed). */
  checks: CallCheck[];
}

export interface CallFacts {
  access: EffectiveAccess;
  groups: PrincipalGroup[];
  definitions: GroupGrants[];
  /** Null: no such server in the catalog. */
  server: { slug: string; enabled: boolean } | null;
  /** Whether the asked tool is in the server's tool list (null when no tool was asked). */
  toolKnown: boolean | null;
  subject: { ok: boolean; detail: string };
}

const includes = (names: string[], name: string) => names.includes("*") || names.includes(name);

/** The rules (in the principal's groups) on this server whose `pick` list names `name` or "*". */
function rulesGranting(facts: CallFacts, slug: string, pick: "methods" | "tools", name: string): CallGrant[] {
  const byId = new Map(facts.definitions.map((group) => [group.id, group]));
  return facts.groups.flatMap((membership) => {
    const group = byId.get(membership.id);
    if (!group) return [];
    return group.serverAccess.flatMap((rule, index) =>
      (rule.server === "*" || rule.server === slug) && includes(rule[pick], name)
        ? [{ group: group.name, rule: index, ruleServer: rule.server, via: membership.reasons }]
        : [],
    );
  });
}

function managers(access: EffectiveAccess): CallGrant[] {
  return (access.permissions.get("servers:write") ?? []).map((group) => ({
    group,
    rule: null,
    ruleServer: null,
    via: [{ kind: "permission" as const, value: "servers:write" }],
  }));
}

const list = (names: "*" | Set<string> | undefined) =>
  names === "*" ? "every one (*)" : names && names.size > 0 ? [...names].sort().join(", ") : "none";

/**
 * Answers the question with the same predicates the MCP gateway uses (canSeeServer →
 * canCallMethod → canSeeTool), and says why: the grant chain when allowed, the first missing
 * link when not. A tool without a method asks about `tools/call`. Pure.
 */
export function explainCall(facts: CallFacts, question: CallQuestion): CallAnswer {
  const { access } = facts;
  const slug = question.server;
  const method = question.method ?? (question.tool ? "tools/call" : "tools/list");
  const tool = question.tool ?? null;
  const checks: CallCheck[] = [];
  const done = (allowed: boolean): CallAnswer => ({ server: slug, method, tool, allowed, checks });

  checks.push({ check: "subject", ok: facts.subject.ok, detail: facts.subject.detail, grants: [] });
  if (!facts.subject.ok) return done(false);

  if (!facts.server) {
    checks.push({ check: "server", ok: false, detail: `no server ${slug} in the catalog`, grants: [] });
    return done(false);
  }
  const grant = grantFor(access, slug);
  if (!canSeeServer(access, slug, facts.server.enabled)) {
    const detail =
      !facts.server.enabled && grant
        ? `server ${slug} is disabled: only catalog managers (servers:write) can reach it`
        : `no rule for server ${slug} (nor "*") in any of the groups: ${facts.groups.map((g) => g.name).join(", ") || "none"}`;
    checks.push({ check: "server", ok: false, detail, grants: [] });
    return done(false);
  }
  const serverGrants = [
    ...(grant?.reasons ?? []).map((r) => ({ group: r.group, rule: r.rule, ruleServer: null, via: r.via })),
    ...(access.managesCatalog ? managers(access) : []),
  ];
  checks.push({
    check: "server",
    ok: true,
    detail: facts.server.enabled
      ? `server ${slug} is visible`
      : `server ${slug} is disabled but visible to a catalog manager`,
    grants: serverGrants,
  });

  if (!canCallMethod(access, slug, method)) {
    checks.push({
      check: "method",
      ok: false,
      detail: `method ${method} is not granted on ${slug}; granted: ${list(grant?.methods)}`,
      grants: [],
    });
    return done(false);
  }
  const methodGrants = LIFECYCLE.has(method) ? [] : rulesGranting(facts, slug, "methods", method);
  checks.push({
    check: "method",
    ok: true,
    detail: LIFECYCLE.has(method)
      ? `${method} is a lifecycle method, allowed on every visible server`
      : `${method} is granted`,
    grants: methodGrants,
  });

  if (tool !== null) {
    if (!canSeeTool(access, slug, tool)) {
      checks.push({
        check: "tool",
        ok: false,
        detail: `tool ${tool} is not listed in any rule for ${slug}; listed: ${list(grant?.tools)}`,
        grants: [],
      });
      return done(false);
    }
    const toolGrants =
      grant && (grant.tools === "*" || grant.tools.has(tool))
        ? rulesGranting(facts, slug, "tools", tool)
        : managers(access);
    const unknown = facts.toolKnown === false ? ` (note: ${slug} lists no tool named ${tool} today)` : "";
    checks.push({ check: "tool", ok: true, detail: `tool ${tool} is granted${unknown}`, grants: toolGrants });
  }
  return done(true);
}
