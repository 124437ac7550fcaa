import { randomBytes } from "node:crypto";
import { catalogRoutes } from "@/lib/api/routes/catalog";
import { discoveryRoutes } from "@/lib/api/routes/discovery";
import { upstreamCredentialRoutes } from "@/lib/api/routes/upstream-credentials";
import { DEMO, startApiRegistry, type ApiRegistry } from "../../api/support/api-registry";
import { runRoute, type As } from "../../gateway/support/run-route";

export const UPSTREAM_SECRET = "Bearer up-secret-9f8e7d6c5b4a";
const ROUTES = [...catalogRoutes, ...discoveryRoutes, ...upstreamCredentialRoutes];

export interface DiscoveryFixture {
  reg: ApiRegistry;
  admin: As;
  payments: As;
  route(
    method: string,
    path: string,
    options: { as?: As; params?: Record<string, string>; body?: unknown; query?: string },
  ): ReturnType<typeof runRoute>;
  /** Registers a server at `url` (with the upstream secret as its Authorization header unless `credentials: false`). */
  addServer(
    url: string,
    options?: { transport?: "streamable-http" | "sse"; credentials?: boolean; enabled?: boolean; tools?: unknown[] },
  ): Promise<string>;
}

let count = 0;

export async function startDiscoveryFixture(): Promise<DiscoveryFixture> {
  const reg = await startApiRegistry({ REGISTRY_SECRETS_KEY: randomBytes(32).toString("base64") });
  const admin: As = { session: await reg.session(reg.userIds.adele) };
  const route: DiscoveryFixture["route"] = (method, path, options) =>
    runRoute(ROUTES, method, path, { as: admin, ...options });
  return {
    reg,
    admin,
    payments: { bearer: reg.appToken(DEMO.apps.payments) },
    route,
    async addServer(url, options = {}) {
      const slug = `probe-${++count}`;
      const created = await route("POST", "/api/servers", {
        body: {
          slug,
          name: `Probe ${count}`,
          url,
          transport: options.transport ?? "streamable-http",
          enabled: options.enabled ?? true,
          tools: options.tools ?? [],
        },
      });
      if (created.status !== 201) throw new Error(created.text);
      if (options.credentials !== false) {
        const set = await route("PUT", "/api/servers/{slug}/upstream-credentials", {
          params: { slug },
          body: { headers: { Authorization: UPSTREAM_SECRET } },
        });
        if (set.status !== 200) throw new Error(set.text);
      }
      return slug;
    },
  };
}
