import { ScimError } from "./scim-error";

/** One `attribute eq "value"` clause; `members[value eq "x"]` becomes { attribute: "members", value: "x" }. */
export interface FilterClause {
  attribute: string;
  value: string;
}

const CLAUSE =
  /^\s*([A-Za-z][\w.]*)(?:\[\s*value\s+eq\s+"((?:[^"\\]|\\.)*)"\s*\])?(?:\s+eq\s+(?:"((?:[^"\\]|\\.)*)"|(true|false)))?\s*$/i;

function invalidFilter(filter: string, supported: readonly string[]): ScimError {
  return new ScimError(
    400,
    `Unsupported filter ${JSON.stringify(filter)}: use \`attribute eq "value"\` clauses joined by \`and\`, on ${supported.join(", ")}.`,
    "invalidFilter",
  );
}

/**
 * The filters Entra's provisioning service sends (RFC 7644 §3.4.2.2, the `eq` and `and` subset):
 * `userName eq "…"`, `externalId eq "…"`, `displayName eq "…"`, `id eq "…" and members[value eq "…"]`.
 * Anything else is 400 invalidFilter rather than a silently wider answer.
 */
export function parseFilter(filter: string | null, supported: readonly string[]): FilterClause[] {
  if (filter === null || filter.trim() === "") return [];
  const clauses: FilterClause[] = [];
  for (const part of filter.split(/\s+and\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/i)) {
    const match = CLAUSE.exec(part);
    if (!match) throw invalidFilter(filter, supported);
    const [, rawAttribute, memberValue, quoted, bool] = match;
    const attribute = supported.find((name) => name.toLowerCase() === rawAttribute!.toLowerCase());
    if (!attribute) throw invalidFilter(filter, supported);
    const value = memberValue ?? quoted ?? bool;
    // `members[value eq "x"]` carries its value inside the brackets and nothing after them.
    if (
      value === undefined ||
      (memberValue !== undefined && (quoted !== undefined || bool !== undefined)) ||
      (attribute === "members") !== (memberValue !== undefined)
    ) {
      throw invalidFilter(filter, supported);
    }
    clauses.push({ attribute, value: value.replace(/\\(.)/g, "$1") });
  }
  return clauses;
}

/** startIndex is 1-based (RFC 7644 §3.4.2.4); values below 1 mean 1, count is capped. */
export function parsePaging(query: URLSearchParams, maxCount = 200): { startIndex: number; count: number } {
  const number = (name: string, fallback: number) => {
    const raw = query.get(name);
    if (raw === null || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value)) throw new ScimError(400, `${name} must be an integer.`, "invalidValue");
    return value;
  };
  return {
    startIndex: Math.max(1, number("startIndex", 1)),
    count: Math.min(maxCount, Math.max(0, number("count", 100))),
  };
}
