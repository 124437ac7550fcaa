import { ConfidentialClientApplication } from "@azure/msal-node";
import { readFileSync } from "node:fs";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import { type EmulatorConfig, parseEmulatorConfig } from "../../entra-emulator/config";
import { type EntraEmulator, startEntraEmulator } from "../../entra-emulator/server";

/** The test runner creates this certificate and names it in NODE_EXTRA_CA_CERTS before tests start. */
export const TLS_DIR = ".test-data/tls";

if (!process.env.NODE_EXTRA_CA_CERTS) {
  throw new Error(
    "NODE_EXTRA_CA_CERTS is not set. Create the certificate with ensureTlsCertificate('.test-data/tls') and start the tests with NODE_EXTRA_CA_CERTS=.test-data/tls/cert.pem",
  );
}

export const TENANT_ID = "77ac5383-74a0-4b68-ae2c-83504351a44e";
export const REGISTRY_APP = {
  clientId: "81382876-ac08-4e70-a240-ad7c89ed8dfe",
  secret: "demo-registry-secret-R3g1stry",
};
export const M2M_APPS = {
  paymentsCi: { clientId: "d5be72ff-2060-41f7-b063-9278f1528ac1", secret: "demo-payments-ci-secret-P4yments" },
  unlinkedAgent: { clientId: "137dc353-fada-4dee-96a1-0db0898bbdc4", secret: "demo-unlinked-secret-Unl1nked" },
  catalogSync: { clientId: "82f936e6-5b85-4bd1-b012-93cebad3fb38", secret: "demo-catalog-sync-secret-C4talog" },
};
export const USERS = {
  adele: {
    objectId: "b935ec92-0bd6-42ce-80fe-df9197107839",
    displayName: "Adele Vance",
    upn: "adele.vance@contoso.example",
  },
  alex: {
    objectId: "218ef494-d798-487a-a90e-260a31de2d49",
    displayName: "Alex Wilber",
    upn: "alex.wilber@contoso.example",
  },
  megan: {
    objectId: "e46791c0-cc64-40b9-a40e-930f66d8c6c7",
    displayName: "Megan Bowen",
    upn: "megan.bowen@contoso.example",
  },
};
export const REGISTRY_ADMINS_GROUP = "87ba6630-278d-4962-9060-fa431b8c0362";
export const REDIRECT_URI = "http://localhost:3000/auth/callback";
export const V2_ISSUER = `https://login.microsoftonline.com/${TENANT_ID}/v2.0`;
export const V1_ISSUER = `https://sts.windows.net/${TENANT_ID}/`;

/** A fresh copy of the demo config as raw JSON, for tests to vary before parsing. */
export function demoConfigJson(): any {
  return JSON.parse(readFileSync("entra-emulator/demo-tenant.json", "utf8"));
}

export function demoConfig(edit?: (raw: any) => void): EmulatorConfig {
  const raw = demoConfigJson();
  edit?.(raw);
  return parseEmulatorConfig(raw);
}

export function startTestEmulator(config: EmulatorConfig = demoConfig(), keysFile?: string): Promise<EntraEmulator> {
  return startEntraEmulator({ config, tlsDir: TLS_DIR, port: 0, keysFile });
}

export function msalClient(emulator: EntraEmulator, app: { clientId: string; secret: string }, tenantId = TENANT_ID) {
  return new ConfidentialClientApplication({
    auth: {
      clientId: app.clientId,
      clientSecret: app.secret,
      authority: `${emulator.url}/${tenantId}`,
      knownAuthorities: [`localhost:${emulator.port}`],
    },
  });
}

/** Verifies like a resource server would: the tenant's JWKS, the exact issuer, one audience. */
export async function verifyToken(
  emulator: EntraEmulator,
  token: string,
  expected: { issuer: string; audience: string; keys?: "v1" | "v2" },
): Promise<JWTPayload> {
  const keysPath =
    expected.keys === "v1" || expected.issuer.startsWith("https://sts.windows.net/")
      ? "discovery/keys"
      : "discovery/v2.0/keys";
  // A fresh key set per call: jose caches keys, and rotation tests must see the current JWKS.
  const jwks = createRemoteJWKSet(new URL(`${emulator.url}/${TENANT_ID}/${keysPath}`));
  const { payload, protectedHeader } = await jwtVerify(token, jwks, {
    issuer: expected.issuer,
    audience: expected.audience,
    algorithms: ["RS256"],
  });
  if (protectedHeader.typ !== "JWT") throw new Error(`unexpected typ ${protectedHeader.typ}`);
  return payload;
}

export function kidOf(token: string): string | undefined {
  return decodeProtectedHeader(token).kid;
}

export async function fetchJwksKids(emulator: EntraEmulator, path = "discovery/v2.0/keys"): Promise<string[]> {
  const response = await fetch(`${emulator.url}/${TENANT_ID}/${path}`);
  const body = (await response.json()) as { keys: { kid: string }[] };
  return body.keys.map((k) => k.kid);
}

export function decodeHtml(value: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };
  return value.replace(/&(#\d+|amp|lt|gt|quot);/g, (_, e: string) =>
    e.startsWith("#") ? String.fromCharCode(Number(e.slice(1))) : named[e]!,
  );
}

export interface SignInPage {
  action: string;
  fields: [string, string][];
  accounts: { value: string; label: string }[];
}

/** Reads the emulator's account picker: the form, its hidden fields and one button per account. */
export function parseSignInPage(html: string): SignInPage {
  const form = /<form class="accounts" method="post" action="([^"]*)">/.exec(html);
  if (!form) throw new Error("no sign-in form on the page");
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(
    (m) => [decodeHtml(m[1]!), decodeHtml(m[2]!)] as [string, string],
  );
  const accounts = [
    ...html.matchAll(
      /<button class="account" type="submit" name="emulator_user" value="([^"]*)">([\s\S]*?)<\/button>/g,
    ),
  ].map((m) => ({
    value: decodeHtml(m[1]!),
    // The visible label without the decorative (aria-hidden) avatar and arrow, and without the detail line.
    label: decodeHtml(
      m[2]!
        .replace(/<span[^>]*aria-hidden="true">[\s\S]*?<\/span>/g, "")
        .replace(/<small[\s\S]*?<\/small>/g, "")
        .replace(/<[^>]+>/g, "")
        .trim(),
    ),
  }));
  return { action: decodeHtml(form[1]!), fields, accounts };
}

/** Opens the authorize URL, picks `userObjectId` on the page and returns the redirect's parameters. */
export async function signInAs(emulator: EntraEmulator, authorizeUrl: string, userObjectId: string): Promise<URL> {
  const pageResponse = await fetch(authorizeUrl);
  if (pageResponse.status !== 200) throw new Error(`authorize page answered ${pageResponse.status}`);
  const page = parseSignInPage(await pageResponse.text());
  const body = new URLSearchParams(page.fields);
  body.set("emulator_user", userObjectId);
  const response = await fetch(new URL(page.action, emulator.url), { method: "POST", body, redirect: "manual" });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) throw new Error(`sign-in answered ${response.status} without a redirect`);
  return new URL(location);
}
