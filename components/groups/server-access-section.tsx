"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import type { FieldErrors } from "react-hook-form";
import { errorAt } from "@/components/ui/error-at";
import { newRule, type GroupDraft, type RuleDraft } from "./group-draft";
import { MethodPicker } from "./method-picker";
import { ServerPicker } from "./server-picker";
import { ToolPicker } from "./tool-picker";

/**
 * Slugs that rules name but no registered server has. A warning, not an error: a rule may be
 * written before its server is registered, and applies from then on.
 */
export function missingServers(rules: Pick<RuleDraft, "server">[], knownServers: string[] | undefined): string[] {
  if (!knownServers) return [];
  return [
    ...new Set(
      rules
        .map((rule) => rule.server.trim())
        .filter((server) => server !== "" && server !== "*" && !knownServers.includes(server)),
    ),
  ];
}

function RuleEditor({
  rule,
  index,
  onChange,
  onRemove,
  errors,
  disabled,
  missing,
}: {
  rule: RuleDraft;
  index: number;
  onChange: (next: RuleDraft) => void;
  onRemove: () => void;
  errors: FieldErrors<GroupDraft>;
  disabled?: boolean;
  missing: boolean;
}) {
  const path = `serverAccess.${index}`;
  // useId, not the rule's key: keys come from a module counter that differs between the server
  // render and the browser, so key-based ids could collide with a rule added later (two inputs, one label).
  const idPrefix = `rule${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <li className="rounded-md border border-slate-200 bg-slate-50/50 p-3" aria-label={`Rule ${index + 1}`}>
      <div className="mb-3 flex items-start justify-between gap-3">
        <FormField
          label={`Rule ${index + 1}: server`}
          id={`${idPrefix}-server`}
          error={errorAt(errors, `${path}.server`)}
          hint={
            rule.server === "*" ? (
              <span className="font-medium text-amber-800">Every server, including servers registered later.</span>
            ) : missing ? (
              <span className="font-medium text-amber-800">
                No server {rule.server} is registered (yet). The rule is kept and applies once it is.
              </span>
            ) : undefined
          }
          className="w-full max-w-sm"
        >
          {(control) => (
            <ServerPicker
              {...control}
              value={rule.server}
              onChange={(server) =>
                onChange({
                  ...rule,
                  server,
                  tools: server === rule.server ? rule.tools : rule.tools.filter((t) => t === "*"),
                })
              }
              disabled={disabled}
            />
          )}
        </FormField>
        {disabled ? null : (
          <Button
            variant="ghost"
            size="sm"
            onClick={onRemove}
            aria-label={`Remove rule ${index + 1}`}
            className="mt-5 text-red-700! hover:bg-red-50!"
          >
            Remove
          </Button>
        )}
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <MethodPicker
          idPrefix={idPrefix}
          methods={rule.methods}
          onChange={(methods) => onChange({ ...rule, methods })}
          disabled={disabled}
          error={errorAt(errors, `${path}.methods`)}
        />
        <ToolPicker
          idPrefix={idPrefix}
          server={rule.server}
          tools={rule.tools}
          onChange={(tools) => onChange({ ...rule, tools })}
          disabled={disabled}
          error={errorAt(errors, `${path}.tools`)}
        />
      </div>
    </li>
  );
}

export function ServerAccessSection({
  rules,
  onChange,
  errors,
  disabled,
  knownServers,
}: {
  rules: RuleDraft[];
  onChange: (next: RuleDraft[]) => void;
  errors: FieldErrors<GroupDraft>;
  disabled?: boolean;
  knownServers?: string[];
}) {
  const missing = missingServers(rules, knownServers);
  const listError = errors.serverAccess?.message ?? errors.serverAccess?.root?.message;
  return (
    <Card aria-labelledby="server-access-heading">
      <CardHeader
        id="server-access-heading"
        title="Server access rules"
        description="Which servers members see, which MCP methods they may call and which tools they see and call. Access is the union of all rules of all their groups."
        actions={
          disabled ? null : (
            <Button size="sm" onClick={() => onChange([...rules, newRule()])}>
              Add rule
            </Button>
          )
        }
      />
      <CardBody>
        {rules.length === 0 ? (
          <p className="py-4 text-center text-[13px] text-slate-500">
            No rules: members of this group see no servers through it.{" "}
            {disabled ? "" : "Add a rule to grant a server (or All servers) with its methods and tools."}
          </p>
        ) : (
          <ol className="space-y-3">
            {rules.map((rule, index) => (
              <RuleEditor
                key={rule.key}
                rule={rule}
                index={index}
                errors={errors}
                disabled={disabled}
                missing={missing.includes(rule.server.trim())}
                onChange={(next) => onChange(rules.map((r) => (r.key === rule.key ? next : r)))}
                onRemove={() => onChange(rules.filter((r) => r.key !== rule.key))}
              />
            ))}
          </ol>
        )}
        {listError ? <p className="mt-2 text-xs text-red-700">{listError}</p> : null}
      </CardBody>
    </Card>
  );
}
