import { tokenScope } from "@/lib/access/load-access";
import { loadUserGroups } from "@/lib/auth/principal-groups";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { explainAccess } from "./explain-access";
import { explainToken } from "./explain-token";
import { explainM2mAccount } from "../m2m-accounts/explain-m2m-account";
import { describeLastToken } from "../m2m-accounts/m2m-last-token";
import type { ExplainInput, ExplainStep } from "./schemas";

/** "View as": who the subject is, whether it would be let in (step by step), and what it sees. */
export async function explain(db: Db, input: ExplainInput) {
  if ("token" in input) {
    const { steps, principal } = await explainToken(db, input.token);
    const verdict = { allowed: principal !== null, steps };
    if (!principal) return { subject: null, verdict, access: null };
    return { subject: { kind: principal.kind, id: principal.id, displayName: principal.displayName }, verdict, access: await explainAccess(db, principal.groups, tokenScope(principal)) };
  }
  if ("userId" in input) {
    const user = await db.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new AppError("not_found", "No such user.");
    const steps: ExplainStep[] = [{ step: "user enabled", ok: user.enabled, detail: user.enabled ? "can sign in" : "disabled: cannot sign in, every session and token is refused" }];
    return { subject: { kind: "user", id: user.id, displayName: user.displayName }, verdict: { allowed: user.enabled, steps }, access: await explainAccess(db, await loadUserGroups(db, user)) };
  }
  if ("m2mAccountId" in input) {
    const found = await explainM2mAccount(db, input.m2mAccountId);
    if (!found) throw new AppError("not_found", "No such M2M account.");
    const { account, lastToken, ...access } = found;
    const steps: ExplainStep[] = [
      { step: "M2M account enabled", ok: account.enabled, detail: account.enabled ? `tokens for app ${account.clientId} in tenant ${account.tenantId} are accepted` : "disabled: its tokens get 403 client_not_registered" },
      // Roles and groups live in Entra and arrive with each token: the last one recorded stands in.
      { step: "last token", ok: lastToken !== null && !lastToken.groupsSource?.startsWith("failed"), detail: describeLastToken(lastToken) },
    ];
    return { subject: { kind: "m2m", id: account.id, displayName: account.name }, verdict: { allowed: account.enabled, steps }, access, lastToken };
  }
  const group = await db.group.findUnique({ where: { name: input.groupName } });
  if (!group) throw new AppError("not_found", `No group named ${input.groupName}.`);
  return {
    subject: { kind: "group", id: group.id, displayName: group.name },
    verdict: { allowed: true, steps: [] },
    access: await explainAccess(db, [{ id: group.id, name: group.name, reasons: [{ kind: "assignment" }] }]),
  };
}
