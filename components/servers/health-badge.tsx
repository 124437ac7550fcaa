import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/time";

const tones: Record<string, BadgeTone> = { up: "success", down: "danger", unknown: "neutral" };
const labels: Record<string, string> = { up: "Up", down: "Down", unknown: "Unknown" };

export function HealthBadge({
  status,
  checkedAt,
  latencyMs = null,
}: {
  status: string;
  checkedAt: string | null;
  latencyMs?: number | null;
}) {
  const title = checkedAt
    ? `Health ${status}${latencyMs !== null ? ` (${latencyMs} ms)` : ""}, last checked ${formatDateTime(checkedAt)}`
    : "Health not checked yet";
  return (
    <Badge tone={tones[status] ?? "neutral"} dot title={title}>
      <span className="sr-only">Health: </span>
      {labels[status] ?? status}
    </Badge>
  );
}

export function EnabledBadge({ enabled }: { enabled: boolean }) {
  return enabled ? <Badge tone="accent">Enabled</Badge> : <Badge tone="warning">Disabled</Badge>;
}
