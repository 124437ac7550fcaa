import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type { OperationContext } from "@/lib/context";
import { replaceTools } from "@/lib/servers/replace-tools";
import { requireWritableServer } from "@/lib/servers/require-writable-server";
import { toolSchema, type ToolInput, type ToolRecord } from "@/lib/servers/schemas";
import { toToolRecord } from "@/lib/servers/server-record";
import { diffTools, type ToolDiff } from "./diff-tools";
import { getProbeTarget } from "./probe-target";
import { probeFailure, probeUpstream } from "./probe-upstream";
import { healthErrorText, recordServerHealth } from "./record-server-health";

export interface DiscoveryResult {
  /** The upstream's tools, as the registry would store them (name order). */
  tools: ToolRecord[];
  diff: ToolDiff;
  /** True when the upstream's list replaced the registry's (one audited `server.tools.replace`). */
  applied: boolean;
}

function toToolInput(tool: Tool): ToolInput {
  const parsed = toolSchema.safeParse({
    name: tool.name,
    description: tool.description ?? "",
    inputSchema: tool.inputSchema ?? { type: "object" },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw probeFailure(
      "not_mcp",
      `The upstream's tool ${JSON.stringify(String(tool.name).slice(0, 128))} cannot be stored: ${issue.path.join(".") || "tool"}: ${issue.message}.`,
    );
  }
  return parsed.data;
}

/**
 * Asks the server's upstream for its tools (initialize + every tools/list page, with the
 * server's upstream credentials) and compares them with the registry's list. With `apply`, the
 * upstream's list replaces the registry's through `replaceTools` (one audited transaction). The
 * probe also records the server's health (success or failure) since it is one.
 */
export async function discoverTools(
  ctx: OperationContext,
  input: { slug: string; apply: boolean; timeoutMs?: number },
): Promise<DiscoveryResult> {
  const { db } = ctx;
  const { slug, ...options } = input;
  // Probing an upstream with its stored credentials is a catalog manager's act, even without apply.
  await requireWritableServer(db, ctx, slug);
  const target = await getProbeTarget(db, slug);
  const checkedAt = new Date();
  let discovered: Tool[];
  try {
    const result = await probeUpstream(target, { listTools: true, timeoutMs: options.timeoutMs });
    discovered = result.tools ?? [];
    await recordServerHealth(db, target.id, { status: "up", checkedAt, latencyMs: result.latencyMs, error: null });
  } catch (error) {
    await recordServerHealth(db, target.id, {
      status: "down",
      checkedAt,
      latencyMs: null,
      error: healthErrorText(error),
    });
    throw error;
  }
  const byName = new Map<string, ToolInput>();
  for (const tool of discovered) byName.set(tool.name, toToolInput(tool));
  const tools = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (tools.length > 2000)
    throw probeFailure(
      "not_mcp",
      `The upstream lists ${tools.length} tools; the registry stores at most 2000 per server.`,
    );
  const current = await db.tool.findMany({ where: { serverId: target.id }, orderBy: { name: "asc" } });
  const diff = diffTools(
    current.map((row) => ({
      name: row.name,
      description: row.description,
      inputSchema: row.inputSchema as Record<string, unknown>,
    })),
    tools,
  );
  // The write checks again, inside its own transaction: the server may have been deleted or hidden during the probe.
  if (options.apply) await replaceTools(ctx, { slug, tools });
  return { tools: tools.map(toToolRecord), diff, applied: options.apply };
}
