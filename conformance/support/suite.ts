import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { FakeEntraIssuer, JwksMode } from "@/tests/support/fake-entra-issuer";
import { HttpRecorder, type Exchange, type RequestOptions } from "./http-recorder";
import { startRegistry, type RegistryProcess } from "./registry-process";

export const TENANT = "77ac5383-74a0-4b68-ae2c-83504351a44e";
export const API_CLIENT = "81382876-ac08-4e70-a240-ad7c89ed8dfe";
/** Two REGISTRY_BOOTSTRAP_M2M_ADMINS apps; the second is disabled by the first during the run. */
export const ADMIN_APP = "0c8e1f0a-1111-4222-8333-944455556666";
export const SECOND_ADMIN_APP = "0c8e1f0a-2222-4222-8333-944455556666";
/** Allowed tenants whose key endpoint is never reached before their own test (cold caches). */
export const COLD_TENANTS = {
  hang: "c01d0001-0000-4000-8000-000000000001",
  error500: "c01d0002-0000-4000-8000-000000000002",
  reset: "c01d0003-0000-4000-8000-000000000003",
  garbage: "c01d0004-0000-4000-8000-000000000004",
  empty: "c01d0005-0000-4000-8000-000000000005",
  slow: "c01d0006-0000-4000-8000-000000000006",
  "private-key": "c01d0007-0000-4000-8000-000000000007",
} as const;
/** The mode each cold tenant's key endpoint is in when the registry starts (its warm-up fails). */
export const COLD_FAILURE_MODES = {
  hang: "hang",
  error500: "error500",
  reset: "reset",
  garbage: "garbage",
  empty: "empty",
  slow: "error500",
} as const satisfies Partial<Record<keyof typeof COLD_TENANTS, JwksMode>>;
export const COLD_APP = "a990a990-0000-4000-8000-00000000a990";

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(): DatabaseKind {
  return process.env.CONFORMANCE_DATABASE === "postgresql" ? "postgresql" : "sqlite";
}

const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

/** An empty database: `npm start` itself applies the migrations, as it does for users. */
export async function createEmptyDatabase(
  kind: DatabaseKind,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "registry-conformance-"));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (kind === "sqlite") return { env: { REGISTRY_DATA_DIR: dataDir }, drop: async () => removeDir() };
  const name = `registry_conformance_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    env: { REGISTRY_DATA_DIR: dataDir, DATABASE_URL: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`) },
    drop: async () => {
      const dropper = new pg.Client({ connectionString: PG_ADMIN_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
      removeDir();
    },
  };
}

/** Claims signed at the registry's clock (which the suite moves ahead; see clock-preload.mjs). */
export class TokenFactory {
  /** How far the registries' clock runs ahead of real time. */
  offsetMs = 0;
  constructor(readonly issuer: FakeEntraIssuer) {}

  nowSeconds(): number {
    return Math.floor((Date.now() + this.offsetMs) / 1000);
  }

  appV2Claims(overrides: Record<string, unknown> = {}, tenant = TENANT, app = ADMIN_APP): Record<string, unknown> {
    const iat = this.nowSeconds();
    const oid = `0b0b0b0b-0b0b-4b0b-8b0b-${app.slice(-12)}`;
    return {
      aud: API_CLIENT,
      iss: `https://login.microsoftonline.com/${tenant}/v2.0`,
      iat,
      nbf: iat,
      exp: iat + 3600,
      azp: app,
      azpacr: "1",
      idtyp: "app",
      oid,
      sub: oid,
      tid: tenant,
      ver: "2.0",
      // Distinct tokens per call, so no response comes from a cached principal.
      uti: randomBytes(8).toString("base64url"),
      ...overrides,
    };
  }

  appV1Claims(overrides: Record<string, unknown> = {}, tenant = TENANT, app = ADMIN_APP): Record<string, unknown> {
    const { azp: _azp, azpacr: _azpacr, ...v2 } = this.appV2Claims({}, tenant, app);
    return {
      ...v2,
      aud: `api://${API_CLIENT}`,
      iss: `https://sts.windows.net/${tenant}/`,
      appid: app,
      appidacr: "1",
      ver: "1.0",
      ...overrides,
    };
  }

  delegatedClaims(userObjectId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const { idtyp: _idtyp, ...base } = this.appV2Claims({}, TENANT, "d0d0d0d0-0000-4000-8000-00000000d0d0");
    return { ...base, oid: userObjectId, sub: "pairwise-subject-of-the-user", scp: "Registry.Use", ...overrides };
  }

  /** A valid app-only v2 token for `app` in `tenant`. */
  app(app = ADMIN_APP, tenant = TENANT): string {
    return this.issuer.sign(this.appV2Claims({}, tenant, app));
  }
}

/** What every conformance test shares; filled by the entry file's `before`. */
export interface Suite {
  database: DatabaseKind;
  databaseEnv: Record<string, string>;
  issuer: FakeEntraIssuer;
  /** Signs with keys the registry never sees. */
  attacker: FakeEntraIssuer;
  tokens: TokenFactory;
  recorder: HttpRecorder;
  registry: RegistryProcess;
  /** Every registry started during the run (for the log check and clean-up). */
  registries: RegistryProcess[];
  /** Moves every running registry's clock (and the token factory's) ahead by `ms` more. */
  advanceClock(ms: number): Promise<void>;
  startInstance(label: string, extraEnv?: Record<string, string>): Promise<RegistryProcess>;
  call(path: string, options?: RequestOptions, label?: string, on?: RegistryProcess): Promise<Exchange>;
  /** The bootstrap admin's token, fresh each call. */
  adminToken(): string;
}

export const suite = {} as Suite;

export function registryEnv(issuer: FakeEntraIssuer, databaseEnv: Record<string, string>): Record<string, string> {
  return {
    ...databaseEnv,
    ENTRA_EMULATOR: "false",
    ENTRA_TENANT_IDS: [TENANT, ...Object.values(COLD_TENANTS)].join(","),
    ENTRA_CLIENT_ID: API_CLIENT,
    ENTRA_AUTHORITY_HOST: issuer.authorityHost,
    REGISTRY_BOOTSTRAP_M2M_ADMINS: `${TENANT}/${ADMIN_APP},${TENANT}/${SECOND_ADMIN_APP}`,
  };
}

export async function setUpSuite(issuer: FakeEntraIssuer, attacker: FakeEntraIssuer): Promise<void> {
  const database = databaseKind();
  const created = await createEmptyDatabase(database);
  const tokens = new TokenFactory(issuer);
  const recorder = new HttpRecorder();
  const registries: RegistryProcess[] = [];
  const env = registryEnv(issuer, created.env);
  for (const [name, mode] of Object.entries(COLD_FAILURE_MODES))
    issuer.setMode(mode, COLD_TENANTS[name as keyof typeof COLD_TENANTS]);
  issuer.setMode("private-key", COLD_TENANTS["private-key"]);
  Object.assign(suite, {
    database,
    databaseEnv: created.env,
    issuer,
    attacker,
    tokens,
    recorder,
    registries,
    dropDatabase: created.drop,
    async startInstance(label: string, extraEnv: Record<string, string> = {}) {
      const instance = await startRegistry(`${label} (${database})`, { ...env, ...extraEnv });
      registries.push(instance);
      if (tokens.offsetMs !== 0) await instance.setClockOffset(tokens.offsetMs);
      return instance;
    },
    async advanceClock(ms: number) {
      tokens.offsetMs += ms;
      for (const instance of registries) await instance.setClockOffset(tokens.offsetMs);
    },
    call(path: string, options: RequestOptions = {}, label = "", on?: RegistryProcess) {
      return recorder.request((on ?? suite.registry).url, path, options, label);
    },
    adminToken: () => tokens.app(ADMIN_APP),
  } satisfies Omit<Suite, "registry"> & { dropDatabase(): Promise<void> });
  suite.registry = await suite.startInstance("registry");
}

export async function tearDownSuite(): Promise<void> {
  for (const instance of suite.registries ?? []) await instance.stop();
  await (suite as unknown as { dropDatabase?: () => Promise<void> }).dropDatabase?.();
}
