import type { ImportReport } from "@/lib/servers/official/import-schemas";

const ACTION = {
  create: { label: "Create", tone: "bg-emerald-50 text-emerald-900 ring-emerald-200" },
  update: { label: "Update", tone: "bg-amber-50 text-amber-900 ring-amber-200" },
  unchanged: { label: "Unchanged", tone: "bg-slate-50 text-slate-700 ring-slate-200" },
  error: { label: "Error", tone: "bg-red-50 text-red-900 ring-red-200" },
} as const;

const shown = (value: unknown) =>
  value === null || value === undefined || value === ""
    ? "—"
    : typeof value === "string"
      ? value
      : JSON.stringify(value);

/** What an import would do (or did) to each pasted document. */
export function ServerImportPreview({ report }: { report: ImportReport }) {
  const { create, update, unchanged, error } = report.summary;
  return (
    <section aria-label="Import preview" className="min-w-0 rounded-md border border-slate-200 p-3">
      <p className="mb-2 text-[13px] text-slate-700">{`Preview: ${create} to create, ${update} to update, ${unchanged} unchanged, ${error} with errors.`}</p>
      <ol className="space-y-2">
        {report.results.map((result) => {
          const action = ACTION[result.action];
          return (
            <li
              key={result.index}
              aria-label={`Document ${result.index + 1}`}
              className="min-w-0 rounded border border-slate-100 p-2"
            >
              <div className="flex min-w-0 flex-wrap items-center gap-2">
                <span className={`rounded px-1.5 py-0.5 text-[11.5px] font-medium ring-1 ring-inset ${action.tone}`}>
                  {action.label}
                </span>
                <span className="min-w-0 font-mono text-[12.5px] break-all">
                  {result.name ?? `Document ${result.index + 1}`}
                </span>
                {result.slug ? <span className="text-xs text-slate-500 break-all">{`→ ${result.slug}`}</span> : null}
              </div>
              {result.errors?.length ? (
                <ul className="mt-1 list-disc pl-5 text-[12.5px] text-red-800">
                  {result.errors.map((e) => (
                    <li key={`${e.path}:${e.message}`} className="break-words">
                      {e.path ? `${e.path}: ${e.message}` : e.message}
                    </li>
                  ))}
                </ul>
              ) : null}
              {result.action === "update" && result.changes?.length ? (
                <dl className="mt-1 grid gap-x-2 text-[12.5px] sm:grid-cols-[auto_1fr]">
                  {result.changes.map((change) => (
                    <div key={change.field} className="contents">
                      <dt className="font-medium text-slate-600">{change.field}</dt>
                      <dd className="min-w-0 break-all text-slate-800">{`${shown(change.before)} → ${shown(change.after)}`}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
