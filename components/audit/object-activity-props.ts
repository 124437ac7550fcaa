import type { ObjectActivityProps } from "@/components/audit/object-activity";
import { hrefWith, type SearchParamsRecord } from "@/components/ui/url-state";
import type { ObjectActivityPage } from "@/lib/audit/find-object-activity";

/**
 * The Activity tab of one object's page. The page's cursor lives in the URL (`activity`), so an
 * older page can be linked; null (no audit:read) stays null and the tab is not shown.
 */
export function objectActivityProps(
  page: ObjectActivityPage | null,
  target: { id: string; noun: string },
  at: { path: string; params: SearchParamsRecord },
): ObjectActivityProps | null {
  if (!page) return null;
  return {
    noun: target.noun,
    targetId: target.id,
    events: page.events,
    olderHref: page.nextCursor ? hrefWith(at.path, at.params, { activity: page.nextCursor }) : null,
    newestHref: page.cursor ? hrefWith(at.path, at.params, { activity: null }) : null,
  };
}
