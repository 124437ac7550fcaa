import assert from "node:assert/strict";
import { test } from "node:test";
import { isAppError } from "@/lib/errors";
import { readCookie } from "@/lib/auth/read-auth-request";
import { cursorParam, decodeCursor, encodeCursor } from "@/lib/validation/common";

test("readCookie never throws: broken percent-encoding is kept verbatim (an unknown session, not a 500)", () => {
  assert.equal(readCookie("registry_session=%E0%A4%A", "registry_session"), "%E0%A4%A");
  assert.equal(readCookie("a=1; registry_session=abc%2Fdef", "registry_session"), "abc/def");
  assert.equal(readCookie('registry_session="quoted"', "registry_session"), "quoted");
  assert.equal(readCookie("theme=%ZZ; other=1", "registry_session"), undefined);
  assert.equal(readCookie(null, "registry_session"), undefined);
});

test("cursors: only what encodeCursor issued, in the list's key shape, is accepted", () => {
  const issued = encodeCursor(["2030-01-01T00:00:00.000Z", "id-1"]);
  assert.deepEqual(decodeCursor(issued, ["time", "text"]), ["2030-01-01T00:00:00.000Z", "id-1"]);
  assert.equal(decodeCursor(undefined, ["text"]), undefined);
  const longest = encodeCursor(["\u8a9e".repeat(200), "0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b"]);
  assert.equal(cursorParam().safeParse(longest).success, true, "the longest display name we accept still pages");
  assert.equal(cursorParam().safeParse(issued).success, true);
  assert.equal(cursorParam().safeParse("").success, true, "empty: the first page");
  assert.equal(
    cursorParam(["time", "text"]).safeParse(encodeCursor(["slug"])).success,
    false,
    "a list with its own shape checks it at parse time",
  );
  for (const bad of [
    "\u0000garbage\uFFFD",
    "bm90LWpzb24",
    encodeCursor([]),
    Buffer.from("[1]").toString("base64url"),
    encodeCursor(["a", "b", "c", "d"]),
  ]) {
    assert.equal(cursorParam().safeParse(bad).success, false, bad);
    assert.throws(
      () => decodeCursor(bad, ["text"]),
      (error) => isAppError(error) && error.code === "validation_failed" && error.fields?.[0]?.path === "cursor",
    );
  }
  assert.throws(
    () => decodeCursor(encodeCursor(["not a time", "id"]), ["time", "text"]),
    (error) => isAppError(error) && error.code === "validation_failed",
  );
  assert.throws(
    () => decodeCursor(encodeCursor(["slug"]), ["text", "text"]),
    (error) => isAppError(error) && error.code === "validation_failed",
  );
});
