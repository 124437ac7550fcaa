import type { ReactNode } from "react";
import { SettingsNav } from "@/components/layout/settings-nav";
import { settingsSections } from "@/components/layout/settings-sections";
import { getPageSession } from "@/lib/auth/page-principal";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const session = await getPageSession();
  if (!session) return children;
  return (
    <div className="flex flex-col gap-4 md:flex-row md:gap-6">
      <aside className="min-w-0 md:w-52 md:shrink-0">
        <p className="mb-1 px-2.5 text-base font-semibold text-slate-900 md:mb-3">Settings</p>
        <SettingsNav groups={settingsSections(session.access)} />
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
