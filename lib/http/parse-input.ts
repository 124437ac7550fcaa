import type { z } from "zod";
import { AppError } from "@/lib/errors";

const MAX_BODY_BYTES = 1024 * 1024;

const TOO_LARGE = "The request body is larger than 1 MiB.";

/** Reads at most MAX_BODY_BYTES: a huge body is refused without being held in memory. */
export async function readBoundedText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("invalid_request", TOO_LARGE);
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw new AppError("invalid_request", TOO_LARGE);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function parseBody(request: Request): Promise<unknown> {
  const text = await readBoundedText(request);
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
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: "unknown field" }));
    return [{ path: base || where, message: issue.message }];
  });
  if (where === "path") throw new AppError("not_found", "Not found.");
  throw new AppError("validation_failed", `Invalid ${where}: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`.slice(0, 500), { fields });
}
