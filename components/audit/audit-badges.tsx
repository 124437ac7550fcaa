import { Badge, type BadgeTone } from "@/components/ui/badge";

const KIND_TONES: Record<string, BadgeTone> = {
  user: "accent",
  token: "neutral",
  m2m: "warning",
  app: "warning",
  system: "neutral",
  anonymous: "danger",
};
// "app": a verified Entra app with no (enabled) M2M account, refused; its id is "<tenant id>/<client id>".
const KIND_LABELS: Record<string, string> = {
  user: "user",
  token: "API token",
  m2m: "M2M",
  app: "Entra app",
  system: "system",
  anonymous: "anonymous",
};

export function ActorKindBadge({ kind }: { kind: string }) {
  return <Badge tone={KIND_TONES[kind] ?? "neutral"}>{KIND_LABELS[kind] ?? kind}</Badge>;
}

const OUTCOME_TONES: Record<string, BadgeTone> = { success: "success", denied: "warning", failure: "danger" };

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <Badge tone={OUTCOME_TONES[outcome] ?? "neutral"} dot>
      {outcome}
    </Badge>
  );
}

/** System events (start-up bootstrap, demo seed) and unidentified callers have no actor name. */
export function ActorName({ actor }: { actor: { kind: string; id: string | null; name: string | null } }) {
  if (actor.name) return <>{actor.name}</>;
  if (actor.kind === "system") return <span className="text-slate-500">Registry start-up</span>;
  return <span className="text-slate-400">{actor.id ?? "unidentified caller"}</span>;
}
