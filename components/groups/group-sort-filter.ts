import type { ListFilter } from "@/components/ui/list-filters";

/**
 * The Groups list's sort as a select beside the search: the column headers sort too, but the
 * Updated column only shows on wide screens, and a select reaches every order from the keyboard.
 */
export const GROUP_SORT_FILTER: ListFilter = {
  name: "sort",
  label: "Sort",
  options: [
    { value: "", label: "Name A–Z" },
    { value: "-name", label: "Name Z–A" },
    { value: "-updatedAt", label: "Recently updated" },
    { value: "-createdAt", label: "Newest first" },
    { value: "createdAt", label: "Oldest first" },
  ],
};
