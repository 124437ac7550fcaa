// Framework ceilings for `npm run bench`: a bare node:http server and a trivial Hono route on
// @hono/node-server, both answering a constant JSON body. Prints the two ports on one line.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const BODY = '{"items":[],"nextCursor":null}';

const bare = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(BODY));
const app = new Hono().get("/", (c) => c.body(BODY, 200, { "content-type": "application/json" }));

bare.listen(0, "127.0.0.1", () => {
  const hono = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
    process.stdout.write(`${(bare.address() as AddressInfo).port} ${info.port}\n`);
  });
  process.on("SIGTERM", () => {
    bare.close();
    hono.close();
    process.exit(0);
  });
});
