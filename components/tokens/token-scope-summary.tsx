import { describeToken, type TokenScopeChoice } from "@/lib/tokens/describe-token";

/** The create dialog's plain statement of what the token will be able to do. */
export function TokenScopeSummary(choice: TokenScopeChoice) {
  return (
    <section
      aria-label="What this token can do"
      className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-[13px] text-slate-700"
    >
      <p className="font-semibold text-slate-800">What this token can do</p>
      <ul className="mt-0.5 list-disc space-y-0.5 pl-5">
        {describeToken(choice).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
