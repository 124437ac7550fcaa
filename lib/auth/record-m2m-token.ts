import type { Db } from "@/lib/db";
import type { EntraGroupIds } from "./groups-overage/resolve-entra-group-ids";

const RESOLUTION_MS = 60_000;

export interface M2mTokenSnapshot {
  roles: string[];
  groups: EntraGroupIds;
  version: 1 | 2;
  overage: boolean;
}

const lastRecorded = new Map<string, { fingerprint: string; at: number }>();

function fingerprintOf(snapshot: M2mTokenSnapshot): string {
  const source = snapshot.groups.ok ? snapshot.groups.source : `failed: ${snapshot.groups.reason}`;
  return JSON.stringify([
    [...snapshot.roles].sort(),
    [...snapshot.groups.ids].sort(),
    snapshot.version,
    snapshot.overage,
    source,
  ]);
}

/**
 * Records what an M2M account's last valid token carried, so "View access" and the Access
 * Explorer can show role- and group-derived access without a token in hand. Like lastUsedAt
 * (touch-last-used.ts) it must not cost a write per request: it writes only when the claims
 * changed or the record is a minute old, per instance; principals are cached per token anyway.
 */
export async function recordM2mToken(
  db: Db,
  m2mAccountId: string,
  snapshot: M2mTokenSnapshot,
  now = Date.now(),
): Promise<boolean> {
  const fingerprint = fingerprintOf(snapshot);
  const previous = lastRecorded.get(m2mAccountId);
  if (previous && previous.fingerprint === fingerprint && now - previous.at < RESOLUTION_MS) return false;
  lastRecorded.set(m2mAccountId, { fingerprint, at: now });
  if (lastRecorded.size > 10_000) lastRecorded.delete(lastRecorded.keys().next().value!);
  await db.m2mAccount.updateMany({
    where: { id: m2mAccountId },
    data: {
      lastTokenAt: new Date(now),
      lastTokenRoles: snapshot.roles,
      lastTokenGroups: snapshot.groups.ids,
      lastTokenVersion: snapshot.version,
      lastTokenOverage: snapshot.overage,
      lastTokenGroupsSource: snapshot.groups.ok
        ? snapshot.groups.source
        : `failed: ${snapshot.groups.reason}`.slice(0, 500),
    },
  });
  return true;
}

/** For tests: forget what this instance last wrote. */
export function forgetRecordedM2mTokens(): void {
  lastRecorded.clear();
}
