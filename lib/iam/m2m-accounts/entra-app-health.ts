/** Secrets and certificates of a linked app registration, as read from Microsoft Graph. */
// A type alias, not an interface, so Prisma accepts it as JSON.
export type EntraAppCredential = {
  kind: "secret" | "certificate";
  displayName: string | null;
  endDateTime: string;
};

export type CredentialStatus = "ok" | "expiring" | "expired";

export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

/** Expired once past its end date; "expiring" within 30 days of it. */
export function credentialStatus(credential: EntraAppCredential, now = Date.now()): CredentialStatus {
  const end = Date.parse(credential.endDateTime);
  if (end <= now) return "expired";
  return end <= now + EXPIRY_WARNING_DAYS * DAY_MS ? "expiring" : "ok";
}

/** The worst status among the credentials, and the credential that has it soonest. */
export function worstCredential(
  credentials: EntraAppCredential[],
  now = Date.now(),
): { status: CredentialStatus; credential: EntraAppCredential } | null {
  const rank: Record<CredentialStatus, number> = { expired: 2, expiring: 1, ok: 0 };
  let worst: { status: CredentialStatus; credential: EntraAppCredential } | null = null;
  for (const credential of [...credentials].sort((a, b) => Date.parse(a.endDateTime) - Date.parse(b.endDateTime))) {
    const status = credentialStatus(credential, now);
    if (!worst || rank[status] > rank[worst.status]) worst = { status, credential };
  }
  return worst;
}

export function daysUntil(iso: string, now = Date.now()): number {
  return Math.round((Date.parse(iso) - now) / DAY_MS);
}

export function parseCredentials(value: unknown): EntraAppCredential[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is EntraAppCredential =>
      typeof item === "object" &&
      item !== null &&
      (item.kind === "secret" || item.kind === "certificate") &&
      typeof item.endDateTime === "string" &&
      !Number.isNaN(Date.parse(item.endDateTime)),
  );
}
