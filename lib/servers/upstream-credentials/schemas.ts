import { z } from "zod";

/**
 * Headers the gateway itself owns on the upstream request (protocol, framing, hop-by-hop).
 * A credential may not replace them.
 */
const RESERVED = new Set([
  "host",
  "content-length",
  "content-type",
  "accept",
  "accept-encoding",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "mcp-session-id",
  "mcp-protocol-version",
  "last-event-id",
  "origin",
  "referer",
]);
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,100}$/;

const headerName = z
  .string()
  .regex(TOKEN, "header names are HTTP tokens (letters, digits, - and a few symbols), at most 100 characters")
  .refine(
    (name) => !RESERVED.has(name.toLowerCase()) && !name.toLowerCase().startsWith("proxy-"),
    "this header is set by the gateway itself and cannot be a credential",
  );

// No control characters: a newline in a header value is a request-smuggling attempt.
const headerValue = z
  .string()
  .min(1, "a header value is required")
  .max(8192)
  .regex(/^[^\x00-\x1f\x7f]*$/, "header values cannot contain control characters");

export const setUpstreamCredentialsSchema = z.strictObject({
  headers: z
    .record(headerName, headerValue)
    .refine((headers) => Object.keys(headers).length >= 1 && Object.keys(headers).length <= 10, "give 1–10 headers")
    .refine(
      (headers) => new Set(Object.keys(headers).map((name) => name.toLowerCase())).size === Object.keys(headers).length,
      "header names must be unique (case-insensitive)",
    ),
});
export type SetUpstreamCredentialsInput = z.infer<typeof setUpstreamCredentialsSchema>;

/** What any API shows about a server's upstream credentials: never a value. */
export interface UpstreamCredentialsRecord {
  hasUpstreamCredentials: boolean;
  headerNames: string[];
  updatedAt: string | null;
  updatedBy: string | null;
}
