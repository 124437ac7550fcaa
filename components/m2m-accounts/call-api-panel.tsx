import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { Tabs } from "@/components/ui/tabs";
import { curlSnippet, msalSnippet, type CallApiParams } from "./call-api-snippets";

/** The exact client-credentials request for this account, then a registry call with the token. */
export function CallApiPanel(props: CallApiParams) {
  return (
    <Card aria-labelledby="call-api-heading">
      <CardHeader
        id="call-api-heading"
        title="How to call the API"
        description="The app gets its own Entra ID access token with a client secret (or certificate) from its app registration, then sends it as a Bearer token."
      />
      <CardBody className="space-y-3">
        <Tabs
          label="Client-credentials examples"
          items={[
            {
              id: "curl",
              label: "curl",
              content: (
                <CodeBlock
                  title="Shell (curl + jq)"
                  language="bash"
                  code={curlSnippet(props)}
                  copyLabel="Copy curl example"
                />
              ),
            },
            {
              id: "msal",
              label: "@azure/msal-node",
              content: (
                <CodeBlock
                  title="Node.js (@azure/msal-node)"
                  language="javascript"
                  code={msalSnippet(props)}
                  copyLabel="Copy msal-node example"
                />
              ),
            },
          ]}
        />
        <p className="text-xs text-slate-500">
          {props.demoSecret ? (
            <>
              This is the bundled Entra ID emulator: the examples carry this demo app&apos;s secret and trust the
              emulator&apos;s self-signed certificate, so they run as shown.{" "}
            </>
          ) : (
            <>
              Set <code className="font-mono">CLIENT_SECRET</code> to a client secret of the app registration.{" "}
            </>
          )}
          The token&apos;s audience must be
          <code className="mx-1 font-mono">api://{props.apiClientId}</code>; the registry answers 403{" "}
          <code className="font-mono">client_not_registered</code> while this account is disabled.
        </p>
      </CardBody>
    </Card>
  );
}
