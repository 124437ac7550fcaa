/**
 * The audit action of an update: turning something on or off is its own event
 * (`user.disable`, `server.enable`), so the log reads as what happened and can be filtered on it;
 * any other change (also one that changes other fields along with the state) stays `<family>.update`
 * with before/after holding the details.
 */
export function updateAction(family: string, enabledBefore: boolean, enabledAfter: boolean): string {
  if (enabledBefore === enabledAfter) return `${family}.update`;
  return `${family}.${enabledAfter ? "enable" : "disable"}`;
}
