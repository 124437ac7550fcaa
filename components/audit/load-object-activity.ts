import type { ObjectActivityProps } from "@/components/audit/object-activity";
import { hrefWith, param, type SearchParamsRecord } from "@/components/ui/url-state";
import { hasPermission, type EffectiveAccess } from "@/lib/access/effective-access";
import { auditQuery, findAuditEvents } from "@/lib/audit/find-audit-events";
import type { Db } from "@/lib/db";

const PAGE = 25;

/**
 * Server-only: one page of an object's audit events for its Activity tab, or null when the
 * viewer lacks audit:read (the tab is then not shown at all). The page's cursor lives in the
 * URL (`activity`), so an older page can be linked; a malformed cursor shows the newest page.
 */
export async function loadObjectActivity(
  db: Db,
  access: EffectiveAccess,
  target: { type: string; id: string; noun: string },
  page: { path: string; params: SearchParamsRecord },
): Promise<ObjectActivityProps | null> {
  if (!hasPermission(access, "audit:read")) return null;
  const parsed = auditQuery.safeParse({
    targetType: target.type,
    target: target.id,
    limit: PAGE,
    cursor: param(page.params, "activity"),
  });
  const query = parsed.success
    ? parsed.data
    : auditQuery.parse({ targetType: target.type, target: target.id, limit: PAGE });
  const result = await findAuditEvents(db, query);
  return {
    noun: target.noun,
    targetId: target.id,
    events: result.items,
    olderHref: result.nextCursor ? hrefWith(page.path, page.params, { activity: result.nextCursor }) : null,
    newestHref: query.cursor ? hrefWith(page.path, page.params, { activity: null }) : null,
  };
}
