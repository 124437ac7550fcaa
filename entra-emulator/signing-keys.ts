import {
  type JsonWebKey,
  type KeyObject,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  sign,
} from "node:crypto";
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { promisify } from "node:util";

const generateRsa = promisify(generateKeyPair);

export interface SigningKey {
  /** Like Entra's kids: 27 base64url chars of a SHA-1 thumbprint (here of the public key). */
  kid: string;
  privateKey: KeyObject;
  publicJwk: { kty: "RSA"; n: string; e: string };
}

export interface PublishedJwk {
  kty: "RSA";
  use: "sig";
  kid: string;
  x5t: string;
  n: string;
  e: string;
  issuer?: string;
}

interface StoredKeys {
  previous?: JsonWebKey;
  current: JsonWebKey;
  next: JsonWebKey;
}

/**
 * The emulator's RS256 signing keys. Rotation semantics (Entra publishes upcoming and recent
 * keys alongside the one it signs with):
 * - tokens are signed with `current`; `next` is published ahead of time;
 * - `rotate()` makes `next` current, generates a new `next` and retires the old current: it is
 *   no longer used to sign but stays published until the following rotation, so a token signed
 *   before one rotation still verifies, and stops verifying after the second.
 */
export class SigningKeys {
  private constructor(
    private ring: { previous?: SigningKey; current: SigningKey; next: SigningKey },
    private readonly file?: string,
  ) {}

  /** Loads the keys from `file` when it exists, else generates them (and saves them there). */
  static async load(file?: string): Promise<SigningKeys> {
    if (file) {
      const stored = await readStored(file);
      if (stored) {
        const ring = {
          previous: stored.previous ? fromJwk(stored.previous) : undefined,
          current: fromJwk(stored.current),
          next: fromJwk(stored.next),
        };
        return new SigningKeys(ring, file);
      }
    }
    const keys = new SigningKeys({ current: await newKey(), next: await newKey() }, file);
    await keys.save();
    return keys;
  }

  get current(): SigningKey {
    return this.ring.current;
  }

  /** Current first, then next, then the retired previous key. */
  get published(): SigningKey[] {
    const { previous, current, next } = this.ring;
    return previous ? [current, next, previous] : [current, next];
  }

  jwks(issuer?: string): { keys: PublishedJwk[] } {
    return {
      keys: this.published.map((k) => ({
        kty: "RSA",
        use: "sig",
        kid: k.kid,
        x5t: k.kid,
        n: k.publicJwk.n,
        e: k.publicJwk.e,
        ...(issuer ? { issuer } : {}),
      })),
    };
  }

  async rotate(): Promise<void> {
    const { current, next } = this.ring;
    this.ring = { previous: current, current: next, next: await newKey() };
    await this.save();
  }

  /** A compact JWS (RS256) signed with the current key. */
  signJwt(header: Record<string, unknown>, claims: Record<string, unknown>): string {
    const key = this.ring.current;
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const input = `${encode({ ...header, alg: "RS256", kid: key.kid })}.${encode(claims)}`;
    return `${input}.${sign("sha256", Buffer.from(input), key.privateKey).toString("base64url")}`;
  }

  private async save(): Promise<void> {
    if (!this.file) return;
    const { previous, current, next } = this.ring;
    const stored: StoredKeys = {
      ...(previous ? { previous: toJwk(previous) } : {}),
      current: toJwk(current),
      next: toJwk(next),
    };
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, this.file);
  }
}

async function readStored(file: string): Promise<StoredKeys | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  const stored = JSON.parse(text) as Partial<StoredKeys>;
  if (!stored.current || !stored.next)
    throw new Error(`Entra emulator keys file ${file} is missing 'current' or 'next'`);
  return stored as StoredKeys;
}

async function newKey(): Promise<SigningKey> {
  const { privateKey } = await generateRsa("rsa", { modulusLength: 2048 });
  return describe(privateKey);
}

function fromJwk(jwk: JsonWebKey): SigningKey {
  return describe(createPrivateKey({ key: jwk, format: "jwk" }));
}

function toJwk(key: SigningKey): JsonWebKey {
  return { ...key.privateKey.export({ format: "jwk" }), kid: key.kid, alg: "RS256", use: "sig" };
}

function describe(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: "jwk" });
  const kid = createHash("sha1")
    .update(publicKey.export({ format: "der", type: "spki" }))
    .digest("base64url");
  return { kid, privateKey, publicJwk: { kty: "RSA", n: String(jwk.n), e: String(jwk.e) } };
}
