import { NavLink } from "./nav-link";

export interface SettingsSection {
  href: string;
  label: string;
}

export interface SettingsNavGroup {
  label?: string;
  items: SettingsSection[];
}

const item = "block rounded-md px-2.5 py-1.5 text-[13px] focus-visible:outline-2 focus-visible:outline-indigo-600";

/** The settings side navigation; the caller passes only the sections the principal may open. */
export function SettingsNav({ groups }: { groups: SettingsNavGroup[] }) {
  return (
    <nav aria-label="Settings" className="space-y-4">
      {groups.map((group, index) => (
        <div key={group.label ?? index}>
          {group.label ? <p className="mb-1 px-2.5 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{group.label}</p> : null}
          <ul className="space-y-0.5">
            {group.items.map((section) => (
              <li key={section.href}>
                <NavLink href={section.href} className={item} activeClassName="bg-white font-medium text-slate-900 shadow-xs ring-1 ring-slate-200" inactiveClassName="text-slate-600 hover:bg-slate-100 hover:text-slate-900">
                  {section.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
