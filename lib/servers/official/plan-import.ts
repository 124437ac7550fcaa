import { canSeeServer, type EffectiveAccess } from "@/lib/access/effective-access";
import type { Principal } from "@/lib/auth/principal";
import type { Tx } from "@/lib/db";
import { mapServerJson, type FieldError, type MappedServer } from "./map-server-json";
import { registryNameOf } from "./registry-name";
import type { RegistryMetadata } from "./server-json";

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export type ImportResult =
  | { index: number; name: string | null; slug: string; action: "create"; server: MappedServer }
  | {
      index: number;
      name: string | null;
      slug: string;
      action: "update" | "unchanged";
      changes: FieldChange[];
      server: MappedServer;
      id: string;
    }
  | { index: number; name: string | null; slug: string | null; action: "error"; errors: FieldError[] };

type ExistingRow = Awaited<ReturnType<typeof loadRows>>[number];

function loadRows(tx: Pick<Tx, "server">, names: string[], slugs: string[]) {
  return tx.server.findMany({
    where: { OR: [{ registryName: { in: names } }, { slug: { in: slugs } }] },
    select: {
      id: true,
      slug: true,
      registryName: true,
      registryMetadata: true,
      name: true,
      description: true,
      url: true,
      transport: true,
      version: true,
      enabled: true,
    },
  });
}

const COMPARED = ["name", "description", "url", "transport", "version"] as const;

function diff(row: ExistingRow, mapped: MappedServer): FieldChange[] {
  const changes: FieldChange[] = COMPARED.filter((field) => row[field] !== mapped.server[field]).map((field) => ({
    field,
    before: row[field],
    after: mapped.server[field],
  }));
  if (row.registryName !== mapped.registryName)
    changes.push({ field: "registryName", before: row.registryName, after: mapped.registryName });
  for (const field of ["websiteUrl", "repository"] as const) {
    const before = (row.registryMetadata as RegistryMetadata | null)?.[field] ?? null;
    const after = mapped.registryMetadata[field] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ field, before, after });
  }
  return changes;
}

const nameOf = (document: unknown) =>
  document && typeof document === "object" && typeof (document as { name?: unknown }).name === "string"
    ? (document as { name: string }).name
    : null;

/**
 * What importing each document would do: create, update (with field changes), unchanged, or an
 * error naming what to fix. Nothing is written here; importServers applies a plan without errors.
 */
export async function planImport(
  tx: Pick<Tx, "server">,
  principal: Principal,
  access: EffectiveAccess,
  documents: unknown[],
  registryUrl: string,
): Promise<ImportResult[]> {
  const mapped = documents.map(mapServerJson);
  const ok = mapped.filter((m): m is MappedServer => !("errors" in m));
  const rows = await loadRows(
    tx,
    ok.map((m) => m.registryName),
    ok.map((m) => m.server.slug),
  );
  const byName = new Map(rows.filter((row) => row.registryName).map((row) => [row.registryName!, row]));
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  const claimed = new Map<string, number>();

  return mapped.map((m, index): ImportResult => {
    const name = nameOf(documents[index]);
    if ("errors" in m) return { index, name, slug: null, action: "error", errors: m.errors };
    const slug = m.server.slug;
    const fail = (message: string, path = "name"): ImportResult => ({
      index,
      name,
      slug,
      action: "error",
      errors: [{ path, message }],
    });
    const earlier = claimed.get(slug);
    if (earlier !== undefined)
      return fail(`gives the slug ${slug}, like document ${earlier + 1} of this import; rename one of them`);
    claimed.set(slug, index);
    // A server.json names its server; so does a derived name (REGISTRY_URL host + slug) for one never imported.
    const slugOwner = bySlug.get(slug);
    const existing =
      byName.get(m.registryName) ??
      (slugOwner && registryNameOf(slugOwner, registryUrl) === m.registryName ? slugOwner : undefined);
    if (
      principal.kind === "token" &&
      principal.servers !== null &&
      !principal.servers.includes(existing?.slug ?? slug)
    ) {
      return fail(`this token is restricted to other servers and cannot change ${existing?.slug ?? slug}`);
    }
    if (existing) {
      if (!canSeeServer(access, existing.slug, existing.enabled))
        return fail(`the slug ${slug} is taken; give this server another name`);
      if (existing.slug !== slug)
        return fail(`${m.registryName} is server ${existing.slug}, whose slug an import cannot change`);
      const changes = diff(existing, m);
      return {
        index,
        name,
        slug,
        action: changes.length > 0 ? "update" : "unchanged",
        changes,
        server: m,
        id: existing.id,
      };
    }
    if (slugOwner)
      return fail(
        `gives the slug ${slug}, already used by server ${registryNameOf(slugOwner, registryUrl)}; give this server another name`,
      );
    return { index, name, slug, action: "create", server: m };
  });
}
