import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { openUpstreamHeaders } from "@/lib/servers/upstream-credentials/upstream-credentials";
import type { ProbeTarget } from "./probe-upstream";

export interface StoredProbeTarget extends ProbeTarget {
  id: string;
  slug: string;
}

/** The server's upstream with its credentials opened (as the gateway opens them). */
export async function getProbeTarget(db: Db, slug: string): Promise<StoredProbeTarget> {
  const server = await db.server.findUnique({ where: { slug }, include: { upstreamCredentials: true } });
  if (!server) throw new AppError("not_found", `No server ${slug}.`);
  return {
    id: server.id,
    slug: server.slug,
    url: server.url,
    transport: server.transport,
    headers: server.upstreamCredentials ? openUpstreamHeaders(server.upstreamCredentials.ciphertext) : {},
  };
}
