import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { ESLint } from "eslint";

/**
 * The architecture rules in eslint.config.mjs must bite: each snippet is linted as if it lived at
 * `file` (the file need not exist; what it imports does), with the project's own configuration.
 */
const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, "eslint.config.mjs") });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((message) => `${message.ruleId ?? "fatal"}: ${message.message}`);
}

async function assertReported(file: string, code: string, rule: string, messagePart: string) {
  const found = await ruleIds(file, code);
  assert.ok(
    found.some((line) => line.startsWith(`${rule}: `) && line.includes(messagePart)),
    `${file}: expected ${rule} ("${messagePart}"), got ${JSON.stringify(found)}`,
  );
}

async function assertClean(file: string, code: string) {
  assert.deepEqual(await ruleIds(file, code), [], `${file} should pass`);
}

describe("only lib/auth reads credentials", () => {
  test("the Authorization header, in any spelling, outside lib/auth", async () => {
    await assertReported(
      "lib/servers/probe.ts",
      'export const token = (r: Request) => r.headers.get("Authorization");\n',
      "no-restricted-syntax",
      "Only lib/auth reads credentials",
    );
    await assertReported(
      "lib/http/probe.ts",
      "export const token = (r: { headers: Record<string, string> }) => r.headers.authorization;\n",
      "no-restricted-syntax",
      "Only lib/auth reads credentials",
    );
    await assertReported(
      "cli/probe.ts",
      'export const raw = (r: Request) => r.headers.get("cookie");\n',
      "no-restricted-syntax",
      "Only lib/auth reads credentials",
    );
  });

  test("request cookies, next/headers, the session cookie name and its literal", async () => {
    await assertReported(
      "app/auth/probe/route.ts",
      'import type { NextRequest } from "next/server";\nexport const id = (r: NextRequest) => r.cookies.get("x")?.value;\n',
      "no-restricted-syntax",
      "Reading request cookies",
    );
    await assertReported(
      "components/layout/probe.ts",
      'import { cookies } from "next/headers";\nexport const jar = cookies;\n',
      "no-restricted-imports",
      "lib/auth",
    );
    await assertReported(
      "app/auth/probe/route.ts",
      'import { sessionCookieName } from "@/lib/auth/sessions";\nexport const name = sessionCookieName(true);\n',
      "no-restricted-imports",
      "Cookie names are lib/auth's business",
    );
    await assertReported(
      "lib/gateway/probe.ts",
      'export const name = "__Host-registry_session";\n',
      "no-restricted-syntax",
      "A session cookie name",
    );
  });

  test("lib/auth itself may read them; other headers are anyone's", async () => {
    await assertClean(
      "lib/auth/probe.ts",
      'import { cookies } from "next/headers";\nexport const read = (r: Request) => [r.headers.get("authorization"), cookies];\n',
    );
    await assertClean("lib/http/probe.ts", 'export const type = (r: Request) => r.headers.get("content-type");\n');
  });
});

describe("no database below pages", () => {
  test("app/ must not import the Prisma client, lib/db or the generated client", async () => {
    await assertReported(
      "app/(app)/probe/page.tsx",
      'import { getDb } from "@/lib/db";\nexport const db = getDb;\n',
      "boundaries/dependencies",
      "app/ holds routes only",
    );
    await assertReported(
      "app/(app)/probe/page.tsx",
      'import { createClient } from "../../../lib/db/create-client";\nexport const make = createClient;\n',
      "boundaries/dependencies",
      "app/ holds routes only",
    );
    await assertReported(
      "app/api/probe/route.ts",
      'import { PrismaClient } from "@prisma/client";\nexport const Client = PrismaClient;\n',
      "no-restricted-imports",
      "app/ holds routes only",
    );
  });

  test("components/ must not query the database, not even for a type", async () => {
    await assertReported(
      "components/servers/probe.ts",
      'import type { Db } from "../../lib/db";\nexport type Handle = Db;\n',
      "boundaries/dependencies",
      "they do not query the database",
    );
    await assertReported(
      "components/users/probe.ts",
      'import type { User } from "@/lib/generated/sqlite/client";\nexport type Row = User;\n',
      "no-restricted-imports",
      "they do not query the database",
    );
  });

  test("pages and components call lib/ operations", async () => {
    await assertClean(
      "app/(app)/probe/page.tsx",
      'import { getServer } from "@/lib/servers/get-server";\nexport const find = getServer;\n',
    );
    await assertClean(
      "components/servers/probe.ts",
      'import { hasPermission } from "@/lib/access/effective-access";\nexport const can = hasPermission;\n',
    );
  });
});

describe("dependency direction", () => {
  test("lib/ never imports scripts/", async () => {
    await assertReported(
      "lib/servers/probe.ts",
      'import { providerOfUrl } from "../../scripts/prisma-schema-engine/database-url.mjs";\nexport const provider = providerOfUrl;\n',
      "boundaries/dependencies",
      "lib/ must not depend on scripts/",
    );
    await assertClean(
      "scripts/probe.ts",
      'import { getConfig } from "@/lib/config";\nexport const config = getConfig;\n',
    );
  });

  test("the product never imports tests/, e2e/, conformance/ or bench/", async () => {
    await assertReported(
      "lib/iam/probe.ts",
      'import { useTestRegistry } from "@/tests/support/registry-env";\nexport const use = useTestRegistry;\n',
      "boundaries/dependencies",
      "The product never imports tests/",
    );
    await assertReported(
      "components/users/probe.ts",
      'import { freePortSync } from "@/e2e/support/free-port";\nexport const port = freePortSync;\n',
      "boundaries/dependencies",
      "The product never imports tests/",
    );
    await assertClean(
      "tests/probe.ts",
      'import { getConfig } from "@/lib/config";\nexport const config = getConfig;\n',
    );
  });

  test("components/ui/ imports only primitives", async () => {
    await assertReported(
      "components/ui/probe.tsx",
      'import { EnabledBadge } from "@/components/servers/health-badge";\nexport const B = EnabledBadge;\n',
      "boundaries/dependencies",
      "components/ui/ holds domain-free primitives",
    );
    await assertReported(
      "components/ui/probe.ts",
      'import { getConfig } from "@/lib/config";\nexport const config = getConfig;\n',
      "boundaries/dependencies",
      "components/ui/ holds domain-free primitives",
    );
    await assertClean("components/ui/probe.ts", 'import { cn } from "./cn";\nexport const join = cn;\n');
  });
});

describe("the registry's own access stays out of request code", () => {
  test("app/, components/ and lib/ (the request pipeline and every operation) may not build it", async () => {
    const cases: [string, string][] = [
      [
        "app/(app)/probe/page.tsx",
        'import { systemContext } from "@/lib/system-context";\nexport const c = systemContext;\n',
      ],
      [
        "components/servers/probe.ts",
        'import { systemAccess } from "@/lib/access/system-access";\nexport const a = systemAccess;\n',
      ],
      [
        "lib/api/routes/probe.ts",
        'import { systemContext } from "@/lib/system-context";\nexport const c = systemContext;\n',
      ],
      [
        "lib/http/probe.ts",
        'import { systemAccess } from "../access/system-access";\nexport const a = systemAccess;\n',
      ],
      ["lib/auth/probe.ts", 'import { systemContext } from "../system-context";\nexport const c = systemContext;\n'],
      [
        "lib/servers/discovery/probe.ts",
        'import { systemContext } from "../../system-context";\nexport const c = systemContext;\n',
      ],
    ];
    for (const [file, code] of cases)
      await assertReported(file, code, "boundaries/dependencies", "systemContext / systemAccess hold every permission");
  });

  test("start-up code and tests may", async () => {
    const code = 'import { systemContext } from "@/lib/system-context";\nexport const c = systemContext;\n';
    await assertClean("lib/iam/ensure-built-ins.ts", code);
    await assertClean("scripts/probe.ts", code);
    await assertClean("prisma/seed/probe.ts", code);
    await assertClean("tests/probe.ts", code);
    await assertClean(
      "lib/system-context.ts",
      'import { systemAccess } from "@/lib/access/system-access";\nexport const a = systemAccess;\n',
    );
  });
});

describe("only start-up code and tests run ensureBuiltIns", () => {
  const code = 'import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";\nexport const e = ensureBuiltIns;\n';

  test("request code, components and tools may not", async () => {
    for (const file of [
      "app/api/probe/route.ts",
      "components/groups/probe.ts",
      "lib/iam/groups/probe.ts",
      "lib/auth/probe.ts",
      "lib/http/probe.ts",
      "cli/probe.ts",
    ])
      await assertReported(file, code, "boundaries/dependencies", "ensureBuiltIns creates the built-in admin group");
    await assertReported(
      "lib/api/routes/probe.ts",
      'import { ensureBuiltIns } from "../../iam/ensure-built-ins";\nexport const e = ensureBuiltIns;\n',
      "boundaries/dependencies",
      "ensureBuiltIns creates the built-in admin group",
    );
  });

  test("scripts/, prisma/ and tests may", async () => {
    for (const file of ["scripts/launch/probe.ts", "prisma/seed/probe.ts", "tests/probe.ts", "bench/probe.ts"])
      await assertClean(file, code);
  });
});
