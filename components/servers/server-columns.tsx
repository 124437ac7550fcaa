import Link from "next/link";
import type { Column } from "@/components/ui/data-table";
import { hrefWith, type SearchParamsRecord } from "@/components/ui/url-state";
import type { ServerRecord } from "@/lib/servers/schemas";
import { EnabledBadge, HealthBadge } from "./health-badge";

/** Catalog table columns; tag badges link to the tag filter (keeping the search). */
export function serverColumns(params: SearchParamsRecord): Column<ServerRecord>[] {
  return [
    {
      id: "server",
      header: "Server",
      rowHeader: true,
      className: "min-w-64",
      cell: (server) => (
        <div className="min-w-0">
          <Link
            href={`/servers/${server.slug}`}
            className="font-medium text-slate-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {server.name}
          </Link>
          <span className="ml-2 font-mono text-xs font-normal text-slate-500">{server.slug}</span>
          {server.description ? (
            <p className="mt-0.5 line-clamp-2 max-w-xl text-[13px] font-normal text-slate-500">{server.description}</p>
          ) : null}
        </div>
      ),
    },
    {
      id: "tags",
      header: "Tags",
      cell: (server) =>
        server.tags.length === 0 ? (
          <span className="text-slate-400">—</span>
        ) : (
          <ul className="flex max-w-56 flex-wrap gap-1">
            {server.tags.map((tag) => (
              <li key={tag}>
                <Link
                  href={hrefWith("/", params, { tag, cursor: undefined })}
                  aria-label={`Filter by tag ${tag}`}
                  className="inline-flex rounded-md bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 ring-1 ring-slate-200 ring-inset hover:bg-indigo-50 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        ),
    },
    {
      id: "health",
      header: "Health",
      cell: (server) => <HealthBadge status={server.health.status} checkedAt={server.health.checkedAt} />,
    },
    { id: "tools", header: "Tools", className: "text-right tabular-nums", cell: (server) => server.toolCount ?? 0 },
    {
      id: "version",
      header: "Version",
      cell: (server) => <span className="font-mono text-xs text-slate-600">{server.version || "—"}</span>,
    },
    { id: "enabled", header: "Status", cell: (server) => <EnabledBadge enabled={server.enabled} /> },
  ];
}
