import { rm } from "node:fs/promises";
import { relative, resolve } from "node:path";

/** Removes this run's registry data directory (.test-data/e2e-<random>, see playwright.config.ts). */
export default async function globalTeardown(): Promise<void> {
  const dataDir = process.env.E2E_DATA_DIR;
  // Only ever a directory under .test-data: never follow a stray value elsewhere.
  if (!dataDir || relative(resolve(".test-data"), dataDir).startsWith("..")) return;
  if (process.env.E2E_KEEP_DATA === "1") return;
  await rm(dataDir, { recursive: true, force: true });
}
