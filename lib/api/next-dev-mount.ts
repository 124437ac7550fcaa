import { apiApp } from "./create-api-app";

/**
 * The API application as Next route handlers, for `next dev` only, where scripts/serve.ts does
 * not run. Each machine path prefix (lib/api/machine-paths.ts) has an optional catch-all route
 * file in app/ that re-exports these, so the same application answers there. In production
 * scripts/serve.ts hands those paths to the application before Next's router is involved.
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
