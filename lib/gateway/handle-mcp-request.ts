import type { IncomingMessage } from "node:http";
import { canSeeServer } from "@/lib/access/effective-access";
import { AppError } from "@/lib/errors";
import { authenticateRequest } from "@/lib/http/authenticate-request";
import { errorResponse } from "@/lib/http/error-response";
import { findGatewayTarget } from "./find-gateway-target";
import type { GatewayCall } from "./gateway-call";
import { proxyPost } from "./proxy-post";
import { proxyStream } from "./proxy-stream";

/**
 * The MCP gateway, `/mcp/{slug}` (SPEC §5.1): a Streamable HTTP proxy in front of the server's
 * upstream URL. It authenticates with the API's module, hides servers the caller cannot see
 * (404, same as absent), authorizes every JSON-RPC request against the caller's grants, filters
 * tools/list answers, records tools/call usage, and never forwards the caller's credential.
 * Authentication, CSRF for a browser session, error answers and their audit: authenticateRequest.
 * Answers stream from upstream as they arrive. `incoming` is the Node request behind `request`
 * when there is one (scripts/serve.ts): its body is then read without the web stream.
 */
export async function handleMcpRequest(request: Request, slug: string, incoming?: IncomingMessage): Promise<Response> {
  const started = performance.now();
  return authenticateRequest(request, async ({ db, principal, access, requestId, generation }) => {
    const server = await findGatewayTarget(db, slug, generation);
    if (!server || !canSeeServer(access, server.slug, server.enabled))
      throw new AppError("not_found", `No server ${slug}.`);
    if (request.method !== "POST" && request.method !== "GET" && request.method !== "DELETE") {
      const response = errorResponse(
        new AppError("method_not_allowed", "The MCP gateway answers POST, GET and DELETE."),
        requestId,
      );
      response.headers.set("Allow", "POST, GET, DELETE");
      return response;
    }
    const call: GatewayCall = {
      db,
      principal,
      access,
      requestId,
      server: { slug: server.slug, url: server.url, transport: server.transport },
      credentials: server.credentials,
      started,
      incoming,
    };
    return request.method === "POST" ? await proxyPost(call, request) : await proxyStream(call, request);
  });
}
