import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, parseConfig } from "@/lib/config";

const base = {
  ENTRA_TENANT_IDS: "77ac5383-74a0-4b68-ae2c-83504351a44e",
  ENTRA_CLIENT_ID: "81382876-ac08-4e70-a240-ad7c89ed8dfe",
};

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  return [];
}

test("defaults follow SPEC §9", () => {
  const config = parseConfig(base);
  assert.equal(config.port, 3000);
  assert.equal(config.registryUrl, "http://localhost:3000");
  assert.equal(config.entra.authorityHost, "https://login.microsoftonline.com");
  assert.equal(config.tokenMaxTtlHours, 2160);
  assert.equal(config.secureCookies, false);
});

test("a bad value names the variable and what is wrong", () => {
  assert.match(problems({ ...base, PORT: "abc" }).join(), /^PORT: /);
  assert.match(problems({ ...base, ENTRA_TENANT_IDS: "not-a-guid" }).join(), /ENTRA_TENANT_IDS: .*GUID/);
  assert.match(
    problems({ ...base, ENTRA_AUTHORITY_HOST: "http://login.example.com" }).join(),
    /ENTRA_AUTHORITY_HOST: .*https/,
  );
  assert.match(problems({ ...base, DATABASE_URL: "mysql://x" }).join(), /DATABASE_URL: .*postgres/);
  assert.match(problems({ ...base, ENTRA_CLOUD: "mars" }).join(), /ENTRA_CLOUD/);
  assert.match(
    problems({ ...base, REGISTRY_BOOTSTRAP_M2M_ADMINS: "abc" }).join(),
    /REGISTRY_BOOTSTRAP_M2M_ADMINS: .*tenantId\/clientId/,
  );
  assert.match(problems({ ENTRA_CLIENT_ID: base.ENTRA_CLIENT_ID }).join(), /ENTRA_TENANT_IDS: required/);
});

test("http authority only on loopback; https REGISTRY_URL makes cookies secure", () => {
  assert.equal(
    parseConfig({ ...base, ENTRA_AUTHORITY_HOST: "http://127.0.0.1:8443/" }).entra.authorityHost,
    "http://127.0.0.1:8443",
  );
  assert.equal(parseConfig({ ...base, REGISTRY_URL: "https://registry.example.com" }).secureCookies, true);
  assert.deepEqual(
    parseConfig({ ...base, REGISTRY_BOOTSTRAP_M2M_ADMINS: `${base.ENTRA_TENANT_IDS}/${base.ENTRA_CLIENT_ID}` })
      .bootstrap.m2mAdmins,
    [{ tenantId: base.ENTRA_TENANT_IDS, clientId: base.ENTRA_CLIENT_ID }],
  );
});
