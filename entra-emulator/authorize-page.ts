import { createHash } from "node:crypto";
import type { EmulatorUser } from "./config";
import type { AuthorizeRequest } from "./authorize-request";
import { Html, html, page } from "./html";

/** The form field that carries the chosen account's object id. */
export const USER_FIELD = "emulator_user";

const AVATAR_COLORS = ["#0067b8", "#8764b8", "#038387", "#ca5010", "#498205", "#c239b3", "#986f0b", "#4f6bed"];

function avatar(user: EmulatorUser): Html {
  const initials = user.displayName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]!.toUpperCase())
    .join("");
  const color = AVATAR_COLORS[createHash("sha256").update(user.objectId).digest()[0]! % AVATAR_COLORS.length];
  return html`<span class="avatar" style="background:${color}" aria-hidden="true">${initials}</span>`;
}

function describeScope(scope: string): string {
  const known: Record<string, string> = {
    openid: "Sign you in",
    profile: "View your basic profile",
    email: "View your email address",
    offline_access: "Maintain access to data you have given it access to",
  };
  return known[scope.toLowerCase()] ?? scope;
}

/**
 * The account picker. One POST form carries every original authorize parameter as hidden
 * inputs; each account is a submit button whose value is the user's object id.
 */
export function signInPage(request: AuthorizeRequest, params: URLSearchParams, formAction: string): string {
  const { tenant, client } = request;
  const hint = request.loginHint?.toLowerCase();
  const isHinted = (u: EmulatorUser) => hint !== undefined && u.userPrincipalName.toLowerCase() === hint;
  const users = [...tenant.users].sort((a, b) => Number(isHinted(b)) - Number(isHinted(a)));
  const hidden = [...params.entries()]
    .filter(([name]) => name !== USER_FIELD)
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
  const groupNames = (u: EmulatorUser) =>
    u.groups.map((id) => tenant.groups.find((g) => g.id.toLowerCase() === id.toLowerCase())?.displayName ?? id);
  const accounts = users.map((u) => {
    const groups = groupNames(u);
    const detail = groups.length > 0 ? `${u.userPrincipalName} · ${groups.join(", ")}` : u.userPrincipalName;
    return html`<button class="account" type="submit" name="${USER_FIELD}" value="${u.objectId}">${avatar(u)}<span class="who"><span><span class="sr">Sign in as </span><strong>${u.displayName}</strong>${isHinted(u) ? html`<span class="tag">Suggested</span>` : ""}</span><small title="${detail}">${detail}</small></span><span class="go" aria-hidden="true">›</span></button>`;
  });
  const list =
    users.length > 0
      ? html`<form class="accounts" method="post" action="${formAction}">${hidden}${accounts}</form>`
      : html`<p class="error">This tenant has no users. Add users to the emulator's config file.</p>`;
  const { oidc, resource, permissions } = request.resolvedScopes;
  const apiPerms = resource.app
    ? permissions.map((p) => `${p} on ${resource.displayName}`)
    : [`${permissions.filter((p) => !oidc.includes(p.toLowerCase())).join(", ")} on Microsoft Graph`];
  const perms = [...oidc.map(describeScope), ...apiPerms].map((text) => html`<li>${text}</li>`);
  return page(
    `Sign in to ${client.displayName} — Entra ID emulator`,
    tenant.displayName,
    html`<h1>Pick an account</h1>
<p class="sub">to continue to <strong>${client.displayName}</strong></p>
${list}
<div class="perms">${client.displayName} asks to:<ul>${perms}</ul></div>`,
    `Entra ID emulator · ${tenant.displayName} · tenant ${tenant.id}. No password is asked: every account signs in with one click.`,
  );
}
