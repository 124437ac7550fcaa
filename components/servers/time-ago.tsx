"use client";

import { useEffect, useState } from "react";
import { formatDateTime } from "@/components/ui/time";

function ago(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/**
 * "3 min ago", kept current. The server render shows the absolute UTC time (the client's clock
 * is unknown there), so the first client render matches it and switches after mounting.
 */
export function TimeAgo({ value }: { value: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={value} title={formatDateTime(value)} className="whitespace-nowrap">
      {now === null ? formatDateTime(value) : ago(now - Date.parse(value))}
    </time>
  );
}
