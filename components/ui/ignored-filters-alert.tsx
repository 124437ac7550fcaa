import { Alert } from "./alert";

/**
 * Says which URL filters a list ignored because they are not valid, and what valid looks like
 * (`rules`: "dates must be real dates; outcome is …"). Nothing when none was.
 */
export function IgnoredFiltersAlert({
  invalid,
  labels,
  rules,
}: {
  invalid: string[];
  /** The field label per parameter ("from" → "From"); a parameter without one is named as is. */
  labels: Record<string, string>;
  rules: string;
}) {
  if (invalid.length === 0) return null;
  const one = invalid.length === 1;
  return (
    <Alert tone="warning" title="Some filters were ignored">
      {`${invalid.map((key) => labels[key] ?? key).join(", ")} ${one ? "is" : "are"} not valid (${rules}). Fix ${one ? "it" : "them"} and apply again.`}
    </Alert>
  );
}
