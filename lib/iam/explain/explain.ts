import { requirePermission } from "@/lib/access/authorize";
import { tokenScope } from "@/lib/access/load-access";
import { loadM2mGroups, loadUserGroups } from "@/lib/auth/principal-groups";
import type { PrincipalGroup } from "@/lib/auth/principal";
import type { TokenScope } from "@/lib/access/effective-access";
import type { OperationContext } from "@/lib/context";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { answerCall } from "./answer-call";
import { explainAccess } from "./explain-access";
import { explainToken } from "./explain-token";
import type { CallAnswer } from "./explain-call";
import { describeLastToken, lastTokenOf, type M2mLastToken } from "../m2m-accounts/m2m-last-token";
import type { ExplainInput, ExplainStep } from "./schemas";

interface Subject {
  subject: { kind: string; id: string; displayName: string } | null;
  verdict: { allowed: boolean; steps: ExplainStep[] };
  groups: PrincipalGroup[] | null;
  token: TokenScope | null;
  /** M2M accounts only: the last valid token recorded, whose roles and groups stand in for the next one. */
  lastToken?: M2mLastToken | null;
}

async function resolveSubject(db: Db, input: ExplainInput): Promise<Subject> {
  if ("token" in input) {
    const { steps, principal } = await explainToken(db, input.token);
    const verdict = { allowed: principal !== null, steps };
    if (!principal) return { subject: null, verdict, groups: null, token: null };
    return {
      subject: { kind: principal.kind, id: principal.id, displayName: principal.displayName },
      verdict,
      groups: principal.groups,
      token: tokenScope(principal),
    };
  }
  if ("userId" in input) {
    const user = await db.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new AppError("not_found", "No such user.");
    const steps: ExplainStep[] = [
      {
        step: "user enabled",
        ok: user.enabled,
        detail: user.enabled ? "can sign in" : "disabled: cannot sign in, every session and token is refused",
      },
    ];
    return {
      subject: { kind: "user", id: user.id, displayName: user.displayName },
      verdict: { allowed: user.enabled, steps },
      groups: await loadUserGroups(db, user),
      token: null,
    };
  }
  if ("m2mAccountId" in input) {
    const account = await db.m2mAccount.findUnique({ where: { id: input.m2mAccountId } });
    if (!account) throw new AppError("not_found", "No such M2M account.");
    // Roles and groups live in Entra and arrive with each token: the last one recorded stands in.
    const lastToken = lastTokenOf(account);
    const steps: ExplainStep[] = [
      {
        step: "M2M account enabled",
        ok: account.enabled,
        detail: account.enabled
          ? `tokens for app ${account.clientId} in tenant ${account.tenantId} are accepted`
          : "disabled: its tokens get 403 client_not_registered",
      },
      {
        step: "last token",
        ok: lastToken !== null && !lastToken.groupsSource?.startsWith("failed"),
        detail: describeLastToken(lastToken),
      },
    ];
    const groups = await loadM2mGroups(db, account.id, {
      roles: lastToken?.roles ?? [],
      entraGroupIds: lastToken?.groups ?? [],
    });
    return {
      subject: { kind: "m2m", id: account.id, displayName: account.name },
      verdict: { allowed: account.enabled, steps },
      groups,
      token: null,
      lastToken,
    };
  }
  const group = await db.group.findUnique({ where: { name: input.groupName } });
  if (!group) throw new AppError("not_found", `No group named ${input.groupName}.`);
  return {
    subject: { kind: "group", id: group.id, displayName: group.name },
    verdict: { allowed: true, steps: [] },
    groups: [{ id: group.id, name: group.name, reasons: [{ kind: "assignment" }] }],
    token: null,
  };
}

/**
 * "View as": who the subject is, whether it would be let in (step by step), and what it sees;
 * with `server` (and `tool` and/or `method`), also whether it can make that one call, and why.
 * iam:read, checked before the subject is looked up: users, M2M accounts and groups have no
 * visibility of their own, so without it an absent subject and a present one are both 403.
 */
export async function explain(ctx: OperationContext, input: ExplainInput) {
  requirePermission(ctx, "iam:read");
  const { db } = ctx;
  const { subject, verdict, groups, token, lastToken } = await resolveSubject(db, input);
  let call: CallAnswer | null = null;
  if (input.server) {
    const failed = verdict.steps.find((step) => !step.ok);
    const state = verdict.allowed
      ? { ok: true, detail: `${subject?.displayName ?? "the caller"} is let in` }
      : { ok: false, detail: failed ? `${failed.step}: ${failed.detail}` : "refused" };
    call = await answerCall(db, groups ?? [], token, state, {
      server: input.server,
      tool: input.tool,
      method: input.method,
    });
  }
  return {
    subject,
    verdict,
    access: groups ? await explainAccess(db, groups, token) : null,
    call,
    ...(lastToken !== undefined ? { lastToken } : {}),
  };
}
