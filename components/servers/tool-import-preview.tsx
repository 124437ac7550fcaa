import type { ToolImportDiff } from "./tool-import-diff";

function Group({ label, names, tone }: { label: string; names: string[]; tone: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600">{`${label} (${names.length})`}</dt>
      <dd className="mt-1">
        {names.length === 0 ? (
          <span className="text-xs text-slate-400">none</span>
        ) : (
          <ul aria-label={label} className="flex flex-wrap gap-1">
            {names.map((name) => (
              <li
                key={name}
                className={`rounded px-1.5 py-0.5 font-mono text-[11.5px] break-all ring-1 ring-inset ${tone}`}
              >
                {name}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </div>
  );
}

/** The dry-run result of an import (or a discovery): which tools it adds, changes and removes. */
export function ToolImportPreview({ diff, label = "Import preview" }: { diff: ToolImportDiff; label?: string }) {
  return (
    <section aria-label={label} className="rounded-md border border-slate-200 p-3">
      <p className="mb-2 text-[13px] text-slate-700">{`Preview: ${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed, ${diff.unchanged} unchanged.`}</p>
      <dl className="grid gap-3 sm:grid-cols-3">
        <Group label="Added" names={diff.added} tone="bg-emerald-50 text-emerald-900 ring-emerald-200" />
        <Group label="Changed" names={diff.changed} tone="bg-amber-50 text-amber-900 ring-amber-200" />
        <Group label="Removed" names={diff.removed} tone="bg-red-50 text-red-900 ring-red-200" />
      </dl>
    </section>
  );
}
