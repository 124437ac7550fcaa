import { readBoundedText } from "@/lib/http/read-bounded";
import type { UsageOutcome } from "@/lib/usage/record-gateway-usage";
import type { ResponseWatch } from "./response-watch";

const MAX_REWRITE_BYTES = 16 * 1024 * 1024;
const MAX_OBSERVED_BYTES = 1024 * 1024;

/**
 * A JSON answer on its way to the caller. A tools/list answer must be read whole to be filtered
 * (the only answer the gateway buffers); any other answer streams through untouched while a
 * bounded copy is parsed at the end for the tools/call outcome. Null: the JSON was unreadable
 * where it had to be rewritten.
 */
export async function observeJson(
  body: ReadableStream<Uint8Array>,
  watch: ResponseWatch,
  mustRewrite: boolean,
  finish: (detail: string, outcome?: UsageOutcome) => void,
): Promise<ReadableStream<Uint8Array> | string | null> {
  if (mustRewrite) {
    const text = await readBoundedText(body, MAX_REWRITE_BYTES);
    if (text === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    const replacement = watch.inspect(parsed);
    finish("the answer did not include it");
    return replacement === undefined ? text : JSON.stringify(replacement);
  }

  const chunks: Uint8Array[] = [];
  let size = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        size += chunk.byteLength;
        if (size <= MAX_OBSERVED_BYTES) chunks.push(chunk);
      },
      flush() {
        // Answered in full, just too large to look into: count it as answered.
        if (size > MAX_OBSERVED_BYTES) return finish("the answer was too large to inspect", "ok");
        try {
          watch.inspect(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch {
          // The caller gets the bytes as they were; only the usage record notes the problem.
        }
        finish("the answer did not include it");
      },
    }),
  );
}
