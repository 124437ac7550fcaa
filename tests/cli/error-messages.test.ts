import assert from "node:assert/strict";
import { test } from "node:test";
import { aadstsCodes, describeEntraFailure } from "@/cli/aadsts-hints";
import { EXIT, isCliError } from "@/cli/cli-error";
import { writeConfig } from "@/cli/config-store";
import { networkError } from "@/cli/network-error";
import { describeRegistryFailure } from "@/cli/registry-client";

/**
 * The refusals the bundled emulator cannot produce, mapped like the ones tests/cli/entra-login.test.ts
 * provokes end to end: Entra's texts as Azure sends them, the registry's error shape, socket errors.
 */
const FACTS = {
  tenantId: "77ac5383-74a0-4b68-ae2c-83504351a44e",
  clientId: "82f936e6-5b85-4bd1-b012-93cebad3fb38",
  scope: "api://81382876-ac08-4e70-a240-ad7c89ed8dfe/.default",
  secretEnv: "MCP_REGISTRY_CLIENT_SECRET",
};

test("AADSTS numbers are read from Entra's description and from MSAL's 'Error(s): n - …' form", () => {
  assert.deepEqual(aadstsCodes("AADSTS7000112: Application 'x' is disabled. Trace ID: …"), [7000112]);
  assert.deepEqual(
    aadstsCodes(
      "Error(s): 50059 - Timestamp: 2026-12-04 21:28:58Z - Description: AADSTS50059: No tenant-identifying information found",
    ),
    [50059],
  );
  assert.deepEqual(aadstsCodes("no code here"), []);
  assert.deepEqual(aadstsCodes("Error(s): 7000215 - …", 7000215), [7000215]);
});

test("each known AADSTS code says what to change; an unknown one keeps Entra's own text", () => {
  const disabled = describeEntraFailure([7000112], "AADSTS7000112: Application '82f9…' is disabled.", FACTS);
  assert.match(
    disabled,
    /^Entra ID refused the sign-in: AADSTS7000112\.\nApp 82f936e6-5b85-4bd1-b012-93cebad3fb38 is disabled in tenant 77ac5383.*An admin must enable it/,
  );
  assert.match(disabled, /Entra ID said: AADSTS7000112: Application '82f9…' is disabled\./);
  assert.match(
    describeEntraFailure([50059], "AADSTS50059: No tenant-identifying information found", FACTS),
    /No tenant was named\. Pass --tenant with the Directory \(tenant\) ID/,
  );
  assert.match(
    describeEntraFailure([500011], "", FACTS),
    /The resource of scope api:\/\/81382876-ac08-4e70-a240-ad7c89ed8dfe\/\.default was not found in tenant 77ac5383/,
  );
  assert.match(describeEntraFailure([7000215], "", { ...FACTS, secretEnv: "SYNC_SECRET" }), /in SYNC_SECRET;/);
  const fromMsal = describeEntraFailure(
    [7000215],
    "Error(s): 7000215 - Timestamp: 2026-12-04 21:37:59Z - Description: AADSTS7000215: Invalid client secret provided. Trace ID: 18da Correlation ID: c598 Timestamp: 2026-12-04 21:37:59Z - Correlation ID: c598 - Trace ID: 18da",
    FACTS,
  );
  assert.match(
    fromMsal,
    /\nEntra ID said: AADSTS7000215: Invalid client secret provided\. Trace ID: 18da Correlation ID: c598 Timestamp: 2026-12-04 21:37:59Z$/,
  );
  const unknown = describeEntraFailure([123456], "AADSTS123456: Something new.", FACTS);
  assert.equal(unknown, "Entra ID refused the sign-in: AADSTS123456.\nEntra ID said: AADSTS123456: Something new.");
});

test("registry 503: the message, the requestId and Retry-After; exit 3 (401/403 are exit 2)", () => {
  const body = {
    error: { code: "temporarily_unavailable", message: "Signing keys are not available yet." },
    requestId: "5b0e1c2d",
  };
  const unavailable = describeRegistryFailure(
    "GET",
    "/api/servers",
    new Response(null, { status: 503, headers: { "Retry-After": "5" } }),
    body,
    "entra",
  );
  assert.equal(unavailable.exitCode, EXIT.registry);
  assert.equal(
    unavailable.message,
    "GET /api/servers: 503 temporarily_unavailable: Signing keys are not available yet. (requestId 5b0e1c2d)\nThe registry is temporarily unavailable; retry in 5 s.",
  );
  const forbidden = describeRegistryFailure(
    "GET",
    "/api/iam/groups",
    new Response(null, { status: 403 }),
    { error: { code: "forbidden", message: "Missing permission iam:read." }, requestId: "r1" },
    "entra",
  );
  assert.equal(forbidden.exitCode, EXIT.auth);
  assert.match(forbidden.message, /may not do this: ask an admin for a group that grants it/);
  const expired = describeRegistryFailure(
    "GET",
    "/api/me",
    new Response(null, { status: 401 }),
    { error: { code: "invalid_token", message: "The access token is invalid." }, requestId: "r2" },
    "entra",
  );
  assert.equal(expired.exitCode, EXIT.auth);
  assert.match(expired.message, /Run `mcp-registry login` again/);
});

test("socket errors name the host and the fix; an untrusted certificate names NODE_EXTRA_CA_CERTS", () => {
  const tls = new TypeError("fetch failed", {
    cause: Object.assign(new Error("self-signed certificate in certificate chain"), {
      code: "SELF_SIGNED_CERT_IN_CHAIN",
    }),
  });
  const error = networkError("auth", "https://login.example.com/t/oauth2/v2.0/token", tls);
  assert.equal(error.exitCode, EXIT.auth);
  assert.match(
    error.message,
    /^The TLS certificate of login\.example\.com is not trusted \(SELF_SIGNED_CERT_IN_CHAIN\)\. .*NODE_EXTRA_CA_CERTS/,
  );
  const dns = networkError(
    "registry",
    "https://registry.invalid/api/me",
    new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }) }),
  );
  assert.equal(dns.exitCode, EXIT.registry);
  assert.equal(dns.message, "The host registry.invalid cannot be resolved (ENOTFOUND). Check the URL.");
});

test("a config directory that cannot be written: a usage error naming the file and XDG_CONFIG_HOME", () => {
  const env = { NODE_ENV: "test", XDG_CONFIG_HOME: "/dev/null/config" } as NodeJS.ProcessEnv;
  assert.throws(
    () => writeConfig({ registries: {} }, env),
    (error: unknown) =>
      isCliError(error) &&
      error.exitCode === EXIT.usage &&
      /^Cannot write \/dev\/null\/config\/mcp-registry\/credentials\.json \(ENOTDIR\)\. .*XDG_CONFIG_HOME/.test(
        error.message,
      ),
  );
});
