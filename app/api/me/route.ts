import { json } from "@/lib/http/json";
import { withAuth } from "@/lib/http/with-auth";

export const GET = withAuth(async ({ ctx: { principal, access } }) =>
  json({
    kind: principal.kind,
    id: principal.id,
    displayName: principal.displayName,
    groups: principal.groups,
    permissions: [...access.permissions.keys()].sort(),
    ...(principal.kind === "m2m" ? { tenantId: principal.tenantId, clientId: principal.clientId } : {}),
    ...(principal.kind === "token" ? { ownerId: principal.ownerId, servers: principal.servers } : {}),
  }),
);
