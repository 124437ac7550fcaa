import { canSeeTool, type EffectiveAccess } from "@/lib/access/effective-access";
import type { UsageOutcome } from "@/lib/usage/record-gateway-usage";
import { idKey } from "./authorize-messages";
import { isResponse, type JsonRpcResponse } from "./json-rpc";

export interface ToolCallOutcome {
  tool: string;
  outcome: UsageOutcome;
  detail?: string;
}

/**
 * Watches the messages an upstream sends back on one request: filters tools/list answers to the
 * caller's visible tools, and notes how each forwarded tools/call ended.
 */
export class ResponseWatch {
  private readonly pending: Map<string, string>;

  constructor(
    private readonly access: EffectiveAccess,
    private readonly slug: string,
    private readonly toolLists: Set<string>,
    toolCalls: Map<string, string>,
    /** GET streams may replay answers of earlier requests (Last-Event-ID): filter every tool list. */
    private readonly filterAnyToolList = false,
  ) {
    this.pending = new Map(toolCalls);
  }

  /** A replacement for `message` (a message or a batch), or undefined when it passes unchanged. */
  inspect = (message: unknown): unknown => {
    if (Array.isArray(message)) {
      const replaced = message.map((item) => this.inspectOne(item));
      return replaced.some((item) => item !== undefined)
        ? replaced.map((item, index) => item ?? message[index])
        : undefined;
    }
    return this.inspectOne(message);
  };

  private inspectOne(message: unknown): unknown {
    if (!isResponse(message)) return undefined;
    const key = idKey(message.id);
    const tool = this.pending.get(key);
    if (tool !== undefined) {
      this.pending.delete(key);
      this.onToolCall?.({ tool, ...outcomeOf(message) });
    }
    const tools = message.result?.tools;
    if (Array.isArray(tools) && (this.toolLists.has(key) || this.filterAnyToolList)) {
      // Fail closed: an entry without a name is not a tool anyone was granted.
      const visible = tools.filter((entry: unknown) => {
        const name = (entry as { name?: unknown } | null)?.name;
        return typeof name === "string" && canSeeTool(this.access, this.slug, name);
      });
      return { ...message, result: { ...message.result, tools: visible } };
    }
    return undefined;
  }

  onToolCall?: (outcome: ToolCallOutcome) => void;

  /** Calls still unanswered when the upstream's answer ended. */
  unanswered(detail: string, outcome: UsageOutcome = "upstream_error"): ToolCallOutcome[] {
    const left = [...this.pending.values()].map((tool) => ({ tool, outcome, detail }));
    this.pending.clear();
    return left;
  }
}

function outcomeOf(message: JsonRpcResponse): { outcome: UsageOutcome; detail?: string } {
  if (message.error)
    return { outcome: "error", detail: `${message.error.code}: ${String(message.error.message).slice(0, 200)}` };
  return message.result?.isError === true
    ? { outcome: "error", detail: "the tool reported an error (isError)" }
    : { outcome: "ok" };
}
