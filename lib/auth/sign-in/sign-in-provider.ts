import type { RegistryConfig } from "@/lib/config";

export type SignInProvider =
  | { kind: "emulator"; tenantName: string; tenantIds: string[] }
  | { kind: "entra"; tenantIds: string[]; cloud: RegistryConfig["entra"]["cloud"] };

/**
 * Where people sign in, for the sign-in page: the organization's Entra ID tenant, or the
 * bundled emulator's demo tenant (its display name comes from configuration: ENTRA_EMULATOR_TENANT_NAME,
 * set by the start script next to the other ENTRA_* variables).
 */
export function signInProvider(config: RegistryConfig): SignInProvider {
  const { tenantIds, emulator, cloud, emulatorTenantName } = config.entra;
  if (emulator) return { kind: "emulator", tenantName: emulatorTenantName ?? "demo tenant", tenantIds };
  return { kind: "entra", tenantIds, cloud };
}
