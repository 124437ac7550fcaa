/** The demo tenant's people (entra-emulator/demo-tenant.json, seeded by prisma/seed/seed-demo.ts). */
export const DEMO_USERS = {
  admin: { displayName: "Adele Vance", storageState: ".test-data/auth/admin.json" },
  regular: { displayName: "Alex Wilber", storageState: ".test-data/auth/regular.json" },
  disabled: { displayName: "Megan Bowen" },
} as const;

export type DemoUser = { displayName: string };
export type SignedInRole = "admin" | "regular";
