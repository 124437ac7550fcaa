import type { CreateServerInput } from "@/lib/servers/schemas";

type Props = Record<string, { type: string; description: string; enum?: string[]; items?: object; default?: unknown }>;

const tool = (name: string, description: string, properties: Props, required: string[] = []) => ({
  name,
  description,
  inputSchema: { type: "object", properties, required, additionalProperties: false },
});

const str = (description: string) => ({ type: "string", description });
const int = (description: string) => ({ type: "integer", description });

/** The demo catalog: believable MCP servers with real-looking tools and JSON schemas. */
export const DEMO_SERVERS: CreateServerInput[] = [
  {
    slug: "github",
    name: "GitHub",
    description: "Issues, pull requests and code search across the organisation's repositories.",
    url: "https://mcp.contoso.example/github",
    transport: "streamable-http",
    tags: ["source-control", "engineering"],
    version: "2.4.1",
    enabled: true,
    tools: [
      tool(
        "search_issues",
        "Search issues and pull requests with GitHub search syntax.",
        {
          query: str("Search query, e.g. 'is:open label:bug repo:contoso/api'"),
          limit: int("Maximum results (1-100)"),
        },
        ["query"],
      ),
      tool(
        "get_pull_request",
        "Fetch a pull request with its diff stats and review state.",
        { repo: str("owner/name"), number: int("Pull request number") },
        ["repo", "number"],
      ),
      tool(
        "create_issue",
        "Open an issue.",
        {
          repo: str("owner/name"),
          title: str("Issue title"),
          body: str("Markdown body"),
          labels: { type: "array", description: "Labels", items: { type: "string" } },
        },
        ["repo", "title"],
      ),
      tool(
        "search_code",
        "Search code across repositories.",
        { query: str("Code search query"), language: str("Optional language filter") },
        ["query"],
      ),
    ],
  },
  {
    slug: "stripe-payments",
    name: "Stripe Payments",
    description: "Read payments, refunds and disputes for the payments team.",
    url: "https://mcp.contoso.example/stripe",
    transport: "streamable-http",
    tags: ["payments", "finance"],
    version: "1.8.0",
    enabled: true,
    tools: [
      tool("list_payments", "List recent payment intents.", {
        status: {
          type: "string",
          description: "Filter by status",
          enum: ["succeeded", "processing", "requires_action", "canceled"],
        },
        limit: int("1-100"),
      }),
      tool("get_payment", "Fetch one payment intent by id.", { paymentId: str("pi_… id") }, ["paymentId"]),
      tool(
        "create_refund",
        "Refund all or part of a payment.",
        {
          paymentId: str("pi_… id"),
          amount: int("Amount in the smallest currency unit; omit for a full refund"),
          reason: { type: "string", description: "Why", enum: ["duplicate", "fraudulent", "requested_by_customer"] },
        },
        ["paymentId"],
      ),
      tool("list_disputes", "List open disputes.", { limit: int("1-100") }),
    ],
  },
  {
    slug: "postgres-analytics",
    name: "Analytics warehouse",
    description: "Read-only SQL over the analytics PostgreSQL replica.",
    url: "https://mcp.contoso.example/analytics",
    transport: "streamable-http",
    tags: ["data", "sql"],
    version: "0.9.3",
    enabled: true,
    tools: [
      tool(
        "query",
        "Run a read-only SQL query (SELECT only, 30 s timeout).",
        { sql: str("A SELECT statement"), maxRows: int("Row cap, default 500") },
        ["sql"],
      ),
      tool("list_tables", "List tables and views in a schema.", { schema: str("Schema name, default public") }),
      tool("describe_table", "Columns, types and indexes of a table.", { table: str("schema.table") }, ["table"]),
    ],
  },
  {
    slug: "slack",
    name: "Slack",
    description: "Post messages and read channels in the company workspace.",
    url: "https://mcp.contoso.example/slack",
    transport: "sse",
    tags: ["chat", "collaboration"],
    version: "3.1.0",
    enabled: true,
    tools: [
      tool(
        "post_message",
        "Post a message to a channel.",
        { channel: str("#channel or id"), text: str("Message text (mrkdwn)") },
        ["channel", "text"],
      ),
      tool("list_channels", "List public channels.", { limit: int("1-200") }),
      tool("search_messages", "Search messages.", { query: str("Slack search query") }, ["query"]),
    ],
  },
  {
    slug: "jira",
    name: "Jira",
    description: "Projects, issues and sprints in Jira Cloud.",
    url: "https://mcp.contoso.example/jira",
    transport: "streamable-http",
    tags: ["planning", "engineering"],
    version: "1.2.7",
    enabled: true,
    tools: [
      tool(
        "search_issues",
        "Search with JQL.",
        { jql: str("JQL, e.g. project = PAY AND status = 'In Progress'"), maxResults: int("1-100") },
        ["jql"],
      ),
      tool("get_issue", "Fetch an issue by key.", { key: str("Issue key, e.g. PAY-123") }, ["key"]),
      tool(
        "transition_issue",
        "Move an issue to another status.",
        { key: str("Issue key"), transition: str("Transition name") },
        ["key", "transition"],
      ),
    ],
  },
  {
    slug: "confluence",
    name: "Confluence",
    description: "Search and read the engineering handbook and runbooks.",
    url: "https://mcp.contoso.example/confluence",
    transport: "streamable-http",
    tags: ["docs", "knowledge"],
    version: "1.0.4",
    enabled: true,
    tools: [
      tool(
        "search_pages",
        "Full-text search over pages.",
        { query: str("Search text"), space: str("Optional space key") },
        ["query"],
      ),
      tool("get_page", "Fetch a page as Markdown.", { pageId: str("Page id") }, ["pageId"]),
    ],
  },
  {
    slug: "sentry",
    name: "Sentry",
    description: "Errors and performance issues for production services.",
    url: "https://mcp.contoso.example/sentry",
    transport: "streamable-http",
    tags: ["observability", "engineering"],
    version: "2.0.0",
    enabled: true,
    tools: [
      tool(
        "list_issues",
        "Unresolved issues for a project.",
        {
          project: str("Project slug"),
          sort: { type: "string", description: "Ordering", enum: ["freq", "new", "priority"] },
        },
        ["project"],
      ),
      tool("get_event", "Fetch an event with its stack trace.", { eventId: str("Event id") }, ["eventId"]),
      tool("resolve_issue", "Mark an issue resolved.", { issueId: str("Issue id") }, ["issueId"]),
    ],
  },
  {
    slug: "web-search",
    name: "Web search",
    description: "Search the public web through the company's search proxy.",
    url: "https://mcp.contoso.example/search",
    transport: "streamable-http",
    tags: ["search"],
    version: "0.4.0",
    enabled: true,
    tools: [
      tool(
        "search",
        "Search the web; returns titles, URLs and snippets.",
        { query: str("Search terms"), count: int("1-20") },
        ["query"],
      ),
      tool("fetch_page", "Fetch a page as text.", { url: str("https URL") }, ["url"]),
    ],
  },
  {
    slug: "kubernetes-prod",
    name: "Kubernetes (prod)",
    description: "Inspect workloads in the production clusters. Disabled while the cluster is migrated.",
    url: "https://mcp.contoso.example/k8s-prod",
    transport: "streamable-http",
    tags: ["infrastructure", "operations"],
    version: "0.7.2",
    enabled: false,
    tools: [
      tool("list_pods", "List pods in a namespace.", { namespace: str("Namespace") }, ["namespace"]),
      tool(
        "get_logs",
        "Tail logs of a pod.",
        { namespace: str("Namespace"), pod: str("Pod name"), lines: int("Lines, default 200") },
        ["namespace", "pod"],
      ),
    ],
  },
];
