import { CopyButton } from "./copy-button";

/**
 * A long id (GUID) in a table: its first characters, the whole value on hover, and a copy
 * button, so the column stays narrow and the id is still one click from the clipboard.
 */
export function ShortId({ value, label, length = 8 }: { value: string; label: string; length?: number }) {
  return (
    <span className="inline-flex items-center gap-0.5 whitespace-nowrap">
      <span className="font-mono text-xs text-slate-600" title={value}>
        {value.length > length ? `${value.slice(0, length)}…` : value}
      </span>
      <CopyButton value={value} label={label} variant="ghost" iconOnly className="px-1!" />
    </span>
  );
}
