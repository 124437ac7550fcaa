import { hasPermission } from "@/lib/access/effective-access";
import type { OperationContext } from "@/lib/context";
import { auditQuery, findAuditEvents, type AuditEventRecord } from "./find-audit-events";

const PAGE = 25;

export interface ObjectActivityPage {
  targetId: string;
  events: AuditEventRecord[];
  nextCursor: string | null;
  /** The cursor this page was read at; undefined for the newest page. */
  cursor: string | undefined;
}

/**
 * One page of an object's audit events, for its Activity tab. Null when the viewer lacks
 * audit:read: the tab is then not shown at all (the rest of the page is theirs to see). A
 * malformed cursor reads the newest page.
 */
export async function findObjectActivity(
  ctx: OperationContext,
  input: { targetType: string; targetId: string; cursor?: string },
): Promise<ObjectActivityPage | null> {
  if (!hasPermission(ctx.access, "audit:read")) return null;
  const target = { targetType: input.targetType, target: input.targetId, limit: PAGE };
  const parsed = auditQuery.safeParse({ ...target, cursor: input.cursor });
  const query = parsed.success ? parsed.data : auditQuery.parse(target);
  const result = await findAuditEvents(ctx, query);
  return { targetId: input.targetId, events: result.items, nextCursor: result.nextCursor, cursor: query.cursor };
}
