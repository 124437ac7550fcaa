import { defineRoute, type ApiRoute } from "@/lib/api/route-definition";
import { json } from "@/lib/http/json";
import { usageToCsv, usageToJsonLines } from "@/lib/usage/export-gateway-usage";
import { findGatewayUsage, usageQuery } from "@/lib/usage/find-gateway-usage";

/** MCP gateway usage (every tools/call: who, which server and tool, outcome, duration). */
export const usageRoutes: ApiRoute[] = [
  defineRoute({
    method: "GET",
    path: "/api/usage",
    summary: "MCP gateway tools/call usage, filterable by principal, server, tool, outcome and time (json, csv, jsonl)",
    permission: "audit:read",
    query: usageQuery,
    handler: async ({ ctx, query }) => {
      const page = await findGatewayUsage(ctx, query);
      if (query.format === "json") return json(page);
      const csv = query.format === "csv";
      const headers: Record<string, string> = {
        "Content-Type": csv ? "text/csv; charset=utf-8" : "application/x-ndjson",
        "Content-Disposition": `attachment; filename="usage.${csv ? "csv" : "jsonl"}"`,
        "Cache-Control": "no-store",
      };
      if (page.nextCursor) headers["X-Next-Cursor"] = page.nextCursor;
      return new Response(csv ? usageToCsv(page.items) : usageToJsonLines(page.items), { headers });
    },
  }),
];
