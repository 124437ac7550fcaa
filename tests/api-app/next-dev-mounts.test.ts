import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { MACHINE_PATH_PREFIXES } from "@/lib/api/machine-paths";

const OPTIONAL_CATCH_ALL = /^\[\[\.\.\.\w+\]\]$/;
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"];

/**
 * Under `next dev` there is no scripts/serve.ts: a machine path without a mount would get Next's
 * HTML 404 there while production answers it. Each prefix needs an optional catch-all (so the
 * bare prefix, e.g. `/mcp`, is the API's answer too) whose route file re-exports the one mount.
 */
test("every machine path prefix is mounted under next dev by one optional catch-all re-exporting the mount", () => {
  for (const prefix of MACHINE_PATH_PREFIXES) {
    const folder = join("app", prefix.replace(/\/$/, ""));
    const catchAlls = readdirSync(folder).filter((name) => OPTIONAL_CATCH_ALL.test(name));
    const [catchAll, ...others] = catchAlls;
    assert.ok(catchAll !== undefined && others.length === 0, `${folder} has one optional catch-all folder`);
    const source = readFileSync(join(folder, catchAll, "route.ts"), "utf8");
    assert.match(
      source,
      new RegExp(`^export \\{ ${METHODS.join(", ")} \\} from "@/lib/api/next-dev-mount";$`, "m"),
      `${folder}: re-exports every method from the mount`,
    );
    const code = source.replace(/\/\*\*[\s\S]*?\*\//g, "").trim();
    assert.equal(code.split("\n").length, 1, `${folder}: the route file holds nothing but the re-export`);
  }
});

test("the mount exports a handler for every method the route files re-export", async () => {
  const mount: Record<string, unknown> = await import("@/lib/api/next-dev-mount");
  for (const method of METHODS) assert.equal(typeof mount[method], "function", method);
});
