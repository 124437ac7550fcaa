/** A datetime-local value ("2025-03-14T09:26") is read as UTC, the zone the lists are shown in. */
export function utcFromLocalInput(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)
    ? `${value.length === 16 ? `${value}:00` : value}Z`
    : value;
}

/** The datetime-local input value for a stored UTC filter ("…Z" → "2025-03-14T09:26"). */
export function toLocalInput(value: string | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 16);
}
