import { parseConfig } from "@/lib/config";
import { disconnectDb, getDb, dbReady } from "@/lib/db";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { isEmpty, seedDemo } from "@/prisma/seed/seed-demo";
import { migrateDeploy } from "./migrate";

/** Migrates, ensures the built-ins and bootstrap accounts, and seeds the demo data when asked and empty. */
export async function prepareDatabase(
  env: NodeJS.ProcessEnv,
  options: { seedDemo: boolean },
): Promise<{ seeded: boolean }> {
  await migrateDeploy(env);
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const config = parseConfig(env);
    const db = getDb();
    await dbReady();
    const ctx = { principal: null, requestId: "startup", system: true };
    await ensureBuiltIns(db, config, ctx);
    const seeded = options.seedDemo && (await isEmpty(db));
    if (seeded) await seedDemo(db, ctx);
    return { seeded };
  } finally {
    await disconnectDb();
    process.env = saved;
  }
}
