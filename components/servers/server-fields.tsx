"use client";

import type { ReactNode } from "react";
import type { FieldErrors } from "@/components/ui/form-errors";
import { FormField, type FieldControlProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { SERVER_FIELD_MAX, type ServerDraft, type ServerField } from "./server-draft";

interface ServerFieldsProps {
  draft: ServerDraft;
  /** Only the errors to show now (touched fields, or all after a submit). */
  errors: FieldErrors;
  onChange: (field: ServerField, value: string) => void;
  onBlur: (field: ServerField) => void;
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
export function ServerFields({ draft, errors, onChange, onBlur, slugEditable, disabled }: ServerFieldsProps) {
  const text =
    (field: ServerField, extra: { mono?: boolean; placeholder?: string; autoFocus?: boolean } = {}) =>
    (control: FieldControlProps) => (
      <Input
        {...control}
        mono={extra.mono}
        placeholder={extra.placeholder}
        data-autofocus={extra.autoFocus || undefined}
        value={draft[field]}
        disabled={disabled}
        onChange={(event) => onChange(field, event.target.value)}
        onBlur={() => onBlur(field)}
        autoComplete="off"
        spellCheck={false}
      />
    );
  const hint = (field: ServerField, words: ReactNode) => (
    <Hint text={words} length={draft[field].length} max={SERVER_FIELD_MAX[field]} />
  );
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        {slugEditable ? (
          <FormField
            label="Slug"
            required
            name="slug"
            error={errors.slug}
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
          error={errors.name}
          hint={hint("name", "Shown in the catalog.")}
          className={slugEditable ? undefined : "sm:col-span-2"}
        >
          {text("name", { placeholder: "GitHub", autoFocus: !slugEditable })}
        </FormField>
      </div>
      <FormField
        label="Description"
        name="description"
        error={errors.description}
        hint={hint("description", "What the server does and who owns it.")}
      >
        {(control) => (
          <Textarea
            {...control}
            rows={2}
            value={draft.description}
            disabled={disabled}
            onChange={(event) => onChange("description", event.target.value)}
            onBlur={() => onBlur("description")}
          />
        )}
      </FormField>
      <FormField
        label="URL"
        required
        name="url"
        error={errors.url}
        hint={hint("url", "The upstream MCP endpoint the gateway forwards to.")}
      >
        {text("url", { mono: true, placeholder: "https://mcp.example.com/mcp" })}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Transport" name="transport" error={errors.transport}>
          {(control) => (
            <Select
              {...control}
              options={TRANSPORTS}
              value={draft.transport}
              disabled={disabled}
              onChange={(event) => onChange("transport", event.target.value)}
              onBlur={() => onBlur("transport")}
            />
          )}
        </FormField>
        <FormField
          label="Version"
          name="version"
          error={errors.version}
          hint={hint("version", "Optional, e.g. 1.4.0.")}
        >
          {text("version", { mono: true })}
        </FormField>
      </div>
      <FormField
        label="Tags"
        name="tags"
        error={errors.tags}
        hint={hint("tags", "Comma-separated lowercase words, e.g. “code, ci”. At most 20.")}
      >
        {text("tags", { placeholder: "code, ci" })}
      </FormField>
      {errors.form ? (
        <p role="alert" className="text-[13px] text-red-700">
          {errors.form}
        </p>
      ) : null}
    </div>
  );
}
