"use client";

import { useEffect } from "react";

/**
 * Fallback for the app shell when there is no session: the layout cannot see the URL, so the
 * browser sends the user to sign-in with the exact page to come back to.
 */
export function SignInRedirect() {
  useEffect(() => {
    const returnTo = `${window.location.pathname}${window.location.search}`;
    window.location.replace(`/sign-in?${new URLSearchParams({ returnTo })}`);
  }, []);
  return (
    <div role="status" className="flex min-h-screen items-center justify-center text-sm text-slate-600">
      <p>
        Your session has ended.{" "}
        <a className="font-medium text-indigo-700 underline" href="/sign-in">
          Sign in
        </a>{" "}
        to continue.
      </p>
    </div>
  );
}
