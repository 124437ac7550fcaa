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
