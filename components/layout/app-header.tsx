import Link from "next/link";
import { NavLink } from "./nav-link";

const navLink =
  "rounded-md px-2.5 py-1.5 text-[13px] font-medium focus-visible:outline-2 focus-visible:outline-indigo-600";

/** Product name, main navigation, the signed-in identity and sign-out. */
export function AppHeader({ displayName, kindLabel }: { displayName: string; kindLabel?: string }) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur">
      {/* Below sm the navigation wraps onto its own row, so the identity and Sign out stay in view at 390 px. */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-1.5 sm:h-12 sm:flex-nowrap sm:gap-x-6 sm:px-6 sm:py-0">
        <Link
          href="/"
          className="flex shrink-0 items-center gap-2 rounded-md font-semibold tracking-tight text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <span
            aria-hidden="true"
            className="grid size-6 place-items-center rounded-md bg-indigo-600 text-[11px] font-bold text-white"
          >
            M
          </span>
          {/* Below sm the header has no room for the words: they stay for screen readers. */}
          <span className="sr-only sm:not-sr-only">MCP Registry</span>
        </Link>
        <nav
          aria-label="Main"
          className="order-last -ml-2.5 flex w-full items-center gap-1 sm:order-none sm:ml-0 sm:w-auto"
        >
          <NavLink
            href="/"
            exact
            className={navLink}
            activeClassName="bg-slate-100 text-slate-900"
            inactiveClassName="text-slate-600 hover:bg-slate-50 hover:text-slate-900"
          >
            Catalog
          </NavLink>
          <NavLink
            href="/settings"
            className={navLink}
            activeClassName="bg-slate-100 text-slate-900"
            inactiveClassName="text-slate-600 hover:bg-slate-50 hover:text-slate-900"
          >
            Settings
          </NavLink>
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-3">
          <div className="flex min-w-0 items-center gap-2 text-[13px]">
            <span
              aria-hidden="true"
              className="grid size-6 place-items-center rounded-full bg-slate-200 text-[11px] font-semibold text-slate-700"
            >
              {initials(displayName)}
            </span>
            <span className="sr-only">Signed in as </span>
            <span data-testid="signed-in-user" className="max-w-28 truncate font-medium text-slate-800 sm:max-w-48">
              {displayName}
            </span>
            {kindLabel ? <span className="text-slate-400">{kindLabel}</span> : null}
          </div>
          <form action="/auth/sign-out" method="post">
            <button
              type="submit"
              className="shrink-0 rounded-md px-2 py-1 whitespace-nowrap text-[13px] text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase();
}
