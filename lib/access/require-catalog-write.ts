import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findVisibleServer } from "@/lib/servers/find-servers";
import { hasPermission, type EffectiveAccess } from "./effective-access";

/** Visibility before permission (SPEC §3): invisible → 404; visible without servers:write → 403. */
export async function requireCatalogWrite(db: Db, access: EffectiveAccess, slug: string): Promise<void> {
  const server = await findVisibleServer(db, access, slug);
  if (!server) throw new AppError("not_found", `No server ${slug}.`);
  if (!hasPermission(access, "servers:write")) {
    throw new AppError("forbidden", "Changing the catalog needs the servers:write permission.", {
      reason: "missing servers:write",
    });
  }
}
