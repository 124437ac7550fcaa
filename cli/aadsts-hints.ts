/** What to do about each Entra ID error a client-credentials sign-in commonly meets. */
export interface LoginFacts {
  tenantId: string;
  clientId: string;
  scope: string;
  secretEnv: string;
}

const HINTS: Record<number, (facts: LoginFacts) => string> = {
  7000215: (f) =>
    `The client secret is wrong. Put the secret's Value (not its Secret ID) of app ${f.clientId} in ${f.secretEnv}; create a new secret under Certificates & secrets if it expired or was removed.`,
  7000222: (f) =>
    `The client secret of app ${f.clientId} has expired. Create a new one under Certificates & secrets and put its Value in ${f.secretEnv}.`,
  700016: (f) =>
    `App ${f.clientId} was not found in tenant ${f.tenantId}. Check --client-id (the Application (client) ID) and --tenant (the Directory (tenant) ID), or ask an admin to create its service principal in that tenant.`,
  500011: (f) =>
    `The resource of scope ${f.scope} was not found in tenant ${f.tenantId}. The registry API app is not in this tenant, or the scope is wrong: check the registry's /.well-known/oauth-protected-resource (scopes_supported) and --tenant.`,
  90002: (f) =>
    `Tenant ${f.tenantId} was not found. Check --tenant (the Directory (tenant) ID) and that --authority-host is the cloud the tenant lives in.`,
  1002012: (f) =>
    `The scope ${f.scope} must end with /.default for client credentials (api://{registry api client id}/.default).`,
  7000112: (f) =>
    `App ${f.clientId} is disabled in tenant ${f.tenantId}. An admin must enable it (Enterprise applications > Properties > Enabled for users to sign in).`,
  50059: () =>
    `No tenant was named. Pass --tenant with the Directory (tenant) ID; "common" and "organizations" do not work for client credentials.`,
  650053: (f) =>
    `The scope ${f.scope} does not exist on the registry API app. Use the registry's scopes_supported value.`,
  700024: () => `The client assertion is not within its valid time range: check the machine's clock.`,
  7000218: (f) => `No client secret was sent. Set ${f.secretEnv}.`,
};

/** The AADSTS numbers in an Entra error message ("AADSTS7000215: …" or "Error(s): 7000215 - …"). */
export function aadstsCodes(text: string, errorNo?: unknown): number[] {
  const codes = new Set<number>();
  if (typeof errorNo === "number" || (typeof errorNo === "string" && /^\d+$/.test(errorNo))) codes.add(Number(errorNo));
  for (const match of text.matchAll(/AADSTS(\d+)/g)) codes.add(Number(match[1]));
  for (const match of text.matchAll(/Error\(s\):\s*([\d,\s]+?)\s+-/g))
    for (const code of match[1]!.split(/[,\s]+/)) if (code) codes.add(Number(code));
  return [...codes];
}

/** "AADSTS7000215: <Entra's description>" and, when known, what to change. */
export function describeEntraFailure(codes: number[], description: string, facts: LoginFacts): string {
  const code = codes.find((candidate) => HINTS[candidate]);
  const headline = codes.length ? `Entra ID refused the sign-in: AADSTS${codes[0]}` : "Entra ID refused the sign-in";
  // MSAL wraps Entra's description ("Error(s): n - Timestamp: … - Description: AADSTS…: … - Correlation ID: …");
  // keep Entra's own text, whose trace and correlation ids are worth keeping for Microsoft support.
  const described = description.includes("Description: ")
    ? description.slice(description.indexOf("Description: ") + "Description: ".length)
    : description;
  const detail = described.replace(/\s+-\s+Correlation ID:.*$/, "").trim();
  return [headline + ".", code ? HINTS[code]!(facts) : undefined, detail ? `Entra ID said: ${detail}` : undefined]
    .filter(Boolean)
    .join("\n");
}
