import type { ObjectActivityProps } from "@/components/audit/object-activity";
import { hrefWith, param, type SearchParamsRecord } from "@/components/ui/url-state";
import type { ObjectActivityPage } from "@/lib/audit/find-object-activity";

/** The page's `activity` URL parameter: the cursor of the Activity tab's page. */
export function activityCursor(params: SearchParamsRecord): string | undefined {
  return param(params, "activity") || undefined;
}

/** An Activity page with its paging links (the cursor lives in the URL, so an older page can be linked). */
export function toObjectActivityProps(
  page: ObjectActivityPage | null,
  noun: string,
  url: { path: string; params: SearchParamsRecord },
): ObjectActivityProps | null {
  if (!page) return null;
  return {
    noun,
    targetId: page.targetId,
    events: page.events,
    olderHref: page.nextCursor ? hrefWith(url.path, url.params, { activity: page.nextCursor }) : null,
    newestHref: page.cursor ? hrefWith(url.path, url.params, { activity: null }) : null,
  };
}
