import { requirePermission } from "@/lib/access/authorize";
import { auditedChange, type AuditedTx } from "@/lib/audit/audited-change";
import type { PrincipalContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { toServerRecord } from "@/lib/servers/server-record";
import { planImport, type ImportResult } from "./plan-import";

/** The wire form of a plan: internal ids and mapped inputs stay inside. */
function present(results: ImportResult[], dryRun: boolean) {
  const items = results.map((result) => {
    const base = { index: result.index, name: result.name, slug: result.slug, action: result.action };
    if (result.action === "error") return { ...base, errors: result.errors };
    if (result.action === "create") return base;
    return { ...base, changes: result.changes };
  });
  const count = (action: ImportResult["action"]) => results.filter((r) => r.action === action).length;
  return {
    dryRun,
    results: items,
    summary: { create: count("create"), update: count("update"), unchanged: count("unchanged"), error: count("error") },
  };
}

async function apply({ tx, record }: AuditedTx, actor: string, result: ImportResult) {
  if (result.action !== "create" && result.action !== "update") return;
  const { server, registryName, registryMetadata } = result.server;
  const data = { ...server, registryName, registryMetadata: { ...registryMetadata }, updatedBy: actor };
  const reason = "server.json import";
  if (result.action === "create") {
    const created = await tx.server.create({ data: { ...data, createdBy: actor }, include: { tags: true } });
    record({
      action: "server.create",
      target: { type: "server", id: created.id, name: created.slug },
      after: toServerRecord(created),
      reason,
    });
    return;
  }
  const before = await tx.server.findUniqueOrThrow({ where: { id: result.id }, include: { tags: true } });
  const updated = await tx.server.update({ where: { id: result.id }, data, include: { tags: true } });
  record({
    action: "server.update",
    target: { type: "server", id: updated.id, name: updated.slug },
    before: toServerRecord(before),
    after: toServerRecord(updated),
    reason,
  });
}

/**
 * Imports server.json documents: a dry run answers the plan; otherwise every create and update
 * is written with its audit event in one transaction. A plan with any error writes nothing and
 * answers 422 naming each bad document (`documents.<i>.<field>`).
 */
export async function importServers(
  ctx: PrincipalContext,
  input: { documents: unknown[]; dryRun: boolean; registryUrl: string },
) {
  const { documents, registryUrl } = input;
  requirePermission(ctx, "servers:write");
  if (input.dryRun) return present(await planImport(ctx.db, ctx.principal, ctx.access, documents, registryUrl), true);
  return auditedChange(ctx.db, ctx, async (scope) => {
    const results = await planImport(scope.tx, ctx.principal, ctx.access, documents, registryUrl);
    const errors = results.flatMap((r) =>
      r.action === "error"
        ? r.errors.map((e) => ({ path: `documents.${r.index}${e.path ? `.${e.path}` : ""}`, message: e.message }))
        : [],
    );
    if (errors.length > 0) {
      throw new AppError(
        "validation_failed",
        `Nothing was imported: ${errors.length} problem(s), e.g. ${errors[0]!.path}: ${errors[0]!.message}`.slice(
          0,
          500,
        ),
        { fields: errors },
      );
    }
    const actor = ctx.principal.displayName;
    for (const result of results) await apply(scope, actor, result);
    return present(results, false);
  });
}
