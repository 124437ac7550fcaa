import { CliError, type CliErrorKind } from "./cli-error";

const CERTIFICATE_CODES = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
  "CERT_UNTRUSTED",
]);

/** The innermost `code` in an error's cause chain (fetch wraps socket and TLS errors in "fetch failed"). */
function rootCode(error: unknown): string | undefined {
  let code: string | undefined;
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const candidate = (current as { code?: unknown }).code;
    if (typeof candidate === "string") code = candidate;
    current = (current as { cause?: unknown }).cause;
  }
  return code;
}

/** A failed request (no HTTP answer) as a message naming the host and the fix. */
export function networkError(kind: CliErrorKind, url: string, error: unknown): CliError {
  const host = new URL(url).host;
  const code = rootCode(error);
  if (code && CERTIFICATE_CODES.has(code)) {
    return new CliError(
      kind,
      `The TLS certificate of ${host} is not trusted (${code}). If it is self-signed (such as the bundled Entra ID emulator's) or from a private CA, point NODE_EXTRA_CA_CERTS at its PEM file, e.g. NODE_EXTRA_CA_CERTS=.data/entra-emulator/tls/cert.pem.`,
    );
  }
  if (code === "CERT_HAS_EXPIRED" || code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    return new CliError(
      kind,
      `The TLS certificate of ${host} is not valid for this connection (${code}). Check the URL's host name and the server's certificate.`,
    );
  }
  if (code === "ECONNREFUSED")
    return new CliError(
      kind,
      `Nothing answers at ${host} (connection refused). Check the URL and that the server is running.`,
    );
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return new CliError(kind, `The host ${host} cannot be resolved (${code}). Check the URL.`);
  if (code === "UND_ERR_CONNECT_TIMEOUT" || code === "ETIMEDOUT" || code === "TimeoutError") {
    return new CliError(kind, `${host} did not answer in time (${code}). Check the network, proxy and firewall.`);
  }
  // fetch says only "fetch failed"; the reason is in its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  const reason = cause ?? (error instanceof Error ? error.message : String(error));
  return new CliError(kind, `Could not reach ${host}${code ? ` (${code})` : ""}: ${reason}.`);
}

/** fetch that turns a transport failure into a CliError of the given kind. */
export async function fetchOrFail(kind: CliErrorKind, url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(30_000) });
  } catch (error) {
    throw networkError(kind, url, error);
  }
}
