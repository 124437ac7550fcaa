"use client";

import * as PopoverPrimitive from "@radix-ui/react-popover";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "./cn";
import { controlClasses } from "./input";

export interface ComboboxProps<T> {
  id?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  /** Accessible name of the list of options. */
  listLabel: string;
  /** The text in the input. */
  text: string;
  onTextChange: (text: string) => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  options: T[];
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  /** Shown but not choosable (e.g. already added). */
  optionDisabled?: (option: T) => boolean;
  /** The option highlighted when a new list arrives; -1 (the default) highlights none. */
  initialActive?: (options: T[]) => number;
  /**
   * The text the options answer, for options fetched as the user types. While it differs from
   * `text` the options are stale: nothing is highlighted, so a quick Enter never picks an option
   * of the previous search.
   */
  optionsFor?: string;
  onSelect: (option: T) => void;
  /** Enter while no option is highlighted (e.g. keep the typed text). */
  onEnterWithoutOption?: () => void;
  /** Esc, after the list closed (e.g. restore the committed text). */
  onEscape?: () => void;
  /** Focus left the combobox. */
  onBlur?: () => void;
  /** A line under the options: "Searching…", "No matches". */
  message?: ReactNode;
  placeholder?: string;
  disabled?: boolean;
  className?: string;
  listClassName?: string;
}

/**
 * An editable combobox (WAI-ARIA 1.2 pattern, list autocomplete): focus stays in the input and
 * the highlighted option is announced through aria-activedescendant. Arrow keys move (and open
 * the list), Home/End jump to the first/last option while it is open, Enter chooses the
 * highlighted option, Esc closes. The list is a Radix Popover anchored to the input and rendered
 * in place, so it belongs to the surrounding form region.
 */
export function Combobox<T>({
  listLabel,
  text,
  onTextChange,
  open,
  onOpenChange,
  options,
  optionKey,
  renderOption,
  optionDisabled,
  initialActive,
  optionsFor,
  onSelect,
  onEnterWithoutOption,
  onEscape,
  onBlur,
  message,
  placeholder,
  disabled,
  className,
  listClassName,
  ...inputAria
}: ComboboxProps<T>) {
  const listId = useId();
  const anchor = useRef<HTMLDivElement>(null);
  // Typing or a new list of options resets the highlight (derived state, set during render), so
  // a highlight the user moved somewhere never survives into a different search.
  const stale = optionsFor !== undefined && optionsFor !== text;
  const resetKey = [text, String(stale), ...options.map(optionKey)].join("\n");
  const [active, setActive] = useState(-1);
  const [activeFor, setActiveFor] = useState<string | null>(null);
  if (activeFor !== resetKey) {
    setActiveFor(resetKey);
    setActive(initialActive && !stale ? initialActive(options) : -1);
  }
  const shown = open && !disabled;
  const activeId = shown && active >= 0 && active < options.length ? `${listId}-${active}` : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  function choose(option: T | undefined) {
    if (option === undefined || optionDisabled?.(option)) return;
    onSelect(option);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = options.length - 1;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        if (!shown) return onOpenChange(true);
        if (last < 0) return;
        const down = event.key === "ArrowDown";
        setActive((current) => (current < 0 ? (down ? 0 : last) : (current + (down ? 1 : -1) + last + 1) % (last + 1)));
        return;
      }
      case "Home":
      case "End":
        if (!shown || last < 0) return;
        event.preventDefault();
        setActive(event.key === "Home" ? 0 : last);
        return;
      case "Enter":
        event.preventDefault();
        if (activeId) choose(options[active]);
        else onEnterWithoutOption?.();
        return;
      case "Escape":
        if (shown) {
          // The list is the topmost layer: Esc closes it, not a dialog around it.
          event.preventDefault();
          event.stopPropagation();
          onOpenChange(false);
        }
        onEscape?.();
        return;
    }
  }

  return (
    <PopoverPrimitive.Root open={shown} onOpenChange={(next) => next || onOpenChange(false)}>
      <PopoverPrimitive.Anchor asChild>
        <div ref={anchor}>
          <input
            role="combobox"
            aria-expanded={shown}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeId}
            autoComplete="off"
            value={text}
            disabled={disabled}
            placeholder={placeholder}
            onChange={(event) => {
              onTextChange(event.target.value);
              onOpenChange(true);
            }}
            onFocus={() => onOpenChange(true)}
            onClick={() => onOpenChange(true)}
            onBlur={() => onBlur?.()}
            onKeyDown={onKeyDown}
            className={cn(controlClasses, "h-8 text-[13px]", className)}
            {...inputAria}
          />
        </div>
      </PopoverPrimitive.Anchor>
      <PopoverPrimitive.Content
        role={undefined}
        align="start"
        sideOffset={4}
        onOpenAutoFocus={(event) => event.preventDefault()}
        onCloseAutoFocus={(event) => event.preventDefault()}
        onInteractOutside={(event) => {
          if (event.target instanceof Node && anchor.current?.contains(event.target)) event.preventDefault();
        }}
        className={cn(
          "z-50 max-h-64 w-(--radix-popover-trigger-width) overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg",
          listClassName,
        )}
      >
        <ul id={listId} role="listbox" aria-label={listLabel}>
          {options.map((option, index) => {
            const unavailable = optionDisabled?.(option) ?? false;
            return (
              <li
                key={optionKey(option)}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                aria-disabled={unavailable || undefined}
                // Keeps focus (and the caret) in the input while an option is clicked.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
                onMouseEnter={() => setActive(index)}
                className={cn(
                  "flex items-baseline justify-between gap-3 px-2.5 py-1.5",
                  unavailable ? "cursor-default text-slate-400" : "cursor-pointer",
                  index === active && "bg-indigo-50",
                )}
              >
                {renderOption(option)}
              </li>
            );
          })}
        </ul>
        {message ? (
          <p aria-live="polite" className="px-2.5 py-1 text-xs text-slate-500">
            {message}
          </p>
        ) : null}
      </PopoverPrimitive.Content>
    </PopoverPrimitive.Root>
  );
}
