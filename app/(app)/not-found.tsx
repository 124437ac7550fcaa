import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** One answer for "absent" and "not yours" (SPEC §3): nothing tells which it was. */
export default function NotFound() {
  return (
    <EmptyState
      className="py-24"
      title="Not found"
      description="This page does not exist, or you do not have access to it. If you expected to see it, ask a registry admin for access."
      action={<ButtonLink href="/">Back to the catalog</ButtonLink>}
    />
  );
}
