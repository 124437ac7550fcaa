import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key for secrets at rest, or a 409 that says how to configure it. Without a key the
 * registry refuses to store secrets rather than store them in clear.
 */
export function requireSecretsKey(): Buffer {
  const key = getConfig().secretsKey;
  if (!key) {
    throw new AppError(
      "conflict",
      "Storing upstream credentials needs REGISTRY_SECRETS_KEY (32 random bytes, base64: openssl rand -base64 32) in the registry's environment. Set it and restart.",
    );
  }
  return key;
}

/** AES-256-GCM: base64(iv | tag | ciphertext). A fresh random IV per secret. */
export function sealSecret(plaintext: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64");
}

/** Throws when the key is wrong or the ciphertext was altered (GCM authenticates it). */
export function openSecret(sealed: string, key: Buffer): string {
  const bytes = Buffer.from(sealed, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}
