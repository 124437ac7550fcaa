import { ConfidentialClientApplication } from "@azure/msal-node";

export const DEMO_TENANT = "77ac5383-74a0-4b68-ae2c-83504351a44e";
export const REGISTRY_API = "81382876-ac08-4e70-a240-ad7c89ed8dfe";
export const DEMO_APPS = {
  paymentsCi: { clientId: "d5be72ff-2060-41f7-b063-9278f1528ac1", secret: "demo-payments-ci-secret-P4yments" },
  unlinked: { clientId: "137dc353-fada-4dee-96a1-0db0898bbdc4", secret: "demo-unlinked-secret-Unl1nked" },
  catalogSync: { clientId: "82f936e6-5b85-4bd1-b012-93cebad3fb38", secret: "demo-catalog-sync-secret-C4talog" },
};

/** A client-credentials token from the bundled emulator, obtained the way a real M2M caller does. */
export async function clientCredentialsToken(app: { clientId: string; secret: string }): Promise<string> {
  const emulatorPort = process.env.E2E_EMULATOR_PORT;
  if (!emulatorPort) throw new Error("E2E_EMULATOR_PORT is not set (playwright.config.ts sets it)");
  const client = new ConfidentialClientApplication({
    auth: {
      clientId: app.clientId,
      clientSecret: app.secret,
      authority: `https://localhost:${emulatorPort}/${DEMO_TENANT}`,
      knownAuthorities: [`localhost:${emulatorPort}`],
    },
  });
  const result = await client.acquireTokenByClientCredential({
    scopes: [`api://${REGISTRY_API}/.default`],
    skipCache: true,
  });
  if (!result?.accessToken) throw new Error("the emulator returned no access token");
  return result.accessToken;
}
