import { readBoundedText } from "@/lib/http/read-bounded";
import type { UsageOutcome } from "@/lib/usage/record-gateway-usage";
import type { ResponseWatch } from "./response-watch";

const MAX_REWRITE_BYTES = 16 * 1024 * 1024;
const MAX_OBSERVED_BYTES = 1024 * 1024;

/**
 * A JSON answer on its way to the caller. A tools/list answer must be read whole to be filtered.
 * Any other answer is passed on byte for byte: up to MAX_OBSERVED_BYTES it is read whole, looked
 * into for the tools/call outcome and answered in one piece (a stream through a TransformStream
 * cost a large share of a tools/call's CPU); a larger one streams through untouched and counts as
 * answered. Null: the answer broke off before it was read, or was unreadable where it had to be rewritten.
 */
export async function observeJson(
  body: ReadableStream<Uint8Array>,
  watch: ResponseWatch,
  mustRewrite: boolean,
  finish: (detail: string, outcome?: UsageOutcome) => void,
): Promise<ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer> | string | null> {
  if (mustRewrite) {
    const text = await readBoundedText(body, MAX_REWRITE_BYTES).catch(() => null);
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

  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size <= MAX_OBSERVED_BYTES) {
    // An upstream that breaks off mid-answer is an upstream failure, not the gateway's 500.
    const { done, value } = await reader.read().catch(() => ({ done: "broken" as const, value: undefined }));
    if (done === "broken") return null;
    if (done) {
      const bytes = Buffer.concat(chunks, size);
      try {
        watch.inspect(JSON.parse(bytes.toString("utf8")));
      } catch {
        // The caller gets the bytes as they were; only the usage record notes the problem.
      }
      finish("the answer did not include it");
      return bytes;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (!done) return controller.enqueue(value);
      controller.close();
      // Answered in full, just too large to look into: count it as answered.
      finish("the answer was too large to inspect", "ok");
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
