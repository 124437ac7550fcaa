// The comparison point for `npm run bench`: a bare node:http server that only verifies the same
// Entra token with jose (remote key set, cached) and answers a small JSON body.
import { createServer } from "node:http";
import { createRemoteJWKSet, jwtVerify } from "jose";

const [jwksUrl, issuer, audience] = process.argv.slice(2) as [string, string, string];
const keys = createRemoteJWKSet(new URL(jwksUrl));

const server = createServer(async (req, res) => {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
  try {
    if (!token) throw new Error("no token");
    await jwtVerify(token, keys, { issuer, audience, algorithms: ["RS256"] });
    res.writeHead(200, { "content-type": "application/json" }).end('{"items":[],"nextCursor":null}');
  } catch {
    res.writeHead(401).end();
  }
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
});
