"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiRequest } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useApiCall } from "@/components/ui/use-api-call";
import type { CallAnswer } from "@/lib/iam/explain/explain-call";
import { CallAnswerCard } from "./call-answer";
import { CallQuestionFields, type CallQuestionDraft } from "./call-question-fields";
import { ExplainResult, type ExplainResponse } from "./explain-result";

type Kind = "user" | "m2m" | "group" | "token";
const SUBJECT_PARAM: Record<Exclude<Kind, "token">, string> = {
  user: "userId",
  m2m: "m2mAccountId",
  group: "groupName",
};
interface Option {
  value: string;
  label: string;
}

/**
 * "View as": pick a user, M2M account or group, or paste a token; the server explains. With a
 * server (and tool or method) it also answers "can it make this call?". The question is kept in
 * the URL so it can be shared — except a pasted token, which is a secret and never goes there.
 */
export function AccessExplorer({
  users,
  m2mAccounts,
  groups,
  initial,
  initialQuestion,
}: {
  users: Option[];
  m2mAccounts: Option[];
  groups: Option[];
  initial?: { kind: Kind; subject: string };
  initialQuestion?: CallQuestionDraft;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [question, setQuestion] = useState<CallQuestionDraft>(initialQuestion ?? { server: "", tool: "", method: "" });
  const [kind, setKind] = useState<Kind>(initial?.kind ?? "user");
  const [subject, setSubject] = useState(initial?.subject ?? "");
  const [token, setToken] = useState("");
  const { pending, error, run } = useApiCall();
  const [result, setResult] = useState<(ExplainResponse & { call?: CallAnswer | null }) | null>(null);
  const options = kind === "user" ? users : kind === "m2m" ? m2mAccounts : groups;

  const form = useRef<HTMLFormElement>(null);
  // Opened from a "View access" link: explain the preselected subject straight away.
  useEffect(() => {
    if (initial?.subject) form.current?.requestSubmit();
  }, [initial?.subject]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const asked = Object.fromEntries(
      Object.entries(question)
        .map(([key, value]) => [key, value.trim()])
        .filter(([, value]) => value !== ""),
    );
    const body = { ...(kind === "token" ? { token } : { [SUBJECT_PARAM[kind]]: subject }), ...asked };
    if (kind !== "token")
      router.replace(`${pathname}?${new URLSearchParams({ [SUBJECT_PARAM[kind]]: subject, ...asked }).toString()}`, {
        scroll: false,
      });
    await run(async () => {
      try {
        setResult(await apiRequest<ExplainResponse & { call: CallAnswer | null }>("POST", "/api/iam/explain", body));
      } catch (failure) {
        // The previous answer must not stay under a refusal, where it would read as this question's.
        setResult(null);
        throw failure;
      }
    });
  }

  return (
    <div className="space-y-4">
      <form
        ref={form}
        onSubmit={submit}
        aria-label="Explain access"
        className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[12rem_minmax(0,1fr)] sm:items-end"
      >
        <FormField label="View as">
          {(control) => (
            <Select
              {...control}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as Kind);
                setSubject("");
                setResult(null);
              }}
              options={[
                { value: "user", label: "User" },
                { value: "m2m", label: "M2M account" },
                { value: "group", label: "Group" },
                { value: "token", label: "Pasted token" },
              ]}
            />
          )}
        </FormField>
        {kind === "token" ? (
          <FormField
            label="Token"
            hint="An mcpr_ registry token or an Entra access token. It is checked, never stored or logged."
          >
            {(control) => (
              <Textarea
                {...control}
                rows={2}
                value={token}
                onChange={(e) => setToken(e.target.value)}
                spellCheck={false}
                className="font-mono"
              />
            )}
          </FormField>
        ) : (
          <FormField label={kind === "user" ? "User" : kind === "m2m" ? "M2M account" : "Group"}>
            {(control) => (
              <Select
                {...control}
                value={subject}
                onChange={(e) => setSubject(e.target.value)}
                options={[{ value: "", label: "Choose…" }, ...options]}
              />
            )}
          </FormField>
        )}
        <CallQuestionFields value={question} onChange={setQuestion} />
        <Button
          type="submit"
          variant="primary"
          className="justify-self-end sm:col-span-2"
          pending={pending}
          disabled={kind === "token" ? token.trim() === "" : subject === ""}
        >
          Explain
        </Button>
      </form>
      {error ? (
        <Alert tone="danger" title="Could not explain">
          {error}
        </Alert>
      ) : null}
      {result?.call ? (
        <CallAnswerCard answer={result.call} subject={result.subject?.displayName ?? "this token"} />
      ) : null}
      {result ? <ExplainResult result={result} /> : null}
    </div>
  );
}
