"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { ConfirmDialog } from "./confirm-dialog";
import { useToast, type ToastInput } from "./toast";
import { useApiCall } from "./use-api-call";

export interface ConfirmActionButtonProps<T> {
  /** The trigger's text. */
  label: ReactNode;
  /** The trigger's accessible name when its text alone is ambiguous (a button per table row). */
  "aria-label"?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  disabled?: boolean;
  title: ReactNode;
  description?: ReactNode;
  /** Extra content of the dialog (consequences, a list of what goes away). */
  children?: ReactNode;
  confirmLabel: string;
  /** Red confirm button (deletes, revocations). */
  destructive?: boolean;
  /** When set, the user must type this exact text before confirming. */
  typedConfirmation?: string;
  /** Runs on confirm. A rejection is shown inside the dialog, which stays open for a retry. */
  action: () => Promise<T>;
  /** Toast after success; a function may build it from the result, or return null for none. */
  success?: ToastInput | ((result: T) => ToastInput | null);
  /** After success: navigate here (the object confirmed away may be gone). */
  redirectTo?: string;
  /** After success: refresh the page's server data (default true). */
  refresh?: boolean;
}

/**
 * A button that asks for confirmation, then runs an action: pending state on the confirm
 * button, failures shown in the dialog, on success close → toast → navigate/refresh.
 */
export function ConfirmActionButton<T>({
  label,
  "aria-label": ariaLabel,
  variant,
  size,
  className,
  disabled,
  title,
  description,
  children,
  confirmLabel,
  destructive,
  typedConfirmation,
  action,
  success,
  redirectTo,
  refresh = true,
}: ConfirmActionButtonProps<T>) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const { pending, error, run, clearError } = useApiCall();

  async function confirm() {
    await run(async () => {
      const result = await action();
      setOpen(false);
      const message = typeof success === "function" ? success(result) : success;
      if (message) toast(message);
      if (redirectTo) router.push(redirectTo);
      if (refresh) router.refresh();
    });
  }

  return (
    <>
      <Button
        variant={variant}
        size={size}
        className={className}
        disabled={disabled}
        aria-label={ariaLabel}
        onClick={() => {
          clearError();
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        destructive={destructive}
        typedConfirmation={typedConfirmation}
        pending={pending}
        error={error}
        onConfirm={() => void confirm()}
      >
        {children}
      </ConfirmDialog>
    </>
  );
}
