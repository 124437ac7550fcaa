/**
 * Why a sign-in did not complete. The kind travels to the sign-in page as `?error=<kind>`; the
 * page shows the matching message. Library and Entra messages never reach the browser: they go
 * to the server log as `reason`.
 */
export const SIGN_IN_ERROR_MESSAGES = {
  disabled: {
    title: "Your registry account is disabled",
    detail:
      "You signed in with Entra ID, but a registry admin has disabled your account. Ask a registry admin to enable it.",
  },
  state: {
    title: "This sign-in could not be verified",
    detail:
      "The answer from Entra ID did not match a sign-in started in this browser, or it took longer than 10 minutes. Nothing was changed. Start again.",
  },
  tenant: {
    title: "Your organization is not allowed here",
    detail:
      "You signed in with an account from an Entra ID tenant this registry does not accept. Sign in with your organization's work account.",
  },
  cancelled: {
    title: "Sign-in was cancelled",
    detail: "Entra ID did not sign you in. Start again when you are ready.",
  },
  failed: {
    title: "Sign-in failed",
    detail:
      "Something went wrong while completing your sign-in. Try again; if it keeps failing, ask your registry admin to check the server log.",
  },
} as const;

export type SignInErrorKind = keyof typeof SIGN_IN_ERROR_MESSAGES;

export function isSignInErrorKind(value: unknown): value is SignInErrorKind {
  return typeof value === "string" && Object.hasOwn(SIGN_IN_ERROR_MESSAGES, value);
}

export class SignInError extends Error {
  constructor(
    readonly kind: SignInErrorKind,
    /** For the server log only. */
    readonly reason: string,
  ) {
    super(`sign-in ${kind}: ${reason}`);
    this.name = "SignInError";
  }
}
