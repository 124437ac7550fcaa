import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { readRequestText } from "./read-bounded";

const MAX_BODY_BYTES = 1024 * 1024;

/** The request body as text, at most 1 MiB (400 past that). */
export async function readBodyText(request: Request): Promise<string> {
  const text = await readRequestText(request, MAX_BODY_BYTES);
  if (text === null) throw new AppError("invalid_request", "The request body is larger than 1 MiB.");
  return text;
}

export async function parseBody(request: Request): Promise<unknown> {
  const text = await readBodyText(request);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid_request", "The request body is not valid JSON.");
  }
}

/** Zod → typed input, or 422 with one entry per bad field (unknown fields included). */
export function parseInput<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: "unknown field" }));
    return [{ path: base || where, message: issue.message }];
  });
  if (where === "path") throw new AppError("not_found", "Not found.");
  throw new AppError(
    "validation_failed",
    `Invalid ${where}: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`.slice(0, 500),
    { fields },
  );
}
