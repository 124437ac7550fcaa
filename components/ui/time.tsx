/**
 * Deterministic UTC formatting (same text on server and client, so no hydration mismatch):
 * "2025-03-14 09:26 UTC". The full ISO value is in the title and dateTime.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function Time({
  value,
  empty = "Never",
  className,
  wrap = false,
}: {
  value: string | null | undefined;
  empty?: string;
  className?: string;
  /** May break between the date and the time (narrow table columns), never inside either. */
  wrap?: boolean;
}) {
  if (!value) return <span className="text-slate-400">{empty}</span>;
  const text = formatDateTime(value);
  const split = text.indexOf(" ");
  return (
    <time dateTime={value} title={value} className={className ?? "whitespace-nowrap tabular-nums"}>
      {wrap && split > 0 ? (
        <>
          <span className="whitespace-nowrap">{text.slice(0, split)}</span>{" "}
          <span className="whitespace-nowrap">{text.slice(split + 1)}</span>
        </>
      ) : (
        text
      )}
    </time>
  );
}
