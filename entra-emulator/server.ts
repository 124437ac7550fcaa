import { readFile } from "node:fs/promises";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { EmulatorConfig } from "./config";
import { GrantStore } from "./grant-store";
import type { EmulatorContext } from "./http";
import { route } from "./router";
import { SigningKeys } from "./signing-keys";
import { ensureTlsCertificate } from "./tls";

export interface EntraEmulator {
  /** `https://localhost:PORT`: the authority host; tenants are `${url}/${tenantId}`. */
  url: string;
  port: number;
  config: EmulatorConfig;
  /** Next key becomes current, a new next key is created, the old current is retired (see SigningKeys). */
  rotateKeys(): Promise<void>;
  close(): Promise<void>;
}

export interface StartEntraEmulatorOptions {
  config: EmulatorConfig;
  /** Where the self-signed certificate lives (created on first use). */
  tlsDir: string;
  /** Persist signing keys here (JWK JSON, mode 0600) so restarts keep them; in memory when absent. */
  keysFile?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Listen address; default 127.0.0.1. */
  host?: string;
}

export async function startEntraEmulator(options: StartEntraEmulatorOptions): Promise<EntraEmulator> {
  const tls = await ensureTlsCertificate(options.tlsDir);
  const [cert, key, keys] = await Promise.all([
    readFile(tls.certPath),
    readFile(tls.keyPath),
    SigningKeys.load(options.keysFile),
  ]);
  const ctx: EmulatorContext = { config: options.config, keys, grants: new GrantStore(), baseUrl: "" };
  const server = createServer({ cert, key }, (req, res) => void route(ctx, req, res));
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  // The certificate names `localhost` (and 127.0.0.1); clients use the name, as they would Entra's host.
  ctx.baseUrl = `https://localhost:${port}`;

  let closed: Promise<void> | undefined;
  return {
    url: ctx.baseUrl,
    port,
    config: options.config,
    rotateKeys: () => keys.rotate(),
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Clients' keep-alive sockets would otherwise hold the server open.
        server.closeAllConnections();
      })),
  };
}
