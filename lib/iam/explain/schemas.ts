import { z } from "zod";
import { slug } from "@/lib/validation/common";

/** Optional "can it call…?" question asked alongside any subject: a server and a tool and/or method. */
const question = {
  server: slug("server").optional(),
  tool: z.string().trim().min(1, "tool must not be empty").max(128, "tool is at most 128 characters").optional(),
  method: z
    .string()
    .trim()
    .regex(/^[a-z][a-zA-Z/_-]{0,63}$/, "method must be an MCP method such as tools/call")
    .optional(),
};

const needsServer = (input: { server?: string; tool?: string; method?: string }) =>
  input.server !== undefined || (input.tool === undefined && input.method === undefined);
const serverIssue = { message: "name the server the tool or method is on", path: ["server"] };

export const explainSchema = z.union([
  z.strictObject({ userId: z.string().uuid("userId must be a user id"), ...question }).refine(needsServer, serverIssue),
  z
    .strictObject({ m2mAccountId: z.string().uuid("m2mAccountId must be an M2M account id"), ...question })
    .refine(needsServer, serverIssue),
  z.strictObject({ groupName: z.string().min(1).max(63), ...question }).refine(needsServer, serverIssue),
  z
    .strictObject({ token: z.string().min(1, "paste a token").max(16384, "a token is at most 16 KiB"), ...question })
    .refine(needsServer, serverIssue),
]);
export type ExplainInput = z.infer<typeof explainSchema>;

export interface ExplainStep {
  step: string;
  ok: boolean;
  detail: string;
}

export interface ExplainedServer {
  slug: string;
  name: string;
  enabled: boolean;
  methods: "*" | string[];
  tools: "*" | string[];
  reasons: { group: string; rule: number | null; via: unknown[] }[];
}
