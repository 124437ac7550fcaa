import type { ApiRoute } from "./route-definition";
import { auditRoutes } from "./routes/audit";
import { catalogRoutes } from "./routes/catalog";
import { discoveryRoutes } from "./routes/discovery";
import { iamRoutes } from "./routes/iam";
import { provisioningTokenRoutes } from "./routes/provisioning-tokens";
import { registryV0Routes } from "./routes/registry-v0";
import { adminTokenRoutes, tokenRoutes } from "./routes/tokens";
import { upstreamCredentialRoutes } from "./routes/upstream-credentials";
import { usageRoutes } from "./routes/usage";

/** Every authenticated API route: the one table the pipeline and the OpenAPI document read. */
export const API_ROUTES: ApiRoute[] = [
  ...catalogRoutes,
  ...discoveryRoutes,
  ...upstreamCredentialRoutes,
  ...iamRoutes,
  ...provisioningTokenRoutes,
  ...tokenRoutes,
  ...adminTokenRoutes,
  ...auditRoutes,
  ...usageRoutes,
  ...registryV0Routes,
];
