import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RegisterServerButton } from "./register-server-button";

/** Says why the catalog is empty: a filter, no server registered yet, no groups, or groups that grant no server. */
export function CatalogEmptyState({
  filtered,
  hasGroups,
  canManage,
  q,
  tag,
}: {
  filtered: boolean;
  hasGroups: boolean;
  canManage: boolean;
  q?: string;
  tag?: string;
}) {
  if (filtered) {
    const what = [q ? `“${q}”` : null, tag ? `tag ${tag}` : null].filter(Boolean).join(" and ");
    return (
      <EmptyState
        title={`No servers match ${what}`}
        description="Search looks at server names, descriptions, slugs and tags you can see. Try a shorter term or clear the filter."
        action={<ButtonLink href="/">Clear filters</ButtonLink>}
      />
    );
  }
  // Catalog managers see every server, so an empty catalog means none is registered.
  if (canManage) {
    return (
      <EmptyState
        title="No servers registered yet"
        description="Register the MCP servers your organisation runs, then grant them to groups with server access rules."
        action={<RegisterServerButton />}
      />
    );
  }
  return (
    <EmptyState
      title="Your catalog is empty"
      description={
        hasGroups
          ? "Your groups do not grant access to any server yet — ask an admin to add a server access rule to one of your groups."
          : "No servers are visible to you — ask an admin to add you to a group. Access to servers and tools comes from registry groups."
      }
    />
  );
}
