import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";

const copies = mkdtempSync(join(process.cwd(), ".test-data", "module-copy-"));
after(() => rmSync(copies, { recursive: true, force: true }));

/**
 * In production one process loads lib/ twice: once in Next's bundles, once in the API
 * application. A second copy of a module (one without imports) is made here by loading the same
 * source from another file.
 */
async function secondCopy<T>(relativePath: string): Promise<T> {
  const file = join(copies, relativePath.replaceAll("/", "-"));
  copyFileSync(join(process.cwd(), relativePath), file);
  return (await import(file)) as T;
}

test("an AppError from another copy of lib/errors is recognised by this copy, with its status", async () => {
  type Errors = typeof import("@/lib/errors");
  const mine = await import("@/lib/errors");
  const theirs = await secondCopy<Errors>("lib/errors.ts");
  assert.notEqual(mine.AppError, theirs.AppError, "the two copies are distinct modules");
  const foreign = new theirs.AppError("invalid_token", "The access token is invalid.", { reason: "expired" });
  assert.equal(foreign instanceof mine.AppError, false);
  assert.equal(mine.isAppError(foreign), true);

  const { errorResponse } = await import("@/lib/http/error-response");
  const response = errorResponse(foreign, "req-1");
  assert.equal(response.status, 401);
  assert.match(response.headers.get("www-authenticate") ?? "", /error="invalid_token"/);
});

test("look-alikes are not AppErrors: a plain object with a code, or a branded object with an unknown code", async () => {
  const { isAppError } = await import("@/lib/errors");
  assert.equal(isAppError({ code: "forbidden", status: 403, message: "x" }), false);
  assert.equal(
    isAppError(Object.assign(new Error("x"), { [Symbol.for("mcp-registry.AppError")]: true, code: "teapot" })),
    false,
  );
  assert.equal(isAppError(null), false);
});
