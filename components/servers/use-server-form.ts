"use client";

import { useState } from "react";
import { ApiRequestError } from "@/components/ui/api-request";
import { apiFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { SERVER_FIELDS, type DraftCheck, type ServerDraft, type ServerField } from "./server-draft";

/**
 * Form state for a server dialog: errors come from the API's schema on every keystroke but are
 * shown only for fields the user has left once, or for all fields after a submit.
 */
export function useServerForm<T>(initial: ServerDraft, check: (draft: ServerDraft) => DraftCheck<T>) {
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<Set<ServerField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  const result = check(draft);
  const visible: FieldErrors = {};
  for (const [field, message] of Object.entries({ ...result.errors, ...serverErrors })) {
    if (submitted || touched.has(field as ServerField) || field === "form") visible[field] = message;
  }

  return {
    draft,
    errors: visible,
    change(field: ServerField, value: string) {
      setDraft((current) => ({ ...current, [field]: value }));
      setServerErrors(({ [field]: _dropped, ...rest }) => rest);
    },
    blur(field: ServerField) {
      setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));
    },
    /** The checked input, or null (and every error shown) when the draft is invalid. */
    submit(): T | null {
      setSubmitted(true);
      return result.ok ? result.input : null;
    },
    /** Puts an API refusal on its field: a taken slug (409) on the slug, 422 fields on theirs. */
    showApiError(error: unknown): boolean {
      if (error instanceof ApiRequestError && error.status === 409) {
        setServerErrors({ slug: error.message });
        return true;
      }
      if (error instanceof ApiRequestError && error.fields.length > 0) {
        setServerErrors(apiFieldErrors(error, SERVER_FIELDS));
        return true;
      }
      return false;
    },
    reset(next: ServerDraft) {
      setDraft(next);
      setTouched(new Set());
      setSubmitted(false);
      setServerErrors({});
    },
  };
}
