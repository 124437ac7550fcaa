import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { EntraEmulator } from "../../entra-emulator/server";
import { ensureTlsCertificate } from "../../entra-emulator/tls";
import {
  M2M_APPS,
  REGISTRY_APP,
  TLS_DIR,
  V2_ISSUER,
  fetchJwksKids,
  kidOf,
  msalClient,
  startTestEmulator,
  verifyToken,
} from "./helpers";

const SCOPE = `api://${REGISTRY_APP.clientId}/.default`;

async function appToken(emulator: EntraEmulator): Promise<string> {
  // A new msal client each time: msal would otherwise answer from its token cache.
  const result = await msalClient(emulator, M2M_APPS.catalogSync).acquireTokenByClientCredential({ scopes: [SCOPE] });
  return result!.accessToken;
}

const verify = (emulator: EntraEmulator, token: string) =>
  verifyToken(emulator, token, { issuer: V2_ISSUER, audience: REGISTRY_APP.clientId });

describe("signing key rotation", () => {
  let emulator: EntraEmulator;
  before(async () => {
    emulator = await startTestEmulator();
  });
  after(() => emulator.close());

  it("publishes current and next; a rotation retires the old current for one more rotation", async () => {
    const [k1, k2] = await fetchJwksKids(emulator);
    assert.ok(k1 && k2 && k1 !== k2);
    assert.deepEqual(await fetchJwksKids(emulator, "discovery/keys"), [k1, k2], "v1 and v2 key sets are the same keys");
    const before = await appToken(emulator);
    assert.equal(kidOf(before), k1, "tokens are signed with the current key");

    // First rotation, through the loopback-only HTTP endpoint.
    const rotated = await fetch(`${emulator.url}/_emulator/rotate-keys`, { method: "POST" });
    assert.equal(rotated.status, 200);
    const afterFirst = await fetchJwksKids(emulator);
    assert.equal(afterFirst.length, 3);
    assert.deepEqual(afterFirst.slice(0, 2), [k2, afterFirst[1]]);
    assert.equal(afterFirst[2], k1, "the retired key stays published");
    assert.notEqual(afterFirst[1], k1);
    await verify(emulator, before);
    const middle = await appToken(emulator);
    assert.equal(kidOf(middle), k2, "new tokens use the new current key");

    // Second rotation, through the programmatic API: k1 is gone, tokens signed with it fail.
    await emulator.rotateKeys();
    const afterSecond = await fetchJwksKids(emulator);
    assert.deepEqual([afterSecond[0], afterSecond[2]], [afterFirst[1], k2]);
    assert.ok(!afterSecond.includes(k1));
    await assert.rejects(
      verify(emulator, before),
      (err: Error & { code?: string }) => err.code === "ERR_JWKS_NO_MATCHING_KEY",
    );
    await verify(emulator, middle);
  });
});

describe("persistence across restarts", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "entra-emulator-test-"));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("keeps the signing keys in keysFile (mode 0600), including after a rotation", async () => {
    const keysFile = join(dir, "keys", "signing-keys.json");
    const first = await startTestEmulator(undefined, keysFile);
    const kids = await fetchJwksKids(first);
    const token = await appToken(first);
    await first.close();
    assert.equal((await stat(keysFile)).mode & 0o777, 0o600);

    const second = await startTestEmulator(undefined, keysFile);
    try {
      assert.deepEqual(await fetchJwksKids(second), kids);
      await verify(second, token);
      await second.rotateKeys();
      const rotatedKids = await fetchJwksKids(second);
      await second.close();
      const third = await startTestEmulator(undefined, keysFile);
      assert.deepEqual(await fetchJwksKids(third), rotatedKids);
      assert.equal(kidOf(await appToken(third)), kids[1]);
      await third.close();
    } finally {
      await second.close();
    }
  });

  it("without keysFile, a restart has new keys", async () => {
    const a = await startTestEmulator();
    const kidsA = await fetchJwksKids(a);
    await a.close();
    const b = await startTestEmulator();
    assert.notDeepEqual(await fetchJwksKids(b), kidsA);
    await b.close();
  });

  it("creates a self-signed localhost certificate once and reuses it", async () => {
    const tlsDir = join(dir, "tls");
    const created = await ensureTlsCertificate(tlsDir);
    const pem = await readFile(created.certPath, "utf8");
    const cert = new X509Certificate(pem);
    assert.ok(cert.ca, "CA:TRUE so the certificate is its own trust anchor");
    assert.equal(cert.subject, "CN=localhost");
    assert.match(cert.subjectAltName ?? "", /DNS:localhost/);
    assert.match(cert.subjectAltName ?? "", /IP Address:127\.0\.0\.1/);
    assert.equal(cert.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal((await stat(created.keyPath)).mode & 0o777, 0o600);

    const again = await ensureTlsCertificate(tlsDir);
    assert.deepEqual(again, created);
    assert.equal(await readFile(again.certPath, "utf8"), pem, "reused, not regenerated");
    const [x, y] = await Promise.all([ensureTlsCertificate(tlsDir), ensureTlsCertificate(tlsDir)]);
    assert.equal(await readFile(x.certPath, "utf8"), pem);
    assert.deepEqual(x, y);
  });

  it("serves with the shared test certificate that the test process trusts", async () => {
    const shared = await ensureTlsCertificate(TLS_DIR);
    assert.equal(await readFile(shared.certPath, "utf8"), await readFile(process.env.NODE_EXTRA_CA_CERTS!, "utf8"));
  });
});
