import { z } from "zod";
import { cursorParam } from "@/lib/validation/common";
import { REGISTRY_NAME_PATTERN } from "./registry-name";

/** GET /v0.1/servers: the official registry's query parameters. */
export const officialListQuery = z.object({
  cursor: cursorParam(["text"]),
  limit: z.coerce.number().int().min(1, "limit must be 1–100").max(100, "limit must be 1–100").default(30),
  search: z.string().trim().max(200).optional(),
  updated_since: z.iso
    .datetime({ offset: true, message: "updated_since must be an RFC 3339 date-time, e.g. 2025-08-07T13:15:04Z" })
    .optional(),
  version: z.string().trim().min(1).max(255).optional(),
});
export type OfficialListQuery = z.infer<typeof officialListQuery>;

// A malformed name or version is answered like an absent server (404): nothing is revealed.
export const serverNameParams = z.object({ serverName: z.string().min(3).max(200).regex(REGISTRY_NAME_PATTERN) });
export const serverVersionParams = serverNameParams.extend({ version: z.string().min(1).max(255) });
