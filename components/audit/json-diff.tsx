import { cn } from "@/components/ui/cn";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? "null";
}

/** Top-level keys whose values differ between before and after. */
export function changedKeys(before: unknown, after: unknown): Set<string> {
  if (!isRecord(before) || !isRecord(after)) return new Set();
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return new Set([...keys].filter((key) => pretty(before[key]) !== pretty(after[key])));
}

function Side({
  title,
  value,
  changed,
  tone,
}: {
  title: string;
  value: unknown;
  changed: Set<string>;
  tone: "before" | "after";
}) {
  const mark =
    tone === "before" ? "bg-red-50 text-red-900 ring-red-200" : "bg-emerald-50 text-emerald-900 ring-emerald-200";
  return (
    <figure className="min-w-0 overflow-hidden rounded-md border border-slate-200">
      <figcaption className="border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs font-medium text-slate-600">
        {title}
      </figcaption>
      {value === null || value === undefined ? (
        <p className="px-3 py-3 text-xs text-slate-400">
          {tone === "before" ? "Nothing before (created)" : "Nothing after (deleted)"}
        </p>
      ) : isRecord(value) ? (
        <pre
          className="max-h-[50vh] overflow-auto p-2 font-mono text-[11.5px] leading-relaxed break-all whitespace-pre-wrap text-slate-800"
          tabIndex={0}
          aria-label={`${title} JSON`}
        >
          {"{\n"}
          {Object.entries(value).map(([key, item], index, all) => (
            <span
              key={key}
              className={cn("block rounded px-1", changed.has(key) && `ring-1 ring-inset ${mark}`)}
              title={changed.has(key) ? "changed" : undefined}
            >
              {`  ${JSON.stringify(key)}: ${pretty(item).replace(/\n/g, "\n  ")}${index < all.length - 1 ? "," : ""}`}
              {changed.has(key) ? <span className="sr-only"> (changed)</span> : null}
            </span>
          ))}
          {"}"}
        </pre>
      ) : (
        <pre
          className="max-h-[50vh] overflow-auto p-3 font-mono text-[11.5px] break-all whitespace-pre-wrap text-slate-800"
          tabIndex={0}
          aria-label={`${title} JSON`}
        >
          {pretty(value)}
        </pre>
      )}
    </figure>
  );
}

/** Before and after side by side; changed top-level keys are highlighted on both sides. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const changed = changedKeys(before, after);
  return (
    <div className="space-y-2">
      {changed.size > 0 ? (
        <p className="text-xs text-slate-600">
          Changed: <span className="font-mono">{[...changed].join(", ")}</span>
        </p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        <Side title="Before" value={before} changed={changed} tone="before" />
        <Side title="After" value={after} changed={changed} tone="after" />
      </div>
    </div>
  );
}
