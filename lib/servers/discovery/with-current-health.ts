import type { Db } from "@/lib/db";
import type { ServerRecord } from "@/lib/servers/schemas";
import { toServerHealthRecord } from "@/lib/servers/server-record";
import type { Page } from "@/lib/validation/common";

/**
 * A page of servers with the health stored now. Catalog pages are cached per IAM generation and
 * health probes deliberately do not move it (they are not IAM changes), so the one list route
 * that caches overlays the stored health: one primary-key query for the page's servers, re-run
 * when this instance recorded a probe or at most HEALTH_TTL_MS later (lib/servers/discovery/health-epoch.ts).
 */
export async function withCurrentHealth(db: Db, page: Page<ServerRecord>): Promise<Page<ServerRecord>> {
  if (page.items.length === 0) return page;
  const rows = await db.server.findMany({
    where: { id: { in: page.items.map((item) => item.id) } },
    select: { id: true, healthStatus: true, healthCheckedAt: true, healthLatencyMs: true, healthError: true },
  });
  const health = new Map(rows.map((row) => [row.id, toServerHealthRecord(row)]));
  return { ...page, items: page.items.map((item) => ({ ...item, health: health.get(item.id) ?? item.health })) };
}
