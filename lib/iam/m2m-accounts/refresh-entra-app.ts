import type { Db } from "@/lib/db";
import { callGraph, type GraphResult } from "@/lib/entra-graph/graph-client";
import type { EntraAppCredential } from "./entra-app-health";

const FRESH_MS = 15 * 60_000;
const inFlight = new Map<string, Promise<void>>();

interface GraphCredential {
  displayName?: string | null;
  endDateTime?: string | null;
}
interface GraphApplication {
  displayName?: string;
  passwordCredentials?: GraphCredential[];
  keyCredentials?: GraphCredential[];
}

export const MISSING_PERMISSION = "Application.Read.All";

function credentialsOf(app: GraphApplication): EntraAppCredential[] {
  const list = (items: GraphCredential[] | undefined, kind: EntraAppCredential["kind"]) =>
    (items ?? [])
      .filter((c) => typeof c.endDateTime === "string" && !Number.isNaN(Date.parse(c.endDateTime)))
      .map((c) => ({ kind, displayName: c.displayName ?? null, endDateTime: new Date(c.endDateTime!).toISOString() }));
  return [...list(app.passwordCredentials, "secret"), ...list(app.keyCredentials, "certificate")];
}

function problem(result: Exclude<GraphResult<unknown>, { ok: true }>): string {
  if (result.kind === "not-configured")
    return `Set ENTRA_CLIENT_SECRET and grant the registry app the ${MISSING_PERMISSION} application permission (admin consent) to show the app's name and credential expiry.`;
  if (result.kind === "forbidden")
    return `Microsoft Graph refused: grant the registry app the ${MISSING_PERMISSION} application permission (admin consent) to show the app's name and credential expiry.`;
  if (result.kind === "not-found")
    return "No app registration with this client id in the tenant (an app from another tenant shows no credentials here).";
  return `${result.reason}; try again later.`;
}

async function refresh(
  db: Db,
  account: { id: string; tenantId: string; clientId: string },
  now: number,
): Promise<void> {
  const appId = encodeURIComponent(account.clientId);
  const application = await callGraph<GraphApplication>(
    account.tenantId,
    "GET",
    `applications(appId='${appId}')?$select=displayName,passwordCredentials,keyCredentials`,
  );
  let displayName: string | null = null;
  let credentials: EntraAppCredential[] | null = null;
  let error: string | null = null;
  if (application.ok) {
    displayName = application.value.displayName ?? null;
    credentials = credentialsOf(application.value);
  } else {
    error = problem(application);
    // The app registration may live in another tenant: its service principal still has a name.
    if (application.kind === "not-found") {
      const sp = await callGraph<{ displayName?: string }>(
        account.tenantId,
        "GET",
        `servicePrincipals(appId='${appId}')?$select=displayName`,
      );
      if (sp.ok) displayName = sp.value.displayName ?? null;
    }
  }
  const soonest = credentials?.map((c) => c.endDateTime).sort()[0];
  await db.m2mAccount.updateMany({
    where: { id: account.id },
    data: {
      entraAppDisplayName: displayName,
      entraAppCredentials: credentials ?? undefined,
      entraAppExpiresAt: credentials ? (soonest ? new Date(soonest) : null) : undefined,
      entraAppError: error,
      entraAppFetchedAt: new Date(now),
    },
  });
}

/**
 * Linked-app health: the app's display name and credential expiry from Microsoft Graph, cached
 * on the account for 15 minutes (failures too, so a missing permission is not asked every view).
 * Concurrent views of one account share one lookup. Never throws.
 */
export async function refreshEntraApps(
  db: Db,
  accounts: { id: string; tenantId: string; clientId: string; entraAppFetchedAt: Date | null }[],
  now = Date.now(),
  force = false,
): Promise<number> {
  const stale = accounts.filter(
    (a) => force || !a.entraAppFetchedAt || now - a.entraAppFetchedAt.getTime() >= FRESH_MS,
  );
  await Promise.all(
    stale.map((account) => {
      let pending = inFlight.get(account.id);
      if (!pending) {
        pending = refresh(db, account, now)
          .catch(() => undefined)
          .finally(() => inFlight.delete(account.id));
        inFlight.set(account.id, pending);
      }
      return pending;
    }),
  );
  return stale.length;
}

/** Refreshes the accounts whose Graph data is missing or older than 15 minutes (oldest first, at most `limit`), so list filters see fresh expiry dates. */
export async function refreshStaleEntraApps(db: Db, now = Date.now(), limit = 100): Promise<number> {
  const stale = await db.m2mAccount.findMany({
    where: { OR: [{ entraAppFetchedAt: null }, { entraAppFetchedAt: { lt: new Date(now - FRESH_MS) } }] },
    select: { id: true, tenantId: true, clientId: true, entraAppFetchedAt: true },
    orderBy: { entraAppFetchedAt: { sort: "asc", nulls: "first" } },
    take: limit,
  });
  return refreshEntraApps(db, stale, now);
}
