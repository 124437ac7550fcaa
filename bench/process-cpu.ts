import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU milliseconds (user + system) used so far by a process and all its descendants, from
 * /proc (Linux). Throughput on a shared machine moves with everyone else's load; CPU time per
 * request does not, so it is the figure to compare between runs.
 */
export function processTreeCpuMs(rootPid: number): number {
  const tickMs = 1000 / 100; // USER_HZ is 100 on Linux
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may contain spaces and parentheses: fields start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += stats.get(pid)?.ticks ?? 0;
    for (const [child, stat] of stats) if (stat.ppid === pid) pending.push(child);
  }
  return total * tickMs;
}
