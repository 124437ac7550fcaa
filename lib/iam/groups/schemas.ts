import { z } from "zod";
import { PERMISSIONS } from "@/lib/access/permissions";
import { description, guid, SLUG_PATTERN } from "@/lib/validation/common";

export const groupName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    "Name must be 1–63 lowercase letters, digits or hyphens, starting with a letter or digit",
  );

const methodName = z
  .string()
  .regex(/^(\*|[a-z][a-zA-Z]*(\/[a-zA-Z]+)*)$/, "method must be an MCP method like tools/call, or *");
const toolName = z.string().min(1, "tool name is required").max(128, "tool name must be at most 128 characters");

export const serverAccessRuleSchema = z.strictObject({
  server: z.string().refine((value) => value === "*" || SLUG_PATTERN.test(value), "server must be a server slug or *"),
  methods: z.array(methodName).max(50).default(["*"]),
  // Empty grants no tools (fail closed); the UI says so.
  tools: z.array(toolName).max(1000).default([]),
});
export type ServerAccessRuleInput = z.infer<typeof serverAccessRuleSchema>;

export const entraMappingsSchema = z.strictObject({
  groups: z.array(guid("Entra group object id")).max(200).default([]),
  appRoles: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(120)
        .regex(/^[^\s,]+$/, "app role values have no spaces or commas"),
    )
    .max(200)
    .default([]),
});

export const createGroupSchema = z.strictObject({
  name: groupName,
  description: description.default(""),
  entraMappings: entraMappingsSchema.default({ groups: [], appRoles: [] }),
  serverAccess: z.array(serverAccessRuleSchema).max(500).default([]),
  permissions: z.array(z.enum(PERMISSIONS)).default([]),
});
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

export const updateGroupSchema = z.strictObject({
  description: description.optional(),
  entraMappings: entraMappingsSchema.optional(),
  serverAccess: z.array(serverAccessRuleSchema).max(500).optional(),
  permissions: z.array(z.enum(PERMISSIONS)).optional(),
  /** Optimistic concurrency: the version the editor started from. */
  version: z.number().int().min(1).optional(),
});
export type UpdateGroupInput = z.infer<typeof updateGroupSchema>;

export interface GroupRecord {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  entraMappings: { groups: string[]; appRoles: string[] };
  serverAccess: { server: string; methods: string[]; tools: string[] }[];
  permissions: string[];
  members: { users: string[]; m2mAccounts: string[] };
  version: number;
  createdAt: string;
  updatedAt: string;
}
