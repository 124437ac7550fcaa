import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { hasPermission } from "./effective-access";
import type { Permission } from "./permissions";

/**
 * 403 unless the caller holds `permission` (SPEC §3, §6). Operations call this themselves, after
 * any visibility check (an invisible object is 404 first), so no caller can skip it.
 */
export function requirePermission(ctx: Pick<OperationContext, "access">, permission: Permission): void {
  if (!hasPermission(ctx.access, permission)) {
    throw new AppError("forbidden", `This action needs the ${permission} permission.`, {
      reason: `missing ${permission}`,
    });
  }
}

/** The one 404 of get-style operations: the same answer for an absent and an invisible object. */
export function notFound(message: string): AppError {
  return new AppError("not_found", message);
}

/** `value`, or the shared 404 when it is null (absent, or not the caller's to see). */
export function found<T>(value: T | null | undefined, message: string): T {
  if (value === null || value === undefined) throw notFound(message);
  return value;
}
