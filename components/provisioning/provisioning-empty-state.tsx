import { EmptyState } from "@/components/ui/empty-state";

export function ProvisioningEmptyState({ canWrite }: { canWrite: boolean }) {
  return (
    <EmptyState
      title="No provisioning secrets yet"
      description={
        canWrite
          ? "Create a secret to let Entra ID create, update and disable registry users and groups through SCIM."
          : "An IAM admin (iam:write) can create one to connect Entra ID provisioning."
      }
    />
  );
}
