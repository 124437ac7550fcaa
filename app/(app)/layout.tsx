import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { SignInRedirect } from "@/components/layout/sign-in-redirect";
import { ToastProvider } from "@/components/ui/toast";
import { getPageSession } from "@/lib/auth/page-principal";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await getPageSession();
  // A layout cannot see the URL, so each page redirects on the server with its own returnTo
  // (requirePageSession). The client redirect is a backstop for a page that forgets to.
  if (!session) {
    return (
      <>
        <SignInRedirect />
        {children}
      </>
    );
  }
  return (
    <ToastProvider>
      <div className="min-h-screen text-sm">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <AppHeader displayName={session.principal.displayName} />
        <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
          {children}
        </main>
      </div>
    </ToastProvider>
  );
}
