// npm run bench:auth — verifications per second, warm caches, one process:
//   bare jose.jwtVerify with a local key (the floor), our Entra verifier, authenticate() uncached,
//   and the per-request path with warm caches (principal cache + IAM generation check), for an
//   Entra M2M token and a registry API token.
import { performance } from "node:perf_hooks";
import { createPublicKey } from "node:crypto";
import { importJWK, jwtVerify } from "jose";
import { startFakeEntraIssuer } from "@/tests/support/fake-entra-issuer";
import { createTestDatabase } from "@/tests/support/test-database";

const TENANT = "77ac5383-74a0-4b68-ae2c-83504351a44e";
const API = "81382876-ac08-4e70-a240-ad7c89ed8dfe";
const APP = "d5be72ff-2060-41f7-b063-9278f1528ac1";
const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);

async function measure(label: string, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await fn();
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < DURATION_MS) {
    await fn();
    count++;
  }
  const perSecond = count / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(48)} ${perSecond.toFixed(0).padStart(8)} /s`);
  return perSecond;
}

async function main() {
  const issuer = await startFakeEntraIssuer();
  const database = await createTestDatabase("sqlite");
  Object.assign(process.env, database.env, {
    ENTRA_TENANT_IDS: TENANT,
    ENTRA_CLIENT_ID: API,
    ENTRA_AUTHORITY_HOST: issuer.authorityHost,
  });
  const { getDb, dbReady, disconnectDb } = await import("@/lib/db");
  const { authenticate } = await import("@/lib/auth/authenticate");
  const { resolveRequestPrincipal } = await import("@/lib/auth/resolve-request-principal");
  const { entraVerifier } = await import("@/lib/auth/entra-verifier");
  const { seedDemo } = await import("@/prisma/seed/seed-demo");
  const { ensureBuiltIns } = await import("@/lib/iam/ensure-built-ins");
  const { getConfig } = await import("@/lib/config");
  const { createToken } = await import("@/lib/tokens/create-token");
  const { loadUserGroups } = await import("@/lib/auth/principal-groups");
  const { loadAccess } = await import("@/lib/access/load-access");

  const db = getDb();
  await dbReady();
  const ctx = { principal: null, requestId: "bench", system: true };
  await ensureBuiltIns(db, getConfig(), ctx);
  await seedDemo(db, ctx);

  const now = Math.floor(Date.now() / 1000);
  const entraToken = issuer.sign({
    aud: API,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    azp: APP,
    azpacr: "1",
    idtyp: "app",
    oid: "0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a",
    sub: "0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a",
    tid: TENANT,
    ver: "2.0",
  });
  const adele = await db.user.findFirstOrThrow({ where: { displayName: "Adele Vance" } });
  const owner = {
    kind: "user" as const,
    id: adele.id,
    userId: adele.id,
    displayName: adele.displayName,
    via: "session" as const,
    groups: await loadUserGroups(db, adele),
  };
  const { token: registryToken } = await createToken(
    { db, principal: owner, access: await loadAccess(db, owner), requestId: "bench" },
    { name: "bench", expiresInHours: 8 },
  );

  const jwks = (await (await fetch(`${issuer.authorityHost}/${TENANT}/discovery/v2.0/keys`)).json()) as {
    keys: Record<string, unknown>[];
  };
  const localKey = await importJWK(jwks.keys[0]! as Parameters<typeof importJWK>[0], "RS256");
  void createPublicKey;
  const request = (token: string) => ({
    authorization: [`Bearer ${token}`],
    url: "/api/servers",
    sessionCookie: undefined,
    isApiRoute: true,
  });

  console.log(`MCP Registry auth benchmark (${DURATION_MS} ms per row, warm caches, SQLite)\n`);
  const bare = await measure("bare jose.jwtVerify, local key", () =>
    jwtVerify(entraToken, localKey, { algorithms: ["RS256"] }),
  );
  const verifier = await measure("Entra verifier (steps 1-7, cached keys)", () =>
    entraVerifier().verifier.verify(entraToken),
  );
  const fullEntra = await measure("authenticate(): Entra M2M token, uncached", () =>
    authenticate(db, { kind: "bearer", token: entraToken }),
  );
  const fullRegistry = await measure("authenticate(): registry API token, uncached", () =>
    authenticate(db, { kind: "bearer", token: registryToken }),
  );
  const warmEntra = await measure("per request: Entra M2M token (warm)", () =>
    resolveRequestPrincipal(db, request(entraToken)),
  );
  const warmRegistry = await measure("per request: registry API token (warm)", () =>
    resolveRequestPrincipal(db, request(registryToken)),
  );
  const fetchesDuringBench = issuer.requests.length;
  console.log(`\nratio Entra verifier / bare jose:            ${(verifier / bare).toFixed(2)}`);
  console.log(`ratio authenticate(Entra) / bare jose:        ${(fullEntra / bare).toFixed(2)}`);
  console.log(`ratio authenticate(registry token) / bare:    ${(fullRegistry / bare).toFixed(2)}`);
  console.log(`ratio per request, Entra (warm) / bare:       ${(warmEntra / bare).toFixed(2)}`);
  console.log(`ratio per request, registry token (warm) / bare: ${(warmRegistry / bare).toFixed(2)}`);
  console.log(`JWKS fetches during the whole run:            ${fetchesDuringBench}`);

  await disconnectDb();
  await database.drop();
  await issuer.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
