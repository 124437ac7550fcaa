import { NavLink } from "./nav-link";

export interface SettingsSection {
  href: string;
  label: string;
}

export interface SettingsNavGroup {
  label?: string;
  items: SettingsSection[];
}

const item =
  "block rounded-md px-2.5 py-1.5 text-[13px] whitespace-nowrap focus-visible:outline-2 focus-visible:outline-indigo-600";

/**
 * The settings side navigation; the caller passes only the sections the principal may open.
 * Below md it is one row of links that scrolls sideways inside its own box (group labels hidden),
 * so a phone sees every section without the page widening.
 */
export function SettingsNav({ groups }: { groups: SettingsNavGroup[] }) {
  return (
    <nav
      aria-label="Settings"
      className="-mx-1 flex gap-1 overflow-x-auto px-1 py-1 md:mx-0 md:block md:space-y-4 md:overflow-visible md:p-0"
    >
      {groups.map((group, index) => (
        <div key={group.label ?? index} className="shrink-0">
          {group.label ? (
            <p className="mb-1 hidden px-2.5 text-[11px] font-semibold tracking-wide text-slate-400 uppercase md:block">
              {group.label}
            </p>
          ) : null}
          <ul className="flex gap-1 md:block md:space-y-0.5">
            {group.items.map((section) => (
              <li key={section.href} className="shrink-0">
                <NavLink
                  href={section.href}
                  className={item}
                  activeClassName="bg-white font-medium text-slate-900 shadow-xs ring-1 ring-slate-200"
                  inactiveClassName="text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                >
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
