import type { ApiRoute } from "./route-definition";
import { auditRoutes } from "./routes/audit";
import { catalogRoutes } from "./routes/catalog";
import { iamRoutes } from "./routes/iam";
import { provisioningTokenRoutes } from "./routes/provisioning-tokens";
import { tokenRoutes } from "./routes/tokens";

/** Every authenticated API route: the one table the pipeline and the OpenAPI document read. */
export const API_ROUTES: ApiRoute[] = [...catalogRoutes, ...iamRoutes, ...provisioningTokenRoutes, ...tokenRoutes, ...auditRoutes];
