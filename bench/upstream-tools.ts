/** The tools the gateway benchmark's upstream serves; the registry grants all but the last. */
export const BENCH_UPSTREAM_TOOLS = ["search_issues", "get_issue", "create_issue", "list_repos", "secret_admin_tool"];
