/**
 * Rewrites a Server-Sent Events stream one event at a time, so each event reaches the caller as
 * soon as it is complete. `rewrite` sees every event's data parsed as JSON and returns a
 * replacement message, or undefined to pass the event through byte for byte (keep-alive
 * comments and non-JSON data always pass).
 */
const MAX_EVENT_CHARS = 16 * 1024 * 1024;

export function sseTransform(
  rewrite: (message: unknown) => unknown,
  onEnd: () => void,
): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = "";
  let pendingCr = false;

  const emitEvents = (controller: TransformStreamDefaultController<Uint8Array>) => {
    let boundary = buffer.indexOf("\n\n");
    while (boundary >= 0) {
      const event = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      controller.enqueue(encoder.encode(`${rewriteEvent(event, rewrite)}\n\n`));
      boundary = buffer.indexOf("\n\n");
    }
    if (buffer.length > MAX_EVENT_CHARS) controller.error(new Error("upstream SSE event too large"));
  };

  return new TransformStream({
    transform(chunk, controller) {
      let text = (pendingCr ? "\r" : "") + decoder.decode(chunk, { stream: true });
      // A CR at the end of a chunk may be the first half of CRLF.
      pendingCr = text.endsWith("\r");
      if (pendingCr) text = text.slice(0, -1);
      buffer += text.replace(/\r\n?/g, "\n");
      emitEvents(controller);
    },
    flush(controller) {
      buffer += ((pendingCr ? "\r" : "") + decoder.decode()).replace(/\r\n?/g, "\n");
      emitEvents(controller);
      if (buffer.length > 0) controller.enqueue(encoder.encode(rewriteEvent(buffer, rewrite)));
      onEnd();
    },
  });
}

function rewriteEvent(event: string, rewrite: (message: unknown) => unknown): string {
  const lines = event.split("\n");
  const dataLines = lines.filter((line) => line.startsWith("data:"));
  if (dataLines.length === 0) return event;
  const data = dataLines.map((line) => line.slice(5).replace(/^ /, "")).join("\n");
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return event;
  }
  const replacement = rewrite(message);
  if (replacement === undefined) return event;
  const firstData = lines.findIndex((line) => line.startsWith("data:"));
  const kept = lines.filter((line, index) => !line.startsWith("data:") || index === firstData);
  return kept.map((line) => (line.startsWith("data:") ? `data: ${JSON.stringify(replacement)}` : line)).join("\n");
}
