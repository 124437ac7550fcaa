import { z } from "zod";
import { parseJsonText } from "./parse-json-text";

/**
 * A field typed as JSON text, parsed to its value: text that is not JSON is an issue that says
 * where ("Not valid JSON. Line 3, column 7: unexpected "}""), empty text one that says so. Chain
 * `.transform`/`.pipe` with the API's schema for what the value must be.
 */
export function jsonTextSchema(notJson = "Not valid JSON.") {
  return z.string().transform((text, ctx) => {
    const json = parseJsonText(text);
    if (json.ok) return json.value;
    ctx.addIssue({ code: "custom", message: text.trim() ? `${notJson} ${json.message}` : json.message });
    return z.NEVER;
  });
}
