import { readDbGeneration, type Db, type Tx } from "@/lib/db";

/**
 * A counter bumped in the same transaction as every audited change (IAM, catalog, tokens,
 * sign-ins) and every sign-out. Reading it is one primary-key lookup; an instance may reuse a
 * principal it resolved earlier only while the counter has not moved.
 */
export async function readIamGeneration(db: Db): Promise<number> {
  const direct = readDbGeneration(db);
  if (direct) return direct;
  const rows = await db.$queryRaw<
    { iamGeneration: number | bigint }[]
  >`SELECT "iamGeneration" FROM "RegistryState" WHERE "id" = 1`;
  const value = rows[0]?.iamGeneration;
  // Fail closed: without the row nothing may be reused (-1 never matches a cached generation).
  return value === undefined ? -1 : Number(value);
}

export async function bumpIamGeneration(tx: Pick<Tx, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`UPDATE "RegistryState" SET "iamGeneration" = "iamGeneration" + 1 WHERE "id" = 1`;
}
