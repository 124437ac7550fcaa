import { apiApp } from "@/lib/api/create-api-app";

/**
 * Under `next dev` the API application answers here. In production the registry's own server
 * (scripts/serve.ts) hands /scim/* to the same application before Next's router is involved.
 */
const handle = (request: Request) => apiApp().fetch(request);

export {
  handle as GET,
  handle as POST,
  handle as PATCH,
  handle as PUT,
  handle as DELETE,
  handle as HEAD,
  handle as OPTIONS,
};
