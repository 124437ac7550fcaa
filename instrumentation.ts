/** Under `next dev` the API application lives inside Next: warm the Entra key cache there too. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmEntraKeys } = await import("@/lib/auth/warm-entra-keys");
  warmEntraKeys();
}
