/** Elements that can take focus (Tab order aside). */
export const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements Tab visits inside `container`, in order (visible, enabled, one radio per checked group). */
export function tabbables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => {
    if (element.tabIndex < 0 || element.getClientRects().length === 0) return false;
    if (element instanceof HTMLInputElement && element.type === "radio" && !element.checked && element.name) {
      return !container.querySelector(`input[type="radio"][name="${CSS.escape(element.name)}"]:checked`);
    }
    return true;
  });
}

/**
 * Where Tab (or Shift+Tab) goes from `from` among `items`, as if focus were still there: the
 * browser's "sequential focus navigation starting point", for when `from` lost focus (it was
 * disabled while a form was pending). Wraps around; without `from`, the first (or last) item.
 */
export function nextTabbable(
  items: HTMLElement[],
  from: HTMLElement | null,
  backwards: boolean,
): HTMLElement | undefined {
  const anchor = from?.isConnected ? from : null;
  if (backwards) {
    const before = anchor
      ? items.filter((item) => item.compareDocumentPosition(anchor) & Node.DOCUMENT_POSITION_FOLLOWING)
      : [];
    return before.at(-1) ?? items.at(-1);
  }
  const after = anchor
    ? items.filter((item) => anchor.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING)
    : [];
  return after[0] ?? items[0];
}
