import { entraVerifier } from "@/lib/auth/entra-verifier";
import { dbReady, getDb } from "@/lib/db";

/** Public: 200 while the database answers, 503 when not; key-cache state per tenant, no secrets. */
export async function GET(): Promise<Response> {
  let database = "up";
  try {
    await dbReady();
    await getDb().$queryRawUnsafe("SELECT 1");
  } catch {
    database = "down";
  }
  const keys = entraVerifier().keys.state();
  return new Response(JSON.stringify({ status: database === "up" ? "ok" : "degraded", database, entraKeys: keys }), {
    status: database === "up" ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
