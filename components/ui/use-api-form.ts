"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { BaseSyntheticEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type PathValue } from "react-hook-form";
import type { z } from "zod";
import { applyApiError, type ApiErrorMapping } from "./apply-api-error";
import { errorAt } from "./error-at";
import { useApiCall } from "./use-api-call";

export interface UseApiFormOptions<Input extends FieldValues, Output> extends ApiErrorMapping<Input> {
  /** The API's own schema, or one derived from it (.pick/.partial/.extend): form and server agree. */
  schema: z.ZodType<Output, Input>;
  defaultValues: DefaultValues<Input>;
}

/**
 * A form that sends to the JSON API: React Hook Form checked by a Zod schema. Errors are worked
 * out on every change and blur but shown only as fieldError says; API refusals land on their
 * fields (see applyApiError). `pending` is true while a submit or its API call runs.
 */
export function useApiForm<Input extends FieldValues, Output>({
  schema,
  defaultValues,
  ...mapping
}: UseApiFormOptions<Input, Output>) {
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues,
    // Checked on every change and every blur; fieldError decides what is shown.
    mode: "all",
    reValidateMode: "onChange",
  });
  const { formState } = form;
  // formState is a proxy that tracks only what render reads: read these now so fieldError sees them current.
  const { errors, isDirty, isSubmitted, isSubmitting, dirtyFields, touchedFields } = formState;
  void [dirtyFields, touchedFields];
  const fieldNames = Object.keys(defaultValues);
  const call = useApiCall();

  return {
    form,
    // A submit useApiCall drops (another runs) ends at once and clears isSubmitting; the running call still counts.
    pending: isSubmitting || call.pending,
    /** The refusal that belongs to no field (network, permission, conflict…), or undefined. */
    formError: errors.root?.server?.message,
    /** The form-level error is a 409: someone changed the item meanwhile, or a guard refused. */
    conflict: errors.root?.server?.type === "conflict",
    /**
     * The error to show on a field (or under it: "tags" finds "tags.1") now, or undefined: after a
     * submit, for an API refusal, or once the field was left while the form holds typed changes
     * (tabbing through a pristine form flags nothing; leaving a required field empty after typing
     * elsewhere does).
     */
    fieldError(name: Path<Input>): string | undefined {
      const message = errorAt(errors, name);
      if (!message) return undefined;
      const state = form.getFieldState(name, formState);
      const left = state.isTouched && (state.isDirty || isDirty);
      return isSubmitted || left || state.error?.type === "server" ? message : undefined;
    },
    /** The first error at or under a path, once the form was sent ("rules.2" finds "rules.2.tools.0"). */
    errorUnder(path: string): string | undefined {
      return isSubmitted ? errorAt(errors, path) : undefined;
    },
    /** For controls that are not native inputs (checkbox lists, pickers): counts as typed in and left. */
    setField<N extends Path<Input>>(name: N, value: PathValue<Input, N>) {
      form.setValue(name, value, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
    },
    /** The form's onSubmit: checks, then runs `send`; a thrown API error is put on the form. */
    onSubmit(send: (values: Output) => Promise<void>): (event?: BaseSyntheticEvent) => Promise<void> {
      const submit = form.handleSubmit(async (values) => {
        await call.run(
          () => send(values),
          (error) => applyApiError(form, error, fieldNames, mapping),
        );
      });
      // A second Enter while the first request runs must not send it twice.
      return async (event) => {
        if (!form.formState.isSubmitting) return submit(event);
        event?.preventDefault();
      };
    },
  };
}

/** What useApiForm returns, for field components that a form hands its state to. */
export type ApiForm<Input extends FieldValues, Output = Input> = ReturnType<typeof useApiForm<Input, Output>>;
