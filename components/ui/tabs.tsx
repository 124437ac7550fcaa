"use client";

import * as TabsPrimitive from "@radix-ui/react-tabs";
import { useState, type ReactNode } from "react";
import { cn } from "./cn";

export interface TabItem {
  id: string;
  label: ReactNode;
  content: ReactNode;
}

/**
 * WAI-ARIA tabs on Radix Tabs: arrow keys / Home / End move between tabs and select them, panels
 * are labelled by their tab. Every panel stays mounted (hidden when inactive), so what a panel
 * holds (a half-filled form, a loaded list) survives switching tabs.
 */
export function Tabs({
  items,
  defaultTab,
  label,
  className,
}: {
  items: TabItem[];
  defaultTab?: string;
  label: string;
  className?: string;
}) {
  const [active, setActive] = useState(defaultTab ?? items[0]?.id ?? "");
  return (
    <TabsPrimitive.Root value={active} onValueChange={setActive} className={className}>
      <TabsPrimitive.List aria-label={label} className="flex flex-wrap gap-x-1 border-b border-slate-200">
        {items.map((item) => (
          <TabsPrimitive.Trigger
            key={item.id}
            value={item.id}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-[13px] font-medium focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600",
              "border-transparent text-slate-500 hover:text-slate-800 data-[state=active]:border-indigo-600 data-[state=active]:text-slate-900",
            )}
          >
            {item.label}
          </TabsPrimitive.Trigger>
        ))}
      </TabsPrimitive.List>
      {items.map((item) => (
        <TabsPrimitive.Content
          key={item.id}
          value={item.id}
          forceMount
          hidden={item.id !== active}
          className="pt-3 focus-visible:outline-none"
        >
          {item.content}
        </TabsPrimitive.Content>
      ))}
    </TabsPrimitive.Root>
  );
}
