import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import boundaries from "eslint-plugin-boundaries";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/*
 * `npm run lint`. Besides the usual correctness rules this file enforces the architecture of
 * docs/architecture.md ("Rules lint enforces"); every message says what to do instead.
 * tests/lint/boundaries.test.ts checks that each rule still bites.
 */

const PRODUCT = ["app/**", "components/**", "lib/**", "cli/**", "prisma/**", "bin/**", "scripts/**", "*.ts"];

// --- Credentials: only lib/auth reads the Authorization header or the session cookie -------------

const CREDENTIALS_MESSAGE =
  "Only lib/auth reads credentials (SPEC: one token-validation module). Call lib/auth instead: readAuthRequest (read-auth-request.ts), getPageSession (page-principal.ts), or move the handler into lib/auth.";

const credentialPaths = [
  { name: "next/headers", message: `next/headers reads cookies and headers. ${CREDENTIALS_MESSAGE}` },
];
const credentialPatterns = [
  {
    group: ["@/lib/auth/sessions", "**/lib/auth/sessions", "@/lib/auth/sign-in/cookies", "**/lib/auth/sign-in/cookies"],
    importNames: ["sessionCookieName", "pendingSignInCookieName"],
    message: `Cookie names are lib/auth's business. ${CREDENTIALS_MESSAGE}`,
  },
];

const credentialSyntax = [
  {
    selector:
      "CallExpression[callee.property.name=/^(get|has|getAll)$/] > Literal.arguments[value=/^(authorization|cookie)$/i]",
    message: `Reading the Authorization or Cookie header. ${CREDENTIALS_MESSAGE}`,
  },
  {
    selector: "MemberExpression[property.name=/^(authorization|cookie)$/i]",
    message: `Reading the Authorization or Cookie header. ${CREDENTIALS_MESSAGE}`,
  },
  {
    selector: "MemberExpression[computed=true][property.value=/^(authorization|cookie)$/i]",
    message: `Reading the Authorization or Cookie header. ${CREDENTIALS_MESSAGE}`,
  },
  { selector: "MemberExpression[property.name='cookies']", message: `Reading request cookies. ${CREDENTIALS_MESSAGE}` },
  {
    selector: "Literal[value=/registry_session|registry_auth/]",
    message: `A session cookie name. ${CREDENTIALS_MESSAGE}`,
  },
];

// --- No database below pages: Prisma is reached through lib/ operations ----------------------------

const DB_IN_APP =
  "app/ holds routes only: call a lib/ operation (pages get `db` from requirePageSession) instead of Prisma.";
const DB_IN_COMPONENTS =
  "components/ render; they do not query the database. Put the query in a lib/<domain>/ operation and pass its result in as props.";

const prismaImports = (message) => [{ group: ["@prisma/*", "**/lib/generated/**", "@/lib/generated/**"], message }];

// --- Element types for eslint-plugin-boundaries (first match wins) ----------------------------------

const elements = [
  { type: "auth", pattern: "lib/auth", partialMatch: false },
  { type: "lib", pattern: "lib", partialMatch: false },
  { type: "ui", pattern: "components/ui", partialMatch: false },
  { type: "component", pattern: "components", partialMatch: false },
  { type: "app", pattern: "app", partialMatch: false },
  { type: "scripts", pattern: "scripts", partialMatch: false },
  { type: "tool", pattern: ["cli", "entra-emulator", "prisma", "bin"], partialMatch: false },
  { type: "test", pattern: ["tests", "e2e", "conformance", "bench"], partialMatch: false },
];

// File categories, since these are files, not folders: the Prisma client and its generated code;
// the registry's own access (every permission, the whole catalog); the start-up files that may build it.
const files = [
  { category: "db", pattern: ["lib/db.ts", "lib/db/**", "lib/generated/**"] },
  { category: "system-access", pattern: ["lib/system-context.ts", "lib/access/system-access.ts"] },
  { category: "start-up", pattern: ["lib/system-context.ts", "lib/iam/ensure-built-ins.ts"] },
  { category: "built-ins", pattern: ["lib/iam/ensure-built-ins.ts"] },
  { category: "seed", pattern: ["prisma/**"] },
];

const everyProductType = ["auth", "lib", "ui", "component", "app", "scripts", "tool"];

// --- The registry's own access stays out of request code --------------------------------------------

const SYSTEM_ACCESS_IN_REQUEST_CODE =
  "systemContext / systemAccess hold every permission and the whole catalog: only start-up (scripts/, prisma/seed, lib/iam/ensure-built-ins.ts) and tests may use them. Pass on the caller's context instead (withAuth's ctx, requirePageSession's session); a background job takes its context from the script that starts it (see startHealthChecker in scripts/serve.ts).";

const BUILT_INS_IN_REQUEST_CODE =
  "ensureBuiltIns creates the built-in admin group with the registry's own access: it runs once at start-up (scripts/launch/prepare-database.ts). Only scripts/, prisma/ and tests may import it; request code reads the group like any other.";

const dependencyPolicies = [
  { from: { element: { type: "app" } }, disallow: { to: { file: { categories: "db" } } }, message: DB_IN_APP },
  {
    from: { element: { types: { anyOf: ["component", "ui"] } } },
    disallow: { to: { file: { categories: "db" } } },
    message: DB_IN_COMPONENTS,
  },
  {
    from: { element: { types: { anyOf: ["auth", "lib"] } } },
    disallow: { to: { element: { type: "scripts" } } },
    message:
      "lib/ must not depend on scripts/ (tooling runs lib, not the other way round). Move the shared code into lib/ and let the script import it.",
  },
  {
    from: { element: { types: { anyOf: everyProductType } } },
    disallow: { to: { element: { type: "test" } } },
    message:
      "The product never imports tests/, e2e/, conformance/ or bench/. Move what both need into the product (lib/) and import it from the test.",
  },
  {
    // All of lib/, not only the request pipeline (api, http, auth, gateway, scim): every lib/ operation
    // can be reached from a request, so a lib/ module building the registry's access would hand it out.
    from: { element: { types: { anyOf: ["app", "component", "ui", "auth", "lib"] } } },
    disallow: { to: { file: { categories: "system-access" } } },
    message: SYSTEM_ACCESS_IN_REQUEST_CODE,
  },
  // The exception, after the rule it overrides (the last matching policy decides).
  { from: { file: { categories: "start-up" } }, allow: { to: { file: { categories: "system-access" } } } },
  {
    // Everything below scripts/ that a request or a client can reach; prisma/ (the seed) is start-up too, allowed next.
    from: { element: { types: { anyOf: ["app", "component", "ui", "auth", "lib", "tool"] } } },
    disallow: { to: { file: { categories: "built-ins" } } },
    message: BUILT_INS_IN_REQUEST_CODE,
  },
  { from: { file: { categories: "seed" } }, allow: { to: { file: { categories: "built-ins" } } } },
  {
    from: { element: { type: "ui" } },
    disallow: { to: { element: { types: { anyOf: everyProductType.filter((type) => type !== "ui") } } } },
    message:
      "components/ui/ holds domain-free primitives: import only other primitives and packages. Put domain-aware pieces in components/<domain>/.",
  },
];

export default defineConfig(
  globalIgnores([
    "node_modules/",
    ".next/",
    ".data/",
    ".test-data/",
    "lib/generated/",
    "test-results/",
    "playwright-report/",
    "artifacts/",
    "docs/schemas/",
    "next-env.d.ts",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `const { secret: _secret, ...rest } = row` is how the code drops a field: `_` marks it unused on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Rejecting control characters (return paths, header values) is deliberate input validation.
      "no-control-regex": "off",
    },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Resetting a dialog when it opens, hydration-safe clocks and fetch loading flags set state in effects by design.
      "react-hooks/set-state-in-effect": "off",
    },
  },
  {
    // Server components render once per request: `Date.now()` there is the request's time, not an impurity.
    files: ["app/**/*.tsx"],
    rules: { "react-hooks/purity": "off" },
  },
  {
    // Test doubles and recorders handle arbitrary JSON; `any` there is not a type hole in the product.
    files: ["tests/**", "e2e/**", "conformance/**", "bench/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.{ts,tsx,mts,mjs,cjs,js}"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": elements,
      "boundaries/files": files,
      "boundaries/root-path": import.meta.dirname,
      "import/resolver": { [`${import.meta.dirname}/scripts/lint/alias-resolver.cjs`]: {} },
    },
    rules: {
      // checkInternals: lib/ is one element, and lib/servers → lib/system-context is a dependency inside it.
      "boundaries/dependencies": ["error", { default: "allow", checkInternals: true, policies: dependencyPolicies }],
    },
  },
  {
    files: PRODUCT,
    ignores: ["lib/auth/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: credentialPaths, patterns: credentialPatterns }],
      "no-restricted-syntax": ["error", ...credentialSyntax],
    },
  },
  {
    // A file gets one no-restricted-imports option set, so these zones repeat the credential entries.
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: credentialPaths, patterns: [...credentialPatterns, ...prismaImports(DB_IN_APP)] },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: credentialPaths, patterns: [...credentialPatterns, ...prismaImports(DB_IN_COMPONENTS)] },
      ],
    },
  },
);
