import { defineRoute } from "@/lib/api/route-definition";
import { toCsv, toJsonLines } from "@/lib/audit/export-audit-events";
import { auditQuery, findAuditEvents } from "@/lib/audit/find-audit-events";
import { json } from "@/lib/http/json";

export const auditRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/audit",
    summary: "Audit events (json, csv, jsonl)",
    permission: "audit:read",
    query: auditQuery,
    handler: async ({ ctx, query }) => {
      const page = await findAuditEvents(ctx, query);
      if (query.format === "json") return json(page);
      const csv = query.format === "csv";
      const headers: Record<string, string> = {
        "Content-Type": csv ? "text/csv; charset=utf-8" : "application/x-ndjson",
        "Content-Disposition": `attachment; filename="audit.${csv ? "csv" : "jsonl"}"`,
        "Cache-Control": "no-store",
      };
      if (page.nextCursor) headers["X-Next-Cursor"] = page.nextCursor;
      return new Response(csv ? toCsv(page.items) : toJsonLines(page.items), { headers });
    },
  }),
];
