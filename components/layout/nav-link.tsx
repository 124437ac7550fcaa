"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A navigation link that marks itself aria-current="page" when its section is open. */
export function NavLink({
  href,
  exact,
  children,
  className,
  activeClassName,
  inactiveClassName,
}: {
  href: string;
  exact?: boolean;
  children: ReactNode;
  className?: string;
  activeClassName: string;
  inactiveClassName: string;
}) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  const isCatalog = href === "/" && (pathname === "/" || pathname.startsWith("/servers/"));
  const current = active || isCatalog;
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(className, current ? activeClassName : inactiveClassName)}
    >
      {children}
    </Link>
  );
}
