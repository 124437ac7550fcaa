import { auditedChange } from "@/lib/audit/audited-change";
import type { OperationContext } from "@/lib/context";
import { requireWritableServer } from "@/lib/servers/require-writable-server";
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

/** Catalog managers only (a visible server without servers:write is 403; an invisible one 404). */
export async function getUpstreamCredentials(
  ctx: OperationContext,
  input: { slug: string },
): Promise<UpstreamCredentialsRecord> {
  const server = await requireWritableServer(ctx.db, ctx, input.slug);
  const row = await ctx.db.serverUpstreamCredential.findUnique({ where: { serverId: server.id } });
  return toUpstreamCredentialsRecord(row);
}

/** Replaces the server's upstream headers. The audit log records header names, never values. */
export async function setUpstreamCredentials(
  ctx: OperationContext,
  { slug, ...input }: SetUpstreamCredentialsInput & { slug: string },
): Promise<UpstreamCredentialsRecord> {
  // Who may write this server comes first: a caller who may not (or cannot see it) gets 404/403,
  // never a 409 that tells them how the registry is configured.
  await requireWritableServer(ctx.db, ctx, slug);
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
  return auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const server = await requireWritableServer(tx, ctx, slug);
    const before = toUpstreamCredentialsRecord(
      await tx.serverUpstreamCredential.findUnique({ where: { serverId: server.id } }),
    );
    const data = { headerNames, ciphertext, updatedBy: ctx.principal?.displayName ?? "system" };
    const row = await tx.serverUpstreamCredential.upsert({
      where: { serverId: server.id },
      create: { serverId: server.id, ...data },
      update: data,
    });
    const after = toUpstreamCredentialsRecord(row);
    record({
      action: "server.upstream_credentials.set",
      target: { type: "server", id: server.id, name: slug },
      before,
      after,
    });
    return after;
  });
}

export async function clearUpstreamCredentials(ctx: OperationContext, { slug }: { slug: string }): Promise<void> {
  await auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const server = await requireWritableServer(tx, ctx, slug);
    const current = await tx.serverUpstreamCredential.findUnique({ where: { serverId: server.id } });
    if (!current) return;
    await tx.serverUpstreamCredential.delete({ where: { serverId: server.id } });
    record({
      action: "server.upstream_credentials.clear",
      target: { type: "server", id: server.id, name: slug },
      before: toUpstreamCredentialsRecord(current),
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
