import { jsonErrorOffset } from "./json-error-offset";

export type JsonTextResult =
  { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number };

function location(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** JSON.parse with an error that says where the text is wrong: "Line 3, column 7: …". */
export function parseJsonText(text: string): JsonTextResult {
  if (!text.trim()) return { ok: false, message: "Enter JSON: the text is empty." };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const offset = jsonErrorOffset(text) ?? 0;
    const where = location(text, offset);
    const found =
      offset >= text.length
        ? 'the text ends too early (a missing }, ] or "?)'
        : `unexpected ${JSON.stringify(text[offset])}`;
    return { ok: false, message: `Line ${where.line}, column ${where.column}: ${found}`, ...where };
  }
}
