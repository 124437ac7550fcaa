import { Badge } from "@/components/ui/badge";
import type { GrantReason, NameSet } from "@/lib/access/effective-access";
import type { GroupReason } from "@/lib/auth/principal";

export function describeGroupReason(reason: GroupReason): string {
  switch (reason.kind) {
    case "assignment":
      return "assigned in the registry";
    case "entra-group":
      return `Entra group ${reason.value}`;
    case "app-role":
      return `app role ${reason.value}`;
    case "bootstrap":
      return `bootstrap (${reason.value})`;
    case "token-subset":
      return "carried by the API token";
  }
}

/** "group (rule #n) ← how the principal is in the group", one line per reason. */
export function GrantReasonList({ reasons }: { reasons: GrantReason[] }) {
  return (
    <ul className="space-y-1.5">
      {reasons.map((reason, index) => (
        <li key={`${reason.group}-${reason.rule}-${index}`} className="text-[13px] text-slate-600">
          <span className="flex flex-wrap items-center gap-1.5">
            <Badge tone="accent" mono>
              {reason.group}
            </Badge>
            <span>rule #{reason.rule + 1}</span>
          </span>
          <span className="mt-0.5 block text-xs text-slate-500">
            <span aria-hidden="true">← </span>
            <span className="sr-only">member because: </span>
            {reason.via.map(describeGroupReason).join("; ")}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A method or tool set: "all" for a wildcard, badges otherwise, "none" when empty. */
export function NameSetList({ set, noneLabel = "none" }: { set: NameSet; noneLabel?: string }) {
  if (set === "*") return <Badge tone="success">all (*)</Badge>;
  const names = [...set].sort();
  if (names.length === 0) return <span className="text-slate-400">{noneLabel}</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {names.map((name) => (
        <li key={name}>
          <Badge mono>{name}</Badge>
        </li>
      ))}
    </ul>
  );
}
