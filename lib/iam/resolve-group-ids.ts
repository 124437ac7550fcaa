import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Group names → ids; unknown names are a 422 naming them. */
export async function resolveGroupIds(tx: Tx, names: string[]): Promise<string[]> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return [];
  const groups = await tx.group.findMany({ where: { name: { in: unique } }, select: { id: true, name: true } });
  const missing = unique.filter((name) => !groups.some((group) => group.name === name));
  if (missing.length > 0) {
    throw new AppError("validation_failed", `Unknown groups: ${missing.join(", ")}.`, {
      fields: [{ path: "groups", message: `no such group: ${missing.join(", ")}` }],
    });
  }
  return groups.map((group) => group.id);
}
