import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildIssuerMap, defaultAuthorityHost, jwksUrlFor, normalizeTenantId } from "@/lib/auth/entra/issuers";
import { tokenFingerprint } from "@/lib/auth/token-fingerprint";

const T = "11111111-1111-4111-8111-111111111111";

describe("Entra issuers", () => {
  it("maps both issuer forms of each tenant in the public cloud", () => {
    assert.deepEqual(
      [...buildIssuerMap("public", [T])],
      [
        [`https://sts.windows.net/${T}/`, { tenantId: T, version: 1 }],
        [`https://login.microsoftonline.com/${T}/v2.0`, { tenantId: T, version: 2 }],
      ],
    );
  });

  it("uses the sovereign cloud hosts", () => {
    assert.deepEqual(
      [...buildIssuerMap("usgov", [T]).keys()],
      [`https://sts.windows.net/${T}/`, `https://login.microsoftonline.us/${T}/v2.0`],
    );
    assert.deepEqual(
      [...buildIssuerMap("china", [T]).keys()],
      [`https://sts.chinacloudapi.cn/${T}/`, `https://login.partner.microsoftonline.cn/${T}/v2.0`],
    );
  });

  it("has a default authority host per cloud", () => {
    assert.equal(defaultAuthorityHost("public"), "https://login.microsoftonline.com");
    assert.equal(defaultAuthorityHost("usgov"), "https://login.microsoftonline.us");
    assert.equal(defaultAuthorityHost("china"), "https://login.chinacloudapi.cn");
  });

  it("builds the key-set URL per form", () => {
    assert.equal(
      jwksUrlFor("https://login.microsoftonline.com/", T, 2),
      `https://login.microsoftonline.com/${T}/discovery/v2.0/keys`,
    );
    assert.equal(jwksUrlFor("http://127.0.0.1:9", T, 1), `http://127.0.0.1:9/${T}/discovery/keys`);
  });

  it("accepts only GUID tenant ids, lower-cased", () => {
    assert.equal(normalizeTenantId(T.toUpperCase()), T);
    assert.throws(() => buildIssuerMap("public", ["common"]), TypeError);
    assert.throws(() => buildIssuerMap("public", [`${T}/../x`]), TypeError);
  });
});

describe("tokenFingerprint", () => {
  it("is the first 12 hex chars of SHA-256", () => {
    assert.equal(tokenFingerprint("abc"), "ba7816bf8f01");
    assert.match(tokenFingerprint("mcpr_secret"), /^[0-9a-f]{12}$/);
  });
});
