import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/time";
import type { ApiTokenRecord } from "@/lib/tokens/schemas";

export type TokenStatus = "active" | "expired" | "revoked" | "rotating-grace";

export function tokenStatus(token: ApiTokenRecord, now: number): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (Date.parse(token.expiresAt) <= now) return "expired";
  if (token.graceUntil && Date.parse(token.graceUntil) > now) return "rotating-grace";
  return "active";
}

export function TokenStatusBadge({ token, now }: { token: ApiTokenRecord; now: number }) {
  const status = tokenStatus(token, now);
  switch (status) {
    case "revoked":
      return (
        <Badge tone="danger" dot title={token.revokedAt ? `Revoked ${formatDateTime(token.revokedAt)}` : undefined}>
          Revoked
        </Badge>
      );
    case "expired":
      return (
        <Badge tone="neutral" dot>
          Expired
        </Badge>
      );
    case "rotating-grace":
      return (
        <Badge tone="warning" dot title={`The previous secret works until ${formatDateTime(token.graceUntil!)}`}>
          Rotating (grace)
        </Badge>
      );
    case "active":
      return (
        <Badge tone="success" dot>
          Active
        </Badge>
      );
  }
}
