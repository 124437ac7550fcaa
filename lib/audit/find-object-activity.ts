import { hasPermission, type EffectiveAccess } from "@/lib/access/effective-access";
import { auditQuery, findAuditEvents, type AuditEventRecord } from "@/lib/audit/find-audit-events";
import type { Db } from "@/lib/db";

const PAGE = 25;

export interface ObjectActivityPage {
  events: AuditEventRecord[];
  /** The cursor of the next, older page; null on the oldest. */
  nextCursor: string | null;
  /** The cursor this page was read at; undefined on the newest page. */
  cursor: string | undefined;
}

/**
 * One page of an object's audit events for its Activity tab, or null when the viewer lacks
 * audit:read (the tab is then not shown at all). A malformed cursor reads the newest page.
 */
export async function findObjectActivity(
  db: Db,
  access: EffectiveAccess,
  target: { type: string; id: string },
  cursor: string | undefined,
): Promise<ObjectActivityPage | null> {
  if (!hasPermission(access, "audit:read")) return null;
  const parsed = auditQuery.safeParse({ targetType: target.type, target: target.id, limit: PAGE, cursor });
  const query = parsed.success
    ? parsed.data
    : auditQuery.parse({ targetType: target.type, target: target.id, limit: PAGE });
  const result = await findAuditEvents(db, query);
  return { events: result.items, nextCursor: result.nextCursor, cursor: query.cursor };
}
