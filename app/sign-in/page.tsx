import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { getPageSession } from "@/lib/auth/page-principal";
import { safeReturnTo } from "@/lib/auth/sign-in/return-to";
import { SIGN_IN_ERROR_MESSAGES, isSignInErrorKind } from "@/lib/auth/sign-in/sign-in-error";
import { signInProvider, type SignInProvider } from "@/lib/auth/sign-in/sign-in-provider";
import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function isSignedIn(): Promise<boolean> {
  try {
    return (await getPageSession()) !== null;
  } catch (error) {
    // The page must still offer sign-in when the session lookup fails (e.g. the database restarts).
    log.error("sign-in page: session lookup failed", {
      reason: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const returnTo = safeReturnTo(first(params.returnTo));
  if (await isSignedIn()) redirect(returnTo);

  const error = first(params.error);
  const errorMessage = isSignInErrorKind(error) ? SIGN_IN_ERROR_MESSAGES[error] : undefined;
  const signedOut = first(params.signedOut) === "1" && !errorMessage;
  const provider = signInProvider(getConfig());
  const startUrl = `/auth/sign-in?${new URLSearchParams({ returnTo })}`;

  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-slate-50 to-slate-100 px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-6 flex items-center justify-center gap-2 text-slate-900">
          <RegistryMark />
          <span className="text-lg font-semibold tracking-tight">MCP Registry</span>
        </div>

        <section aria-labelledby="sign-in-title" className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
          <h1 id="sign-in-title" className="text-xl font-semibold tracking-tight">
            Sign in
          </h1>
          <p className="mt-1.5 text-sm text-slate-600">
            Use your work account to browse the MCP servers and tools you can use, see why you can use them, and create
            API tokens.
          </p>

          <div className="mt-5 space-y-3 empty:hidden">
            {signedOut ? (
              <div data-testid="signed-out-notice">
                <Alert tone="success" title="You are signed out">
                  Your registry session has ended. Sign in again to continue.
                </Alert>
              </div>
            ) : null}
            {errorMessage ? (
              <div data-testid="sign-in-error" data-error={error}>
                <Alert tone="danger" title={errorMessage.title}>
                  {errorMessage.detail}
                </Alert>
              </div>
            ) : null}
          </div>

          <a
            href={startUrl}
            className="mt-6 flex h-11 w-full items-center justify-center gap-3 rounded-md border border-slate-300 bg-white text-[15px] font-semibold text-slate-800 shadow-sm transition-colors hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            <MicrosoftLogo />
            Sign in with Microsoft
          </a>

          <WhereYouSignIn provider={provider} />
        </section>

        <p className="mt-6 text-center text-xs text-slate-500">
          Machines do not sign in here: they call the API with a registry API token or an Entra ID access token.
        </p>
      </div>
    </main>
  );
}

function WhereYouSignIn({ provider }: { provider: SignInProvider }) {
  const tenants = provider.tenantIds.join(", ");
  return (
    <div className="mt-6 border-t border-slate-100 pt-5" data-testid="sign-in-provider">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Where you sign in</p>
      {provider.kind === "emulator" ? (
        <>
          <p className="mt-1.5 text-sm font-medium text-slate-900">Entra ID emulator — {provider.tenantName}</p>
          <p className="mt-0.5 break-all font-mono text-xs text-slate-500">tenant {tenants}</p>
          <Alert tone="warning" className="mt-3">
            This is a local demo: the registry runs its bundled Entra ID emulator, with fictional accounts and no
            passwords. To sign in with your organization&apos;s accounts, set{" "}
            <code className="font-mono">ENTRA_TENANT_IDS</code>.
          </Alert>
        </>
      ) : (
        <>
          <p className="mt-1.5 text-sm font-medium text-slate-900">
            Microsoft Entra ID — {provider.tenantIds.length === 1 ? "tenant" : "tenants"}{" "}
            <span className="break-all font-mono text-xs font-normal text-slate-600">{tenants}</span>
          </p>
          <p className="mt-1 text-xs text-slate-500">
            You will be sent to Microsoft to sign in, then brought back here.
          </p>
        </>
      )}
    </div>
  );
}

function RegistryMark() {
  return (
    <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true">
      <rect width="28" height="28" rx="7" className="fill-indigo-600" />
      <path
        d="M8 19V9l6 6 6-6v10"
        fill="none"
        stroke="white"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function MicrosoftLogo() {
  return (
    <svg width="18" height="18" viewBox="0 0 21 21" aria-hidden="true">
      <rect x="1" y="1" width="9" height="9" fill="#f25022" />
      <rect x="11" y="1" width="9" height="9" fill="#7fba00" />
      <rect x="1" y="11" width="9" height="9" fill="#00a4ef" />
      <rect x="11" y="11" width="9" height="9" fill="#ffb900" />
    </svg>
  );
}
