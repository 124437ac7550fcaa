import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import {
  credentialStatus,
  daysUntil,
  worstCredential,
  type EntraAppCredential,
} from "@/lib/iam/m2m-accounts/entra-app-health";
import type { M2mAccountRecord } from "@/lib/iam/m2m-accounts/schemas";

function expiryText(credential: EntraAppCredential, now: number): string {
  const days = daysUntil(credential.endDateTime, now);
  if (days < 0) return `Expired ${-days} d ago`;
  if (days === 0) return "Expires today";
  return `Expires in ${days} d`;
}

const kindName = (credential: EntraAppCredential) => (credential.kind === "secret" ? "Secret" : "Certificate");

/** The credential needing attention soonest: red once expired, amber within 30 days. */
export function CredentialBadge({ credentials, now }: { credentials: EntraAppCredential[] | null; now: number }) {
  if (credentials === null) return <span className="text-xs text-slate-400">—</span>;
  const worst = worstCredential(credentials, now);
  if (!worst) return <span className="text-xs text-slate-500">none</span>;
  if (worst.status === "ok") return <Badge tone="success">Valid</Badge>;
  const text = `${kindName(worst.credential)} ${expiryText(worst.credential, now).toLowerCase()}`;
  return (
    <Badge tone={worst.status === "expired" ? "danger" : "warning"} dot title={text} className="whitespace-nowrap">
      <span className="sr-only">{kindName(worst.credential)} </span>
      {expiryText(worst.credential, now)}
    </Badge>
  );
}

/** "v2.0" or "v1.0" token, as last seen. */
export function TokenVersion({ version }: { version: 1 | 2 | null }) {
  return version ? <Badge mono>v{version}.0</Badge> : <span className="text-xs text-slate-400">—</span>;
}

/** Linked-app health: its Entra name, last successful call, token version, and each credential's expiry. */
export function LinkedAppHealthCard({ account, now }: { account: M2mAccountRecord; now: number }) {
  const { entraApp } = account;
  return (
    <Card aria-labelledby="linked-app-heading">
      <CardHeader
        id="linked-app-heading"
        title="Linked app health"
        description="From Microsoft Graph (refreshed every 15 minutes) and the app's last valid token."
      />
      <CardBody className="space-y-3">
        <dl className="grid gap-x-6 gap-y-3 text-[13px] sm:grid-cols-3">
          <div className="min-w-0">
            <dt className="text-xs font-medium text-slate-500">Entra display name</dt>
            <dd className="break-words">{entraApp.displayName ?? <span className="text-slate-400">unknown</span>}</dd>
          </div>
          <div>
            <dt className="text-xs font-medium text-slate-500">Last successful call</dt>
            <dd>
              <Time value={account.lastUsedAt} />
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium text-slate-500">Token version seen</dt>
            <dd>
              <TokenVersion version={account.lastTokenVersion} />
            </dd>
          </div>
        </dl>
        {entraApp.error ? (
          <Alert tone="warning" title="Credentials not available">
            {entraApp.error}
          </Alert>
        ) : null}
        {entraApp.credentials && entraApp.credentials.length > 0 ? (
          <ul className="space-y-1.5 text-[13px]" aria-label="Secrets and certificates">
            {entraApp.credentials.map((credential, index) => {
              const status = credentialStatus(credential, now);
              return (
                <li key={index} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{credential.kind === "secret" ? "Secret" : "Certificate"}</span>
                  <span className="break-all text-slate-600">{credential.displayName ?? "(no name)"}</span>
                  <span className="text-slate-500">
                    ends <Time value={credential.endDateTime} />
                  </span>
                  {status === "ok" ? (
                    <Badge tone="success">Valid</Badge>
                  ) : (
                    <Badge tone={status === "expired" ? "danger" : "warning"} dot>
                      {expiryText(credential, now)}
                    </Badge>
                  )}
                </li>
              );
            })}
          </ul>
        ) : entraApp.credentials ? (
          <p className="text-[13px] text-slate-500">The app registration has no secrets or certificates.</p>
        ) : null}
      </CardBody>
    </Card>
  );
}
