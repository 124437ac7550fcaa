import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

/**
 * docs/spec.md is the product contract, and code comments cite it by section ("SPEC §2.3",
 * "SPEC §3, §5.1"). These checks keep the two in step: the page keeps its numbering, every
 * citation names a section that exists, and nothing points at a contract outside the repository.
 */
const ROOT = process.cwd();
const SPEC_PAGE = "docs/spec.md";

/** The numbering code comments rely on, in page order, with the names the sections go by. */
const REQUIRED_SECTIONS: ReadonlyArray<readonly [section: string, name: string]> = [
  ["1", "What the product is"],
  ["2", "Identities and credentials"],
  ["2.1", "Sessions"],
  ["2.2", "Registry API tokens"],
  ["2.3", "Entra ID access tokens"],
  ["2.4", "Bootstrap"],
  ["3", "Authorization"],
  ["4", "Catalog"],
  ["5", "HTTP API"],
  ["5.1", "MCP gateway"],
  ["6", "Errors"],
  ["7", "Web app"],
  ["8", "Entra ID emulator"],
  ["9", "Running and configuration"],
  ["10", "Quality bars"],
];

const CITING_DIRS = ["lib", "app", "components", "scripts", "entra-emulator", "tests", "e2e"];
const CITING_EXTENSIONS = [".ts", ".tsx", ".mjs"];
/** Never part of the repository's own text: dependencies, VCS data, build output, generated code, runtime data. */
const NOT_REPO = new Set([
  "node_modules",
  ".git",
  ".next",
  "lib/generated",
  ".data",
  ".test-data",
  "test-results",
  "playwright-report",
  "artifacts",
]);

/** "SPEC §2.3", "SPEC §3, §5.1", "SPEC §2.1 and §2.2", and the older "SPEC 2.1". */
const CITATION = /\bSPEC\s+(§\s*\d+(?:\.\d+)*(?:\s*(?:,|;|\/|&|and|or)\s*§\s*\d+(?:\.\d+)*)*|\d+(?:\.\d+)+)/g;

// Spelled in two pieces so that this file does not match itself.
const OUTSIDE_CONTRACT = ["..", "shared"].join("/");

function walk(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (NOT_REPO.has(path)) return [];
    if (entry.isDirectory()) return walk(path, keep);
    return entry.isFile() && keep(path) ? [path] : [];
  });
}

function specHeadings(): Map<string, string> {
  const headings = new Map<string, string>();
  for (const line of readFileSync(join(ROOT, SPEC_PAGE), "utf8").split("\n")) {
    const match = /^#{2,6}\s+§(\d+(?:\.\d+)*)\s+(.+?)\s*$/.exec(line);
    if (!match) continue;
    assert.ok(!headings.has(match[1]!), `${SPEC_PAGE} has two headings for §${match[1]}`);
    headings.set(match[1]!, match[2]!);
  }
  return headings;
}

describe("docs/spec.md, the product contract", () => {
  test("keeps every numbered section, in order, under its name", () => {
    const headings = specHeadings();
    for (const [section, name] of REQUIRED_SECTIONS) {
      const title = headings.get(section);
      assert.ok(title !== undefined, `${SPEC_PAGE} has no heading "§${section} ${name}"`);
      assert.ok(
        title.startsWith(name),
        `${SPEC_PAGE} §${section} is titled "${title}", expected it to start with "${name}"`,
      );
    }
    const required = REQUIRED_SECTIONS.map(([section]) => section);
    const order = [...headings.keys()].filter((section) => required.includes(section));
    assert.deepEqual(order, required, `${SPEC_PAGE}: sections out of order`);
  });

  test('every "SPEC §n" cited in the code names a section of the page', () => {
    const headings = specHeadings();
    const files = CITING_DIRS.flatMap((dir) =>
      walk(dir, (path) => CITING_EXTENSIONS.some((extension) => path.endsWith(extension))),
    );
    assert.ok(
      files.length > 50,
      `expected the source tree under ${CITING_DIRS.join(", ")}, found ${files.length} files`,
    );
    const dangling: string[] = [];
    let citations = 0;
    for (const file of files) {
      const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
      lines.forEach((line, index) => {
        for (const match of line.matchAll(CITATION)) {
          for (const section of match[1]!.match(/\d+(?:\.\d+)*/g) ?? []) {
            citations += 1;
            if (!headings.has(section))
              dangling.push(`${file}:${index + 1}: "${match[0]}" names §${section}, which ${SPEC_PAGE} does not have`);
          }
        }
      });
    }
    assert.ok(citations > 10, `found only ${citations} SPEC citations: is the pattern still right?`);
    assert.deepEqual(dangling, [], `citations of sections that do not exist:\n${dangling.join("\n")}`);
  });

  test("nothing in the repository points at a contract outside it", () => {
    const offenders = walk("", () => true).filter((path) => readFileSync(join(ROOT, path)).includes(OUTSIDE_CONTRACT));
    assert.deepEqual(offenders, [], `these files mention ${OUTSIDE_CONTRACT}; link ${SPEC_PAGE} instead`);
  });
});
