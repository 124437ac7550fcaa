"use client";

import { useRouter } from "next/navigation";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/ui/use-api-call";
import type { ServerHealthRecord } from "@/lib/servers/schemas";
import { HealthBadge } from "./health-badge";
import { TimeAgo } from "./time-ago";

/** The server's last probe: status, latency, when, why it was down; "Check now" for catalog managers. */
export function ServerHealth({
  slug,
  health,
  canCheck,
}: {
  slug: string;
  health: ServerHealthRecord;
  canCheck: boolean;
}) {
  const router = useRouter();
  const toast = useToast();
  const { pending, run } = useApiCall();

  async function check() {
    await run(
      async () => {
        const result = await apiRequest<ServerHealthRecord>("POST", `/api/servers/${slug}/check-health`);
        toast(
          result.status === "up"
            ? { title: `${slug} is up`, description: `It answered initialize in ${result.latencyMs} ms.` }
            : { title: `${slug} is down`, description: result.error ?? "The probe failed.", tone: "error" },
        );
        router.refresh();
      },
      (error) => toast({ title: "Could not check health", description: errorMessage(error), tone: "error" }),
    );
  }

  return (
    <section aria-label="Health" className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
      <HealthBadge status={health.status} checkedAt={health.checkedAt} latencyMs={health.latencyMs} />
      {health.latencyMs !== null && health.status === "up" ? (
        <span className="tabular-nums">{`${health.latencyMs} ms`}</span>
      ) : null}
      {health.checkedAt ? (
        <span>
          checked <TimeAgo value={health.checkedAt} />
        </span>
      ) : (
        <span>not checked yet</span>
      )}
      {canCheck ? (
        <Button size="sm" variant="ghost" onClick={check} pending={pending}>
          Check now
        </Button>
      ) : null}
      {health.status === "down" && health.error ? (
        <p className="w-full min-w-0 break-words text-red-700">{health.error}</p>
      ) : null}
    </section>
  );
}
