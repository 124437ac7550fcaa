/**
 * Every credential (session cookie, registry API token, Entra access token) becomes one of
 * these before any handler runs. Authorization depends only on `groups`.
 */
export type GroupReason =
  | { kind: "assignment" }
  | { kind: "entra-group"; value: string }
  | { kind: "app-role"; value: string }
  | { kind: "bootstrap"; value: string }
  | { kind: "token-subset"; tokenId: string };

export interface PrincipalGroup {
  id: string;
  name: string;
  reasons: GroupReason[];
}

interface PrincipalBase {
  /** Stable id of the acting identity (user id, token id, M2M account id). */
  id: string;
  displayName: string;
  groups: PrincipalGroup[];
}

export interface UserPrincipal extends PrincipalBase {
  kind: "user";
  userId: string;
  /** How the user authenticated: browser session or a delegated Entra token. */
  via: "session" | "entra-delegated";
  sessionId?: string;
}

export interface TokenPrincipal extends PrincipalBase {
  kind: "token";
  tokenId: string;
  ownerId: string;
  /** Server slugs the token is restricted to, or null for no restriction. */
  servers: string[] | null;
  /** Permissions chosen at creation; effective only as far as its groups still grant them. */
  permissions: string[];
}

export interface M2mPrincipal extends PrincipalBase {
  kind: "m2m";
  m2mAccountId: string;
  tenantId: string;
  clientId: string;
}

export type Principal = UserPrincipal | TokenPrincipal | M2mPrincipal;
