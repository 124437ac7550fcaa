import { computeEffectiveAccess, type TokenScope } from "@/lib/access/effective-access";
import { loadGroupGrants } from "@/lib/access/load-access";
import type { PrincipalGroup } from "@/lib/auth/principal";
import type { Db } from "@/lib/db";
import { explainCall, type CallAnswer, type CallQuestion } from "./explain-call";

/** Loads the facts the call question needs (grants, the server, whether it lists the tool) and answers it. */
export async function answerCall(
  db: Db,
  groups: PrincipalGroup[],
  token: TokenScope | null,
  subject: { ok: boolean; detail: string },
  question: CallQuestion,
): Promise<CallAnswer> {
  const [definitions, server] = await Promise.all([
    loadGroupGrants(
      db,
      groups.map((group) => group.id),
    ),
    db.server.findUnique({ where: { slug: question.server }, select: { id: true, slug: true, enabled: true } }),
  ]);
  const toolKnown =
    server && question.tool ? (await db.tool.count({ where: { serverId: server.id, name: question.tool } })) > 0 : null;
  return explainCall(
    { access: computeEffectiveAccess(groups, definitions, token), groups, definitions, server, toolKnown, subject },
    question,
  );
}
