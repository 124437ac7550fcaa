import type { Db } from "@/lib/db";
import { openUpstreamHeaders } from "@/lib/servers/upstream-credentials/upstream-credentials";
import { SLUG_PATTERN } from "@/lib/validation/common";

export interface GatewayTarget {
  slug: string;
  url: string;
  transport: string;
  enabled: boolean;
  /** Decrypted upstream credential headers (empty when the server has none). */
  credentials: Record<string, string>;
}

const MAX_ENTRIES = 1_000;
const targets = new Map<string, GatewayTarget | null>();

/**
 * The server a gateway request names, with its upstream credentials opened. Every change to a
 * server or its credentials is audited and so moves the IAM generation: an answer is reused only
 * for the generation it was read at, which every instance reads on every request, so an edit is
 * seen on the next call everywhere (and a decrypted secret outlives no change).
 */
export async function findGatewayTarget(db: Db, slug: string, generation: number): Promise<GatewayTarget | null> {
  if (!SLUG_PATTERN.test(slug)) return null;
  const key = `${generation}|${slug}`;
  if (generation >= 0 && targets.has(key)) return targets.get(key)!;
  const server = await db.server.findUnique({ where: { slug }, include: { upstreamCredentials: true } });
  const target = server
    ? {
        slug: server.slug,
        url: server.url,
        transport: server.transport,
        enabled: server.enabled,
        credentials: server.upstreamCredentials ? openUpstreamHeaders(server.upstreamCredentials.ciphertext) : {},
      }
    : null;
  if (generation >= 0) {
    // Older generations can never be asked for again.
    for (const old of targets.keys()) if (!old.startsWith(`${generation}|`)) targets.delete(old);
    if (targets.size >= MAX_ENTRIES) targets.clear();
    targets.set(key, target);
  }
  return target;
}
