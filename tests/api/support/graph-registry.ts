import type { EntraEmulator } from "../../../entra-emulator/server";
import { M2M_APPS, REGISTRY_APP, demoConfig, msalClient, startTestEmulator } from "../../entra-emulator/helpers";
import { startApiRegistry, type ApiRegistry } from "./api-registry";

export const PAYMENTS_ENTRA_GROUP = "1b8a6496-4d8b-4429-a9cf-7bc3d64affa1";

/**
 * The registry against the bundled emulator as its Entra ID and Microsoft Graph: catalog-sync-job
 * gets overage tokens (its one group, Payments Engineering, is only in Graph). `graphPermissions`
 * are the registry app's Graph application permissions.
 */
export async function startGraphRegistry(
  graphPermissions: string[],
): Promise<{ reg: ApiRegistry; emulator: EntraEmulator; catalogSyncToken(): Promise<string> }> {
  const emulator = await startTestEmulator(
    demoConfig((raw) => {
      const apps = raw.tenants[0].apps;
      apps.find((a: any) => a.clientId === REGISTRY_APP.clientId).graphPermissions = graphPermissions;
      const sync = apps.find((a: any) => a.clientId === M2M_APPS.catalogSync.clientId);
      sync.groups = [PAYMENTS_ENTRA_GROUP];
      sync.groupsOverage = true;
    }),
  );
  const reg = await startApiRegistry({
    ENTRA_AUTHORITY_HOST: emulator.url,
    ENTRA_GRAPH_URL: emulator.url,
    ENTRA_CLIENT_SECRET: REGISTRY_APP.secret,
  });
  const client = msalClient(emulator, M2M_APPS.catalogSync);
  return {
    reg,
    emulator,
    catalogSyncToken: async () =>
      (await client.acquireTokenByClientCredential({
        scopes: [`api://${REGISTRY_APP.clientId}/.default`],
        skipCache: true,
      }))!.accessToken,
  };
}
