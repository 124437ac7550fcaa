import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { createGroup } from "@/lib/iam/groups/create-group";
import { createM2mAccount } from "@/lib/iam/m2m-accounts/create-m2m-account";
import { createUser } from "@/lib/iam/users/create-user";
import { createServer } from "@/lib/servers/create-server";
import { API_ROUTES } from "@/lib/api/route-table";
import { publicRoutes } from "@/lib/api/public-routes";
import { startFakeEntraIssuer } from "../support/fake-entra-issuer";
import { PUBLIC_ROUTES, ROUTE_TABLE } from "./route-table";
import { securitySuite, type SuiteContext } from "./security-suite";
import { appClaims, DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { call, expectStatus } from "./support/call";
import { systemContext } from "@/lib/system-context";

const SYSTEM = { principal: null, requestId: "every-route-setup", system: true };
const CLIENT_SECRET = "entra-client-secret-that-must-never-leak";
let reg: ApiRegistry;
let s: SuiteContext;
let snapshotBefore: string;

/** What the refused calls aim at; none of them may change it. */
async function targetsSnapshot(): Promise<string> {
  const { db } = reg;
  const group = await db.group.findUniqueOrThrow({
    where: { name: "team-payments" },
    include: { serverRules: true, entraMappings: true },
  });
  const account = await db.m2mAccount.findUniqueOrThrow({
    where: { id: reg.accountIds.payments },
    include: { groups: true },
  });
  const alex = await db.user.findUniqueOrThrow({ where: { id: reg.userIds.alex }, include: { groups: true } });
  const github = await db.server.findUniqueOrThrow({
    where: { slug: "github" },
    include: { tools: { orderBy: { name: "asc" } }, tags: true },
  });
  const victim = await db.apiToken.findUniqueOrThrow({ where: { id: s.victimTokenId } });
  return JSON.stringify({
    group,
    // Using a credential stamps lastUsedAt and what the token carried (and so updatedAt); that is not a change to the target.
    account: {
      ...account,
      lastUsedAt: undefined,
      updatedAt: undefined,
      lastTokenAt: undefined,
      lastTokenRoles: undefined,
      lastTokenGroups: undefined,
      lastTokenVersion: undefined,
      lastTokenOverage: undefined,
      lastTokenGroupsSource: undefined,
    },
    alex,
    github,
    victim: { ...victim, lastUsedAt: undefined, updatedAt: undefined },
  });
}

/** A token signed the way an attacker could: a new key presented under the real kid. */
async function forgedToken(claims: Record<string, unknown>): Promise<string> {
  const forger = await startFakeEntraIssuer();
  try {
    return forger.sign(claims, { kid: reg.issuer.kid });
  } finally {
    await forger.close();
  }
}

async function buildContext(): Promise<SuiteContext> {
  const admin = await reg.session(reg.userIds.adele);
  const adminAs = { session: admin };
  const createToken = async (as: { session: string }, name: string) =>
    (await expectStatus(201, "POST", "/api/tokens", { as, body: { name, expiresInHours: 1 } })).json as {
      id: string;
      token: string;
    };

  const expired = await createToken(adminAs, "expired");
  await reg.db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const revoked = await createToken(adminAs, "revoked");
  await expectStatus(204, "DELETE", "/api/tokens/{id}", { as: adminAs, params: { id: revoked.id } });
  const rotated = await createToken(adminAs, "rotated");
  await expectStatus(200, "POST", "/api/tokens/{id}/rotate", {
    as: adminAs,
    params: { id: rotated.id },
    body: { graceHours: 0 },
  });

  // An admin whose account is disabled after minting a token: the token dies with the owner.
  const owner = await createUser(systemContext(reg.db, SYSTEM.requestId), {
    tenantId: DEMO.tenant,
    objectId: randomUUID(),
    displayName: "Former Admin",
    groups: ["registry-admins"],
    enabled: true,
  });
  const ownerToken = await createToken({ session: await reg.session(owner.id) }, "orphan");
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: adminAs,
    params: { id: owner.id },
    body: { enabled: false },
  });

  const disabledClient = randomUUID();
  await createM2mAccount(systemContext(reg.db, SYSTEM.requestId), {
    tenantId: DEMO.tenant,
    clientId: disabledClient,
    name: "retired-bot",
    description: "",
    groups: ["registry-admins"],
    enabled: false,
  });

  const now = Math.floor(Date.now() / 1000);
  const adminClaims = appClaims(DEMO.apps.bootstrapAdmin);
  const validAdmin = reg.appToken(DEMO.apps.bootstrapAdmin);
  const [header, , signature] = validAdmin.split(".");
  const tampered = `${header}.${Buffer.from(JSON.stringify({ ...adminClaims, roles: ["Registry.Admin"] })).toString("base64url")}.${signature}`;
  const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT", kid: reg.issuer.kid })).toString("base64url")}.${Buffer.from(JSON.stringify(adminClaims)).toString("base64url")}.`;
  const otherIssuer = `https://login.microsoftonline.com/${DEMO.otherTenant}/v2.0`;

  let counter = 0;
  const next = () => `${++counter}-${randomBytes(3).toString("hex")}`;
  return {
    reg,
    as: {
      admin: adminAs,
      adminM2m: { bearer: validAdmin },
      payments: { bearer: reg.appToken(DEMO.apps.payments) },
      catalogSync: { bearer: reg.appToken(DEMO.apps.catalogSync, { roles: ["Registry.Read"] }) },
      alex: { session: await reg.signIn(DEMO.users.alex, { groups: [DEMO.entraGroups.payments] }) },
    },
    victimTokenId: (await createToken(adminAs, "victim")).id,
    victimProvisioningTokenId: (
      await expectStatus(201, "POST", "/api/iam/provisioning-tokens", { as: adminAs, body: { name: "victim" } })
    ).json.id,
    invalidTokens: {
      "garbage JWT": "eyJhbGciOiJSUzI1NiJ9.eyJmb28iOiJiYXIifQ.c2lnbmF0dXJl",
      "garbage opaque": "not-a-token",
      "unknown registry token": `mcpr_${randomBytes(32).toString("base64url")}`,
      "malformed registry token": "mcpr_short",
      "wrong signature": await forgedToken(adminClaims),
      "tampered payload": tampered,
      "alg none": unsigned,
      "expired Entra token": reg.appToken(DEMO.apps.bootstrapAdmin, {
        iat: now - 7200,
        nbf: now - 7200,
        exp: now - 3600,
      }),
      "another tenant": reg.appToken(DEMO.apps.bootstrapAdmin, { iss: otherIssuer, tid: DEMO.otherTenant }),
      "tid of another tenant": reg.appToken(DEMO.apps.bootstrapAdmin, { tid: DEMO.otherTenant }),
      "wrong audience": reg.appToken(DEMO.apps.bootstrapAdmin, { aud: randomUUID() }),
      "expired registry token": expired.token,
      "revoked registry token": revoked.token,
      "rotated-out registry token": rotated.token,
      "token of a disabled owner": ownerToken.token,
      // A valid SCIM provisioning secret is accepted only on /scim/v2.
      "provisioning secret": (
        await expectStatus(201, "POST", "/api/iam/provisioning-tokens", { as: adminAs, body: { name: "suite scim" } })
      ).json.secret,
    },
    unlinkedAppToken: reg.appToken(DEMO.apps.unlinked, { roles: ["Registry.Admin"] }),
    disabledAppToken: reg.appToken(disabledClient, { roles: ["Registry.Admin"] }),
    unknownUserToken: reg.delegatedToken(randomUUID()),
    disabledUserToken: reg.delegatedToken(DEMO.users.megan),
    freshGroup: async () => ({
      name: (
        await createGroup(systemContext(reg.db, SYSTEM.requestId), {
          name: `fresh-group-${next()}`,
          description: "",
          entraMappings: { groups: [], appRoles: [] },
          serverAccess: [],
          permissions: [],
        })
      ).name,
    }),
    freshAccount: async () => ({
      id: (
        await createM2mAccount(systemContext(reg.db, SYSTEM.requestId), {
          tenantId: DEMO.tenant,
          clientId: randomUUID(),
          name: `fresh-${next()}`,
          description: "",
          groups: [],
          enabled: true,
        })
      ).id,
    }),
    freshUser: async () => ({
      id: (
        await createUser(systemContext(reg.db, SYSTEM.requestId), {
          tenantId: DEMO.tenant,
          objectId: randomUUID(),
          displayName: `Fresh ${next()}`,
          groups: [],
          enabled: true,
        })
      ).id,
    }),
    freshServer: async () => ({
      slug: (
        await createServer(systemContext(reg.db, SYSTEM.requestId), {
          slug: `fresh-server-${next()}`,
          name: "Fresh",
          description: "",
          url: "https://mcp.example.test/fresh",
          transport: "streamable-http",
          tags: [],
          version: "",
          enabled: true,
          tools: [{ name: "t", description: "", inputSchema: {} }],
        })
      ).slug,
    }),
    freshToken: async () => ({ id: (await createToken(adminAs, `fresh ${next()}`)).id }),
    freshProvisioningToken: async () => ({
      id: (
        await expectStatus(201, "POST", "/api/iam/provisioning-tokens", {
          as: adminAs,
          body: { name: `fresh ${next()}` },
        })
      ).json.id,
    }),
    invalidTokenMessages: new Set(),
  };
}

before(async () => {
  reg = await startApiRegistry({
    ENTRA_CLIENT_SECRET: CLIENT_SECRET,
    REGISTRY_SECRETS_KEY: Buffer.alloc(32, 7).toString("base64"),
  });
  s = await buildContext();
  snapshotBefore = await targetsSnapshot();
});
after(async () => reg?.close());

test("the security table covers every route of the API application (public ones are listed as such)", () => {
  const served = [...API_ROUTES, ...publicRoutes].map((route) => `${route.method} ${route.path}`);
  const listed = [...ROUTE_TABLE.map((route) => `${route.method} ${route.path}`), ...PUBLIC_ROUTES];
  assert.deepEqual([...new Set(served)].sort(), [...new Set(listed)].sort());
});

for (const route of ROUTE_TABLE) securitySuite(route, () => s);

test("one message for every cause of an invalid token", () => {
  assert.deepEqual([...s.invalidTokenMessages], ["The access token is invalid."]);
});

test("the refused calls changed nothing they aimed at", async () => {
  assert.equal(await targetsSnapshot(), snapshotBefore);
});

test("no audit event holds a credential", async () => {
  const events = JSON.stringify(await reg.db.auditEvent.findMany());
  const credentials = [
    ...Object.values(s.invalidTokens),
    s.unlinkedAppToken,
    s.disabledAppToken,
    s.unknownUserToken,
    s.disabledUserToken,
  ];
  for (const credential of Object.values(s.as))
    if (credential) credentials.push("bearer" in credential ? credential.bearer : credential.session);
  for (const credential of credentials)
    assert.ok(!events.includes(credential), `audit log contains a credential (${credential.slice(0, 12)}…)`);
});

test("GET /api/health is public and reveals no configuration secret", async () => {
  const response = await call("GET", "/api/health");
  assert.equal(response.status, 200);
  const text = response.text;
  assert.equal(JSON.parse(text).database, "up");
  assert.ok(!text.includes(CLIENT_SECRET));
  assert.equal(response.headers.get("cache-control"), "no-store");
});
