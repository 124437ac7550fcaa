import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { CallAnswer, CallGrant } from "@/lib/iam/explain/explain-call";

function via(grant: CallGrant): string {
  return grant.via
    .map((reason) => {
      const value = "value" in reason && reason.value ? ` ${reason.value}` : "";
      if (reason.kind === "assignment") return "assigned";
      if (reason.kind === "permission") return `permission${value}`;
      return `${reason.kind}${value}`;
    })
    .join("; ");
}

function chain(grant: CallGrant): string {
  const rule =
    grant.rule === null
      ? "servers:write"
      : `rule ${grant.rule + 1}${grant.ruleServer ? ` (server ${grant.ruleServer})` : ""}`;
  return `${rule} ← group ${grant.group} ← ${via(grant)}`;
}

/** "Can X call Y on Z?": the answer, then each check in the gateway's order with its grant chain. */
export function CallAnswerCard({ answer, subject }: { answer: CallAnswer; subject: string }) {
  const what = answer.tool ? `call tool ${answer.tool}` : `use ${answer.method}`;
  return (
    <Card aria-labelledby="call-answer-heading" data-testid="call-answer">
      <CardHeader
        id="call-answer-heading"
        title={`Can ${subject} ${what} on ${answer.server}?`}
        actions={
          <Badge tone={answer.allowed ? "success" : "danger"} dot>
            {answer.allowed ? "Yes" : "No"}
          </Badge>
        }
      />
      <CardBody>
        <ol aria-label="Why" className="space-y-2 text-sm">
          {answer.checks.map((check) => (
            <li key={check.check} className="min-w-0">
              <p className="flex flex-wrap gap-x-2">
                <span aria-hidden className={check.ok ? "text-emerald-600" : "text-red-600"}>
                  {check.ok ? "✓" : "✗"}
                </span>
                <span className="font-medium">{check.check}</span>
                <span className="min-w-0 break-words text-slate-600">
                  {check.ok ? "" : "missing: "}
                  {check.detail}
                </span>
              </p>
              {check.grants.length > 0 ? (
                <ul className="mt-0.5 ml-5 space-y-0.5 font-mono text-xs break-words text-slate-600">
                  {check.grants.map((grant, index) => (
                    <li key={index}>{chain(grant)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}
