import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { openSecret, requireSecretsKey, sealSecret } from "@/lib/secrets/secret-box";
import { jsonStringArray } from "@/lib/validation/common";
import type { SetUpstreamCredentialsInput, UpstreamCredentialsRecord } from "./schemas";

interface CredentialRow {
  headerNames: unknown;
  updatedAt: Date;
  updatedBy: string | null;
}

export function toUpstreamCredentialsRecord(row: CredentialRow | null): UpstreamCredentialsRecord {
  return {
    hasUpstreamCredentials: row !== null,
    headerNames: row ? jsonStringArray(row.headerNames) : [],
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

export async function getUpstreamCredentials(db: Db, slug: string): Promise<UpstreamCredentialsRecord> {
  const row = await db.serverUpstreamCredential.findFirst({ where: { server: { slug } } });
  return toUpstreamCredentialsRecord(row);
}

/** Replaces the server's upstream headers. The audit log records header names, never values. */
export async function setUpstreamCredentials(
  db: Db,
  ctx: AuditContext,
  slug: string,
  input: SetUpstreamCredentialsInput,
): Promise<UpstreamCredentialsRecord> {
  const key = requireSecretsKey();
  const headerNames = Object.keys(input.headers)
    .map((name) => name.toLowerCase())
    .sort();
  const ciphertext = sealSecret(
    JSON.stringify(
      Object.fromEntries(Object.entries(input.headers).map(([name, value]) => [name.toLowerCase(), value])),
    ),
    key,
  );
  return db.$transaction(async (tx) => {
    const server = await tx.server.findUnique({ where: { slug }, include: { upstreamCredentials: true } });
    if (!server) throw new AppError("not_found", `No server ${slug}.`);
    const before = toUpstreamCredentialsRecord(server.upstreamCredentials);
    const data = { headerNames, ciphertext, updatedBy: ctx.principal?.displayName ?? "system" };
    const row = await tx.serverUpstreamCredential.upsert({
      where: { serverId: server.id },
      create: { serverId: server.id, ...data },
      update: data,
    });
    const after = toUpstreamCredentialsRecord(row);
    await recordAuditEvent(tx, ctx, {
      action: "server.upstream_credentials.set",
      target: { type: "server", id: server.id, name: slug },
      before,
      after,
    });
    return after;
  });
}

export async function clearUpstreamCredentials(db: Db, ctx: AuditContext, slug: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const server = await tx.server.findUnique({ where: { slug }, include: { upstreamCredentials: true } });
    if (!server) throw new AppError("not_found", `No server ${slug}.`);
    if (!server.upstreamCredentials) return;
    await tx.serverUpstreamCredential.delete({ where: { serverId: server.id } });
    await recordAuditEvent(tx, ctx, {
      action: "server.upstream_credentials.clear",
      target: { type: "server", id: server.id, name: slug },
      before: toUpstreamCredentialsRecord(server.upstreamCredentials),
      after: toUpstreamCredentialsRecord(null),
    });
  });
}

/**
 * The decrypted headers, for the gateway only. A missing key or a ciphertext that does not open
 * is a configuration error: the caller answers 502 rather than calling upstream without them.
 */
export function openUpstreamHeaders(ciphertext: string): Record<string, string> {
  const key = getKeyOrThrow();
  try {
    return JSON.parse(openSecret(ciphertext, key)) as Record<string, string>;
  } catch {
    throw new AppError(
      "bad_gateway",
      "This server's upstream credentials cannot be decrypted: REGISTRY_SECRETS_KEY changed. Set them again.",
    );
  }
}

function getKeyOrThrow(): Buffer {
  try {
    return requireSecretsKey();
  } catch {
    throw new AppError(
      "bad_gateway",
      "This server has upstream credentials but REGISTRY_SECRETS_KEY is not set, so they cannot be used.",
    );
  }
}
