"use client";

import type { ReactNode } from "react";
import { errorIndexes } from "@/components/ui/error-at";
import { FormField, type FieldControlProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ApiForm } from "@/components/ui/use-api-form";
import { SERVER_FIELD_MAX, tagsError, type ServerDraft, type ServerField } from "./server-draft";

export type ServerForm = ApiForm<ServerDraft, unknown>;

interface ServerFieldsProps {
  form: ServerForm;
  /** The slug names the server in URLs and group rules: set once, at registration. */
  slugEditable: boolean;
  disabled?: boolean;
}

const TRANSPORTS = [
  { value: "streamable-http", label: "Streamable HTTP" },
  { value: "sse", label: "SSE (legacy)" },
];

function Hint({ text, length, max }: { text: ReactNode; length: number; max?: number }) {
  return (
    <span className="flex justify-between gap-3">
      <span>{text}</span>
      {max ? (
        <span
          className={length > max ? "shrink-0 text-red-700 tabular-nums" : "shrink-0 tabular-nums"}
        >{`${length}/${max}`}</span>
      ) : null}
    </span>
  );
}

/** The server inputs shared by "Register a server" and "Edit". */
export function ServerFields({ form: { form, fieldError }, slugEditable, disabled }: ServerFieldsProps) {
  const values = form.watch();
  const text =
    (field: ServerField, extra: { mono?: boolean; placeholder?: string; autoFocus?: boolean } = {}) =>
    (control: FieldControlProps) => (
      <Input
        {...control}
        {...form.register(field)}
        mono={extra.mono}
        placeholder={extra.placeholder}
        data-autofocus={extra.autoFocus || undefined}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
      />
    );
  const hint = (field: ServerField, words: ReactNode) => (
    <Hint text={words} length={(values[field] ?? "").length} max={SERVER_FIELD_MAX[field]} />
  );
  const [badTag] = errorIndexes(form.formState.errors, "tags");
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        {slugEditable ? (
          <FormField
            label="Slug"
            required
            name="slug"
            error={fieldError("slug")}
            hint={hint(
              "slug",
              "Lowercase letters, digits, hyphens. Used in URLs and group rules; cannot change later.",
            )}
          >
            {text("slug", { mono: true, placeholder: "github", autoFocus: true })}
          </FormField>
        ) : null}
        <FormField
          label="Name"
          required
          name="name"
          error={fieldError("name")}
          hint={hint("name", "Shown in the catalog.")}
          className={slugEditable ? undefined : "sm:col-span-2"}
        >
          {text("name", { placeholder: "GitHub", autoFocus: !slugEditable })}
        </FormField>
      </div>
      <FormField
        label="Description"
        name="description"
        error={fieldError("description")}
        hint={hint("description", "What the server does and who owns it.")}
      >
        {(control) => <Textarea {...control} {...form.register("description")} rows={2} disabled={disabled} />}
      </FormField>
      <FormField
        label="URL"
        required
        name="url"
        error={fieldError("url")}
        hint={hint("url", "The upstream MCP endpoint the gateway forwards to.")}
      >
        {text("url", { mono: true, placeholder: "https://mcp.example.com/mcp" })}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Transport" name="transport" error={fieldError("transport")}>
          {(control) => (
            <Select {...control} {...form.register("transport")} options={TRANSPORTS} disabled={disabled} />
          )}
        </FormField>
        <FormField
          label="Version"
          name="version"
          error={fieldError("version")}
          hint={hint("version", "Optional, e.g. 1.4.0.")}
        >
          {text("version", { mono: true })}
        </FormField>
      </div>
      <FormField
        label="Tags"
        name="tags"
        error={tagsError(values.tags, badTag, fieldError("tags"))}
        hint={hint("tags", "Comma-separated lowercase words, e.g. “code, ci”. At most 20.")}
      >
        {text("tags", { placeholder: "code, ci" })}
      </FormField>
    </div>
  );
}
