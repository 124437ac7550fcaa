/** Exit codes are part of the CLI's contract (docs/cli.md): scripts branch on them. */
export const EXIT = { ok: 0, usage: 1, auth: 2, registry: 3 } as const;

export type CliErrorKind = "usage" | "auth" | "registry";

/** The one error the CLI prints: a message that says what to fix, and the exit code of its kind. */
export class CliError extends Error {
  readonly cliError = true;
  constructor(
    readonly kind: CliErrorKind,
    message: string,
  ) {
    super(message);
  }

  get exitCode(): number {
    return EXIT[this.kind];
  }
}

export function isCliError(error: unknown): error is CliError {
  return typeof error === "object" && error !== null && (error as { cliError?: unknown }).cliError === true;
}

export const usageError = (message: string) => new CliError("usage", message);
export const authError = (message: string) => new CliError("auth", message);
export const registryError = (message: string) => new CliError("registry", message);
