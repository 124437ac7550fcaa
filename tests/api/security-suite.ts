import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { tokenFingerprint } from "@/lib/auth/token-fingerprint";
import type { RouteCase } from "./route-table";
import { DEMO, type ApiRegistry } from "./support/api-registry";
import { assertError, comparableError } from "./support/assert-error";
import { call, fillPath, type CallOptions, type Credential } from "./support/call";

export type PrincipalName = "admin" | "adminM2m" | "payments" | "catalogSync" | "alex";

/** Permissions each named principal holds (catalogSync: none; alex: team-payments via Entra). */
const HOLDS: Record<PrincipalName, string[] | "all"> = {
  admin: "all",
  adminM2m: "all",
  payments: ["tokens:create"],
  catalogSync: [],
  alex: ["tokens:create"],
};

/** Everything the shared checks need, built once in before(). */
export interface SuiteContext {
  reg: ApiRegistry;
  as: Record<PrincipalName, Credential>;
  /** An Adele token the checks aim at (Alex must not see it). */
  victimTokenId: string;
  /** A provisioning secret the DELETE checks aim at. */
  victimProvisioningTokenId: string;
  /** Credentials that must each be refused with 401 invalid_token, by cause. */
  invalidTokens: Record<string, string>;
  unlinkedAppToken: string;
  disabledAppToken: string;
  /** Delegated Entra tokens of an unknown and of a disabled user. */
  unknownUserToken: string;
  disabledUserToken: string;
  freshGroup(): Promise<Record<string, string>>;
  freshAccount(): Promise<Record<string, string>>;
  freshUser(): Promise<Record<string, string>>;
  freshServer(): Promise<Record<string, string>>;
  freshToken(): Promise<Record<string, string>>;
  freshProvisioningToken(): Promise<Record<string, string>>;
  /** Every 401 invalid_token message seen, to prove there is one message for all causes. */
  invalidTokenMessages: Set<string>;
}

const WRITES = new Set(["POST", "PATCH", "PUT", "DELETE"]);

/** The 401's audit event: auth.failed, fingerprint of the token, and never the token itself. */
async function assertAuditedFailure(s: SuiteContext, requestId: string, token: string | null): Promise<void> {
  const event = await s.reg.db.auditEvent.findFirst({ where: { requestId } });
  assert.ok(event, `no audit event for request ${requestId}`);
  assert.equal(event.action, "auth.failed");
  assert.equal(event.outcome, "denied");
  assert.equal(event.tokenFingerprint, token ? tokenFingerprint(token) : null);
  if (token) assert.ok(!JSON.stringify(event).includes(token), "audit event contains the token");
}

/**
 * The shared security block (STYLE practice 13), registered once per route and method. Every
 * refusal is checked for status, code, headers, wire shape, secrecy and (for 401s) audit.
 */
export function securitySuite(route: RouteCase, context: () => SuiteContext): void {
  const label = `${route.method} ${route.path}`;
  const request = (s: SuiteContext, as: Credential, extra: Partial<CallOptions> = {}) =>
    call(route.method, route.path, { params: route.params?.(s), body: route.body, as, ...extra });

  describe(label, () => {
    test("no credential (or another scheme) → 401 unauthorized with the realm challenge", async () => {
      const s = context();
      for (const headers of [[], [["authorization", "Basic YWRlbGU6cGFzc3dvcmQ="]]] as [string, string][][]) {
        const response = await request(s, null, { headers });
        const body = assertError(response, 401, "unauthorized", ["YWRlbGU6cGFzc3dvcmQ="]);
        await assertAuditedFailure(s, body.requestId, null);
      }
    });

    test("malformed credentials → 400 invalid_request", async () => {
      const s = context();
      const token = s.reg.appToken(DEMO.apps.bootstrapAdmin);
      const session = (s.as.admin as { session: string }).session;
      const cases: [string, Partial<CallOptions>][] = [
        ["tab separator", { headers: [["authorization", `Bearer\t${token}`]] }],
        ["bearer and session cookie", { as: { bearer: token }, headers: [["cookie", `registry_session=${session}`]] }],
        ["two bearer tokens", { as: { bearer: token }, headers: [["authorization", `Bearer ${token}`]] }],
        ["empty bearer", { headers: [["authorization", "Bearer "]] }],
        ["token in the query string", { as: { bearer: token }, query: `?access_token=${token}` }],
        ["header over 12 KiB", { headers: [["authorization", `Bearer ${"a".repeat(13 * 1024)}`]] }],
      ];
      for (const [cause, options] of cases) {
        const response = await request(s, null, options);
        assert.equal(response.status, 400, `${cause}: ${response.text}`);
        assertError(response, 400, "invalid_request", [token, session]);
      }
    });

    test("invalid, expired, revoked or foreign tokens → 401 invalid_token, audited with a fingerprint", async () => {
      const s = context();
      for (const [cause, token] of Object.entries(s.invalidTokens)) {
        const response = await request(s, { bearer: token });
        assert.equal(response.status, 401, `${cause}: ${response.text}`);
        const body = assertError(response, 401, "invalid_token", [token]);
        s.invalidTokenMessages.add(body.error.message);
        await assertAuditedFailure(s, body.requestId, token);
      }
    });

    test("an unlinked or disabled app → 403 client_not_registered", async () => {
      const s = context();
      for (const token of [s.unlinkedAppToken, s.disabledAppToken]) {
        assertError(await request(s, { bearer: token }), 403, "client_not_registered", [token]);
      }
    });

    test("a delegated token of an unknown or disabled user → 403 forbidden", async () => {
      const s = context();
      for (const token of [s.unknownUserToken, s.disabledUserToken]) {
        assertError(await request(s, { bearer: token }), 403, "forbidden", [token]);
      }
    });

    if (route.permission) {
      const permission = route.permission;
      test(`without ${permission} → 403 forbidden (object visible to the caller)`, async () => {
        const s = context();
        const lacking = (Object.keys(HOLDS) as PrincipalName[]).filter(
          (name) => HOLDS[name] !== "all" && !HOLDS[name].includes(permission),
        );
        assert.ok(lacking.length > 0);
        for (const name of lacking) assertError(await request(s, s.as[name]), 403, "forbidden");
      });
    }

    if (route.path.startsWith("/api/tokens")) {
      test("an M2M principal (even holding tokens:create) → 403 forbidden", async () => {
        const s = context();
        assertError(await request(s, s.as.payments), 403, "forbidden");
      });
    }

    if (route.namesObject) {
      const invisible = route.invisible;
      test(
        invisible ? "an invisible object → 404, identical to an absent one" : "an absent object → 404 not_found",
        async () => {
          const s = context();
          const caller = s.as[invisible?.to ?? "admin"];
          const absent = await request(s, caller, { params: route.absent, body: route.absentBody ?? route.body });
          assertError(absent, 404, "not_found");
          if (!invisible) return;
          const invisibleParams = invisible.params(s);
          const hidden = await request(s, caller, { params: invisibleParams });
          assertError(hidden, 404, "not_found");
          assert.equal(
            comparableError(hidden, Object.values(invisibleParams)),
            comparableError(absent, Object.values(route.absent!)),
          );
          assert.deepEqual([...hidden.headers.entries()].sort(), [...absent.headers.entries()].sort());
        },
      );
    }

    if (WRITES.has(route.method)) {
      test("a cookie-authenticated write from another site → 403 forbidden", async () => {
        const s = context();
        const session = (s.as.admin as { session: string }).session;
        for (const csrf of ["none", "cross-site"] as const) {
          assertError(await request(s, { session, csrf }), 403, "forbidden", [session]);
        }
      });
    }

    test(`positive control: an admin gets ${route.ok}`, async () => {
      const s = context();
      const params = route.fresh ? await route.fresh(s) : route.params?.(s);
      const session = (s.as.admin as { session: string }).session;
      const response = await call(route.method, route.path, {
        params,
        body: route.body,
        as: { session, csrf: "origin" },
      });
      assert.equal(
        response.status,
        route.ok,
        `${route.method} ${fillPath(route.path, params)}: ${response.text.slice(0, 300)}`,
      );
      assert.equal(response.headers.get("cache-control"), "no-store");
    });
  });
}
