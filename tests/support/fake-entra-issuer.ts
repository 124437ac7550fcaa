import { createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Entra's key endpoints and token signer, for tests. It serves
 * `/{tenant}/discovery/keys` and `/{tenant}/discovery/v2.0/keys` on 127.0.0.1 with its own RSA
 * keys, and its failure modes can be switched while a test runs, for every tenant or for one.
 *
 * Modes: "ok"; "error500"; "hang" (never answers); "slow" (answers after `slowMs`); "reset"
 * (destroys the connection); "garbage" (invalid JSON); "empty" (no keys); "private-key" (the
 * set also carries the private members `d`, `p`, `q`…, which a verifier must ignore); "gated"
 * (waits for openGate()).
 */
export type JwksMode = "ok" | "error500" | "hang" | "slow" | "reset" | "empty" | "garbage" | "private-key" | "gated";

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface FakeEntraIssuer {
  /** `http://127.0.0.1:{port}`: use as ENTRA_AUTHORITY_HOST. */
  authorityHost: string;
  /** Current signing kid. */
  readonly kid: string;
  /** Paths of every request received, in order. */
  readonly requests: string[];
  /** Without `tenant`: every tenant without its own mode. */
  setMode(mode: JwksMode, tenant?: string): void;
  /** How long "slow" waits before answering (default 1,500 ms). */
  slowMs: number;
  /** Key-set requests received for one tenant. */
  requestsFor(tenant: string): string[];
  /** In "gated" mode requests wait until this is called; then they answer normally. */
  openGate(): void;
  /** Resolves once `count` requests in total have been received. */
  waitForRequests(count: number): Promise<void>;
  /** New signing key; the key set serves it (and the old one when `keepOld`). */
  rotate(options?: { keepOld?: boolean }): string;
  /**
   * RS256 with the current key (or `signingKid`, any key this issuer made, e.g. one rotated out);
   * `header` entries replace defaults (set one to undefined to drop it).
   */
  sign(payload: object, header?: Record<string, unknown>, signingKid?: string): string;
  /** HS256 keyed with an arbitrary secret: the algorithm-confusion attack. */
  signHs256(payload: object, secret: string | Buffer, header?: Record<string, unknown>): string;
  publicKeyPem(): string;
  publicJwkJson(): string;
  close(): Promise<void>;
}

const b64 = (value: object | Buffer): string =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString("base64url");

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid: `kid-${randomUUID()}`, privateKey, publicKey };
}

function jwkOf(key: SigningKey, withPrivate = false): object {
  return {
    ...(withPrivate ? key.privateKey : key.publicKey).export({ format: "jwk" }),
    kid: key.kid,
    use: "sig",
    alg: "RS256",
  };
}

export async function startFakeEntraIssuer(): Promise<FakeEntraIssuer> {
  let current = newKey();
  const made = new Map<string, SigningKey>([[current.kid, current]]);
  let served: SigningKey[] = [current];
  let mode: JwksMode = "ok";
  const tenantModes = new Map<string, JwksMode>();
  let slowMs = 1_500;
  let gate = deferred();
  const requests: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];

  function answer(res: ServerResponse, effective: JwksMode): void {
    if (effective === "error500") {
      res.writeHead(500).end("boom");
    } else if (effective === "garbage") {
      res.writeHead(200, { "content-type": "application/json" }).end("{not json");
    } else {
      const keys = effective === "empty" ? [] : served.map((key) => jwkOf(key, effective === "private-key"));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys }));
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? "");
    for (const waiter of waiters.filter((w) => requests.length >= w.count)) waiter.resolve();
    if (!/^\/[0-9a-f-]{36}\/discovery\/(v2\.0\/)?keys$/.test(req.url ?? "")) {
      res.writeHead(404).end();
      return;
    }
    const effective = tenantModes.get((req.url ?? "").split("/")[1] ?? "") ?? mode;
    if (effective === "hang") return;
    if (effective === "reset") {
      req.socket.destroy();
      return;
    }
    if (effective === "slow") {
      const timer = setTimeout(() => answer(res, "ok"), slowMs);
      res.on("close", () => clearTimeout(timer));
      return;
    }
    if (effective === "gated") {
      void gate.promise.then(() => answer(res, "ok"));
      return;
    }
    answer(res, effective);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  function compact(header: Record<string, unknown>, payload: object, signer: (input: string) => Buffer): string {
    const cleaned = Object.fromEntries(Object.entries(header).filter(([, v]) => v !== undefined));
    const input = `${b64(cleaned)}.${b64(payload)}`;
    return `${input}.${b64(signer(input))}`;
  }

  return {
    authorityHost: `http://127.0.0.1:${port}`,
    get kid() {
      return current.kid;
    },
    requests,
    setMode(next, tenant) {
      if (tenant === undefined) mode = next;
      else tenantModes.set(tenant, next);
      if (next === "gated") gate = deferred();
    },
    get slowMs() {
      return slowMs;
    },
    set slowMs(ms: number) {
      slowMs = ms;
    },
    requestsFor: (tenant) => requests.filter((path) => path.startsWith(`/${tenant}/`)),
    openGate: () => gate.resolve(),
    waitForRequests(count) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    rotate(options = {}) {
      current = newKey();
      made.set(current.kid, current);
      served = options.keepOld ? [current, ...served] : [current];
      return current.kid;
    },
    sign(payload, header = {}, signingKid) {
      const signer = signingKid === undefined ? current : made.get(signingKid);
      if (!signer) throw new Error(`no key ${signingKid}`);
      const key = signer.privateKey;
      return compact({ typ: "JWT", alg: "RS256", kid: signer.kid, ...header }, payload, (input) =>
        sign("sha256", Buffer.from(input), key),
      );
    },
    signHs256(payload, secret, header = {}) {
      return compact({ typ: "JWT", alg: "HS256", kid: current.kid, ...header }, payload, (input) =>
        createHmac("sha256", secret).update(input).digest(),
      );
    },
    publicKeyPem: () => current.publicKey.export({ format: "pem", type: "spki" }).toString(),
    publicJwkJson: () => JSON.stringify(jwkOf(current)),
    async close() {
      gate.resolve();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
