import { cn } from "./cn";
import { CopyButton } from "./copy-button";

/**
 * Preformatted code with an optional title and a copy button. Long lines scroll inside the block:
 * contain-inline-size keeps them from widening whatever holds it (a card in a grid, a phone's page).
 */
export function CodeBlock({
  code,
  title,
  language,
  copyLabel,
  className,
  maxHeight = "24rem",
}: {
  code: string;
  title?: string;
  language?: string;
  copyLabel?: string;
  className?: string;
  maxHeight?: string;
}) {
  return (
    <figure
      className={cn(
        "overflow-hidden rounded-lg [contain:inline-size] border border-slate-800 bg-slate-950 text-slate-100",
        className,
      )}
    >
      <figcaption className="flex items-center justify-between gap-2 border-b border-slate-800 px-3 py-1.5">
        <span className="text-xs font-medium text-slate-400">{title ?? language ?? "Code"}</span>
        <CopyButton value={code} label={copyLabel ?? `Copy ${title ?? "code"}`} variant="inverse" />
      </figcaption>
      <pre className="overflow-auto p-3 font-mono text-[12.5px] leading-relaxed" style={{ maxHeight }} tabIndex={0}>
        <code data-language={language}>{code}</code>
      </pre>
    </figure>
  );
}
