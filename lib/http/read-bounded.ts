import type { IncomingMessage } from "node:http";

/**
 * Reads a body stream as UTF-8 text, at most `maxBytes`: past that it stops reading, cancels the
 * stream and answers null, so a huge body is refused without being held in memory.
 */
export async function readBoundedText(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<string | null> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The request's body text, or null when it declares or turns out to be over `maxBytes`. */
export async function readRequestText(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  return readBoundedText(request.body, maxBytes);
}

/**
 * The same bound for a Node request read straight from its `IncomingMessage` (scripts/serve.ts):
 * no web stream in between, which was a large share of a gateway POST's CPU. Past `maxBytes` it
 * stops listening and pauses the stream, answering null; the HTTP adapter drains or closes the
 * rest after the answer. A client that goes away mid-body rejects, as the web stream does.
 */
export function readIncomingText(incoming: IncomingMessage, maxBytes: number): Promise<string | null> {
  if (Number(incoming.headers["content-length"] ?? 0) > maxBytes) return Promise.resolve(null);
  if (incoming.readableEnded) return Promise.resolve("");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (finish: () => void) => {
      incoming.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      finish();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) return void chunks.push(chunk);
      incoming.pause();
      settle(() => resolve(null));
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks, size).toString("utf8")));
    const onError = (error: Error) => settle(() => reject(error));
    const onClose = () =>
      incoming.readableEnded ? onEnd() : settle(() => reject(new Error("The client closed the request mid-body.")));
    incoming.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}
