import { z } from "zod";

export const explainSchema = z.union([
  z.strictObject({ userId: z.string().uuid("userId must be a user id") }),
  z.strictObject({ m2mAccountId: z.string().uuid("m2mAccountId must be an M2M account id") }),
  z.strictObject({ groupName: z.string().min(1).max(63) }),
  z.strictObject({ token: z.string().min(1, "paste a token").max(16384, "a token is at most 16 KiB") }),
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
