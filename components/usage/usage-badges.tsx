import { Badge, type BadgeTone } from "@/components/ui/badge";

const KIND_TONES: Record<string, BadgeTone> = { user: "accent", token: "neutral", m2m: "warning" };
const KIND_LABELS: Record<string, string> = { user: "user", token: "API token", m2m: "M2M" };

export function PrincipalKindBadge({ kind }: { kind: string }) {
  return <Badge tone={KIND_TONES[kind] ?? "neutral"}>{KIND_LABELS[kind] ?? kind}</Badge>;
}

const OUTCOME_TONES: Record<string, BadgeTone> = {
  ok: "success",
  error: "warning",
  denied: "warning",
  upstream_error: "danger",
};

export function UsageOutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <Badge tone={OUTCOME_TONES[outcome] ?? "neutral"} dot>
      {outcome}
    </Badge>
  );
}

/** "12 ms", "1.4 s": tool calls range from instant to the gateway's time limit. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
