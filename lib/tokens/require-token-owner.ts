import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";

/**
 * API tokens belong to people: a session or a delegated Entra token acts as the user. M2M
 * principals and registry tokens themselves cannot mint tokens (no privilege laundering), which
 * is why a token can never be given tokens:create (lib/access/token-permissions.ts).
 */
export function requireTokenOwner(principal: Principal): string {
  if (principal.kind !== "user") {
    throw new AppError("forbidden", "Only a signed-in user (or a delegated user token) can manage API tokens.");
  }
  return principal.userId;
}
