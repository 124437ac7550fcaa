import type { Db } from "@/lib/db";
import type { Principal } from "./principal";

const RESOLUTION_MS = 60_000;

/**
 * Keeps "last used" of API tokens and M2M accounts current: at most one write a minute per
 * instance (`lastWrittenAt`) and, through the conditional update, per database. Returns when it
 * last wrote.
 */
export async function touchLastUsed(db: Db, principal: Principal, lastWrittenAt: number, now: number): Promise<number> {
  if (now - lastWrittenAt < RESOLUTION_MS) return lastWrittenAt;
  const stale = { OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - RESOLUTION_MS) } }] };
  if (principal.kind === "token")
    await db.apiToken.updateMany({ where: { id: principal.tokenId, ...stale }, data: { lastUsedAt: new Date(now) } });
  if (principal.kind === "m2m")
    await db.m2mAccount.updateMany({
      where: { id: principal.m2mAccountId, ...stale },
      data: { lastUsedAt: new Date(now) },
    });
  return now;
}
