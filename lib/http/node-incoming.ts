import { IncomingMessage } from "node:http";

/**
 * The Node request behind a Hono context, when @hono/node-server serves it (it passes
 * `{ incoming, outgoing }` as the context's env); undefined under `next dev`, which hands over
 * a web Request only.
 */
export function nodeIncoming(env: unknown): IncomingMessage | undefined {
  const incoming = (env as { incoming?: unknown } | undefined)?.incoming;
  return incoming instanceof IncomingMessage ? incoming : undefined;
}
