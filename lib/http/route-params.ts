import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/validation/common";

// A malformed path parameter is answered like an absent object (404): nothing is revealed.
export const slugParams = z.object({ slug: z.string().regex(SLUG_PATTERN) });
export const nameParams = z.object({ name: z.string().min(1).max(63) });
export const idParams = z.object({ id: z.string().uuid() });
