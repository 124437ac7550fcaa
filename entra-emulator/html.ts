import type { EmulatorConfig } from "./config";
import type { EntraError } from "./errors";
import { errorBody } from "./errors";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

/** A tagged template that escapes every interpolation unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const render = (v: unknown): string =>
    v instanceof Html
      ? v.value
      : Array.isArray(v)
        ? v.map(render).join("")
        : v === undefined || v === null || v === false
          ? ""
          : escapeHtml(v);
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ""), ""));
}

const CSS = `
:root{color-scheme:light dark;--bg:#f3f2f1;--card:#fff;--text:#1b1b1b;--muted:#605e5c;--line:#e1dfdd;--accent:#0067b8;--tint:rgba(0,103,184,.07);--danger:#a4262c}
@media (prefers-color-scheme:dark){:root{--bg:#1b1a19;--card:#252423;--text:#f3f2f1;--muted:#c8c6c4;--line:#3b3a39;--accent:#4ba9f7;--tint:rgba(75,169,247,.1);--danger:#f1707b}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px;padding:24px;background:var(--bg);color:var(--text);font:15px/1.45 "Segoe UI",system-ui,-apple-system,Roboto,"Helvetica Neue",Arial,sans-serif}
.card{width:100%;max-width:460px;background:var(--card);border:1px solid var(--line);border-radius:8px;box-shadow:0 2px 6px rgba(0,0,0,.08),0 12px 32px rgba(0,0,0,.06);padding:32px 36px}
.brand{display:flex;align-items:center;gap:10px;font-size:13px;font-weight:600;color:var(--muted)}
.logo{display:grid;grid-template-columns:repeat(2,9px);gap:2px}.logo i{width:9px;height:9px;background:var(--accent)}.logo i:nth-child(2),.logo i:nth-child(3){opacity:.55}
.pill{margin-left:auto;font-size:11px;letter-spacing:.05em;text-transform:uppercase;border:1px solid var(--line);border-radius:999px;padding:1px 8px;white-space:nowrap}
h1{font-size:24px;font-weight:600;margin:22px 0 4px}
.sub{color:var(--muted);margin:0 0 20px}
.accounts{display:flex;flex-direction:column;gap:8px;margin:0}
.account{display:flex;align-items:center;gap:12px;width:100%;padding:10px 12px;text-align:left;background:none;border:1px solid var(--line);border-radius:6px;color:inherit;font:inherit;cursor:pointer}
.account:hover,.account:focus-visible{border-color:var(--accent);background:var(--tint);outline:none}
.avatar{flex:none;width:40px;height:40px;border-radius:50%;display:grid;place-items:center;color:#fff;font-weight:600;font-size:14px}
.who{display:flex;flex-direction:column;min-width:0}.who small{color:var(--muted);font-size:13px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.go{margin-left:auto;color:var(--accent);font-size:18px}
.tag{font-size:11px;font-weight:600;color:var(--accent);margin-left:6px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.perms{margin:20px 0 0;padding-top:14px;border-top:1px solid var(--line);font-size:13px;color:var(--muted)}
.perms ul{margin:6px 0 0;padding-left:18px}
.error{border-left:4px solid var(--danger);padding:10px 14px;background:rgba(164,38,44,.07);margin:12px 0 16px}
h1.trouble{font-size:20px}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;font-size:12px;color:var(--muted);margin:0}dd{margin:0}
code{font-family:ui-monospace,Consolas,Menlo,monospace;font-size:13px;word-break:break-all}
a,.link{color:var(--accent)}
footer{color:var(--muted);font-size:12px;text-align:center;max-width:460px}
`;

export function page(title: string, subtitle: string, body: Html, footer?: string): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${title}</title><style>${new Html(CSS)}</style></head>
<body><main class="card">
<div class="brand"><span class="logo" aria-hidden="true"><i></i><i></i><i></i><i></i></span><span>Entra ID emulator${subtitle ? ` — ${subtitle}` : ""}</span><span class="pill">Local</span></div>
${body}
</main><footer>${footer ?? "A local emulator of Microsoft Entra ID for development and tests. Not a real identity provider."}</footer></body></html>`
    .value;
}

/** Entra's "trouble signing you in" page: shown instead of redirecting when the client or redirect URI is not trusted. */
export function errorPage(err: EntraError, subtitle = ""): string {
  const info = errorBody(err);
  return page(
    "Sign in — Entra ID emulator",
    subtitle,
    html`<h1 class="trouble">Sorry, but we’re having trouble signing you in.</h1>
<p class="error"><code>AADSTS${err.aadsts}</code>: ${err.text}</p>
<dl><dt>Error</dt><dd>${err.error}</dd><dt>Trace ID</dt><dd>${info.trace_id}</dd><dt>Correlation ID</dt><dd>${info.correlation_id}</dd><dt>Timestamp</dt><dd>${info.timestamp}</dd></dl>`,
  );
}

export function signedOutPage(subtitle: string): string {
  return page(
    "Signed out — Entra ID emulator",
    subtitle,
    html`<h1>You signed out of your account</h1><p class="sub">It’s a good idea to close all browser windows. The emulator keeps no session, so the next sign-in shows the account picker again.</p>`,
  );
}

/** `response_mode=form_post`: a self-submitting form (with a button when scripts are off). */
export function formPostPage(action: string, fields: Record<string, string>, scriptNonce: string): string {
  const inputs = Object.entries(fields).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  );
  return page(
    "Signing in — Entra ID emulator",
    "",
    html`<h1>Signing you in…</h1><form method="post" action="${action}">${inputs}<button class="account" type="submit">Continue</button></form>
<script nonce="${scriptNonce}">document.forms[0].submit()</script>`,
  );
}

/** `GET /`: what this emulator serves, per tenant. */
export function indexPage(config: EmulatorConfig, baseUrl: string): string {
  const tenants = config.tenants.map(
    (t) => html`<li><strong>${t.displayName}</strong><br><code>${t.id}</code><br>
<a href="${`${baseUrl}/${t.id}/v2.0/.well-known/openid-configuration`}">OpenID configuration</a> ·
<a href="${`${baseUrl}/${t.id}/discovery/v2.0/keys`}">keys</a> · ${t.apps.length} apps · ${t.users.length} users</li>`,
  );
  return page(
    "Entra ID emulator",
    "",
    html`<h1>Entra ID emulator</h1><p class="sub">Authority host <code>${baseUrl}</code></p><div class="perms">Tenants:<ul>${tenants}</ul></div>`,
  );
}
