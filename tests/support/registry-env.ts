import { disconnectDb } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "./test-database";

export const TEST_TENANT = "77ac5383-74a0-4b68-ae2c-83504351a44e";
export const TEST_API_CLIENT = "81382876-ac08-4e70-a240-ad7c89ed8dfe";

/**
 * Points this test process's configuration and lib/db at a fresh database. Configuration is
 * parsed lazily from process.env, so set it before the first getConfig()/getDb().
 */
export async function useTestRegistry(
  extraEnv: Record<string, string> = {},
): Promise<TestDatabase & { close(): Promise<void> }> {
  const database = await createTestDatabase();
  Object.assign(process.env, {
    ENTRA_TENANT_IDS: TEST_TENANT,
    ENTRA_CLIENT_ID: TEST_API_CLIENT,
    ENTRA_AUTHORITY_HOST: "http://127.0.0.1:9",
    REGISTRY_URL: "http://localhost:3999",
    ...database.env,
    ...extraEnv,
  });
  return {
    ...database,
    close: async () => {
      await disconnectDb();
      await database.drop();
    },
  };
}
