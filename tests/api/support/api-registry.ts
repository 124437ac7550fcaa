import { randomUUID } from "node:crypto";
import { createSession } from "@/lib/auth/sessions";
import { getConfig } from "@/lib/config";
import { dbReady, getDb, type Db } from "@/lib/db";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { recordSignIn } from "@/lib/iam/users/record-sign-in";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { startFakeEntraIssuer, type FakeEntraIssuer } from "../../support/fake-entra-issuer";
import { TEST_API_CLIENT, TEST_TENANT, useTestRegistry } from "../../support/registry-env";

/** Ids from the demo seed (entra-emulator/demo-tenant.json) and this harness's bootstrap admin. */
export const DEMO = {
  tenant: TEST_TENANT,
  otherTenant: "9d3f6a52-1c4e-4b7a-8e21-5f0c9b7d3e11",
  apiClient: TEST_API_CLIENT,
  apps: {
    payments: "d5be72ff-2060-41f7-b063-9278f1528ac1",
    catalogSync: "82f936e6-5b85-4bd1-b012-93cebad3fb38",
    unlinked: "137dc353-fada-4dee-96a1-0db0898bbdc4",
    bootstrapAdmin: "0c8e1f0a-1111-4222-8333-944455556666",
  },
  entraGroups: { admins: "87ba6630-278d-4962-9060-fa431b8c0362", payments: "1b8a6496-4d8b-4429-a9cf-7bc3d64affa1" },
  users: {
    adele: "b935ec92-0bd6-42ce-80fe-df9197107839",
    alex: "218ef494-d798-487a-a90e-260a31de2d49",
    megan: "e46791c0-cc64-40b9-a40e-930f66d8c6c7",
  },
  /** team-payments' servers, and its tools on each. */
  paymentsServers: ["github", "sentry", "stripe-payments"],
  enabledServers: [
    "confluence",
    "github",
    "jira",
    "postgres-analytics",
    "sentry",
    "slack",
    "stripe-payments",
    "web-search",
  ],
} as const;

const SYSTEM = { principal: null, requestId: "api-test-setup", system: true };

export interface ApiRegistry {
  db: Db;
  issuer: FakeEntraIssuer;
  /** Registry user ids by demo name. */
  userIds: { adele: string; alex: string; megan: string };
  /** M2M account ids by demo name. */
  accountIds: { payments: string; catalogSync: string; bootstrapAdmin: string };
  /** A v2 app-only Entra access token for `clientId`, signed by the fake issuer's current key. */
  appToken(clientId: string, claims?: Record<string, unknown>): string;
  /** A v2 delegated Entra token for the user with `objectId`. */
  delegatedToken(objectId: string, claims?: Record<string, unknown>): string;
  /** A session cookie value for the user (8 h). */
  session(userId: string): Promise<string>;
  /** Signs a demo user in through recordSignIn (capturing Entra groups/roles), returning a session. */
  signIn(objectId: string, claims: { groups?: string[]; roles?: string[]; displayName?: string }): Promise<string>;
  close(): Promise<void>;
}

export function appClaims(clientId: string, claims: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const servicePrincipal = randomUUID();
  return {
    aud: TEST_API_CLIENT,
    iss: `https://login.microsoftonline.com/${TEST_TENANT}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    azp: clientId,
    azpacr: "1",
    idtyp: "app",
    oid: servicePrincipal,
    sub: servicePrincipal,
    roles: [],
    tid: TEST_TENANT,
    ver: "2.0",
    ...claims,
  };
}

/**
 * A fresh database with the built-ins (plus a bootstrap M2M admin) and the demo seed, a fake
 * Entra issuer the registry fetches keys from, and credential factories. Call in before().
 */
export async function startApiRegistry(extraEnv: Record<string, string> = {}): Promise<ApiRegistry> {
  const issuer = await startFakeEntraIssuer();
  const registry = await useTestRegistry({
    ENTRA_AUTHORITY_HOST: issuer.authorityHost,
    REGISTRY_BOOTSTRAP_M2M_ADMINS: `${TEST_TENANT}/${DEMO.apps.bootstrapAdmin}`,
    ...extraEnv,
  });
  await dbReady();
  const db = getDb();
  await ensureBuiltIns(db, getConfig(), SYSTEM);
  await seedDemo(db, SYSTEM);

  const userId = async (objectId: string) =>
    (await db.user.findUniqueOrThrow({ where: { tenantId_objectId: { tenantId: TEST_TENANT, objectId } } })).id;
  const accountId = async (clientId: string) =>
    (await db.m2mAccount.findUniqueOrThrow({ where: { tenantId_clientId: { tenantId: TEST_TENANT, clientId } } })).id;

  return {
    db,
    issuer,
    userIds: {
      adele: await userId(DEMO.users.adele),
      alex: await userId(DEMO.users.alex),
      megan: await userId(DEMO.users.megan),
    },
    accountIds: {
      payments: await accountId(DEMO.apps.payments),
      catalogSync: await accountId(DEMO.apps.catalogSync),
      bootstrapAdmin: await accountId(DEMO.apps.bootstrapAdmin),
    },
    appToken: (clientId, claims) => issuer.sign(appClaims(clientId, claims)),
    delegatedToken(objectId, claims = {}) {
      const { idtyp: _idtyp, ...base } = appClaims(randomUUID());
      return issuer.sign({ ...base, oid: objectId, sub: randomUUID(), scp: "access_as_user", ...claims });
    },
    session: async (id) => (await createSession(db, id, 8)).sessionId,
    async signIn(objectId, claims) {
      const existing = await db.user.findUniqueOrThrow({
        where: { tenantId_objectId: { tenantId: TEST_TENANT, objectId } },
      });
      const user = await recordSignIn(
        db,
        {
          tenantId: TEST_TENANT,
          objectId,
          displayName: claims.displayName ?? existing.displayName,
          email: existing.email,
          groups: claims.groups ?? [],
          roles: claims.roles ?? [],
        },
        "api-test-sign-in",
      );
      return (await createSession(db, user.id, 8)).sessionId;
    },
    async close() {
      await registry.close();
      await issuer.close();
    },
  };
}
