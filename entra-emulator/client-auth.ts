import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { EmulatorApp, EmulatorTenant } from "./config";
import { findApp } from "./directory";
import { EntraError, entraErrors } from "./errors";

interface ClientCredentials {
  clientId: string | undefined;
  secret: string | undefined;
}

/** `client_secret_basic` wins over `client_secret_post` when both are sent. */
function readCredentials(req: IncomingMessage, form: URLSearchParams): ClientCredentials {
  const header = req.headers.authorization;
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header) : null;
  if (match) {
    const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    const invalid = new EntraError("invalid_client", 7000216, "The Authorization header is not valid.", 401);
    if (colon < 0) throw invalid;
    // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
    const unescape = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, " "));
      } catch {
        throw invalid;
      }
    };
    return { clientId: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) };
  }
  return { clientId: form.get("client_id") ?? undefined, secret: form.get("client_secret") ?? undefined };
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Identifies and authenticates the calling client. A confidential client (one with a secret)
 * must always present it; a public client may only use grants that allow that (`allowPublic`).
 */
export function authenticateClient(
  req: IncomingMessage,
  form: URLSearchParams,
  tenant: EmulatorTenant,
  options: { allowPublic: boolean },
): EmulatorApp {
  const { clientId, secret } = readCredentials(req, form);
  if (!clientId) throw entraErrors.missingParameter("client_id");
  const app = findApp(tenant, clientId);
  if (!app) throw entraErrors.clientNotFound(clientId, tenant.id);
  if (secret === undefined || secret === "") {
    if (app.clientSecret || !options.allowPublic) throw entraErrors.missingSecret();
    return app;
  }
  if (!app.clientSecret || !sameSecret(secret, app.clientSecret)) throw entraErrors.invalidSecret(app.clientId);
  return app;
}
