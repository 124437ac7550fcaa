import { getConfig } from "@/lib/config";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";

/** Public: the API's OpenAPI 3.1 document. */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(getConfig().registryUrl), { headers: { "Cache-Control": "public, max-age=300" } });
}
