/** MCP methods a server access rule can grant (SPEC §3). "*" grants all of them. */
export const MCP_METHODS = [
  "tools/list",
  "tools/call",
  "resources/list",
  "resources/read",
  "resources/templates/list",
  "resources/subscribe",
  "prompts/list",
  "prompts/get",
  "completion/complete",
  "logging/setLevel",
] as const;

/** Lifecycle methods allowed on every visible server without a rule. */
export const LIFECYCLE_METHODS = ["initialize", "notifications/initialized", "ping"] as const;
