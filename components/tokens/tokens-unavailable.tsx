import { Card, CardBody } from "@/components/ui/card";

/** Shown instead of the token UI to users whose groups lack tokens:create. */
export function TokensUnavailable({ groups }: { groups: string[] }) {
  return (
    <Card>
      <CardBody className="space-y-2 py-5 text-[13px] text-slate-600">
        <p className="text-sm font-semibold text-slate-900">You cannot create API tokens</p>
        <p>
          Creating registry API tokens needs the <code className="font-mono text-slate-800">tokens:create</code>{" "}
          permission, which comes from a registry group.
          {groups.length > 0 ? (
            <> Your groups ({groups.join(", ")}) do not grant it.</>
          ) : (
            <> You are not in any group yet.</>
          )}
        </p>
        <p>
          Ask a registry admin to add you to a group with{" "}
          <code className="font-mono text-slate-800">tokens:create</code>. Until then you can browse the catalog in the
          browser, or call the API with an Entra ID access token.
        </p>
      </CardBody>
    </Card>
  );
}
