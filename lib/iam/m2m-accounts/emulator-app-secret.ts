import { loadEmulatorConfig } from "@/entra-emulator/config";
import { getConfig } from "@/lib/config";

/**
 * With the bundled emulator running, its apps' client secrets are demo data (committed in the
 * emulator's JSON file), so help text may show them: copy-paste snippets then run as printed.
 * With a real tenant the registry never knows an app's secret and this returns undefined.
 */
export async function emulatorAppSecret(tenantId: string, clientId: string): Promise<string | undefined> {
  const file = getConfig().entra.emulatorConfigFile;
  if (!file) return undefined;
  try {
    const config = await loadEmulatorConfig(file);
    const tenant = config.tenants.find((t) => t.id.toLowerCase() === tenantId.toLowerCase());
    return tenant?.apps.find((app) => app.clientId.toLowerCase() === clientId.toLowerCase())?.clientSecret;
  } catch {
    return undefined;
  }
}
