import { randomId } from "./identifiers";

const CODE_LIFETIME_MS = 10 * 60 * 1000;
/** Entra's refresh tokens live 90 days (sliding); the emulator keeps them for 24 h, in memory. */
const REFRESH_LIFETIME_MS = 24 * 3600 * 1000;

export interface AuthorizationCodeGrant {
  tenantId: string;
  clientId: string;
  userObjectId: string;
  redirectUri: string;
  /** The scopes requested at the authorize endpoint. */
  scopes: string[];
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256" | "plain";
}

export interface RefreshGrant {
  tenantId: string;
  clientId: string;
  userObjectId: string;
  /** The OIDC scopes of the sign-in (decide whether refreshes return an ID token). */
  oidcScopes: string[];
}

export type Taken<T> = { grant: T } | { problem: "unknown" | "expired" | "redeemed" };

interface Entry<T> {
  grant: T;
  expiresAt: number;
  used: boolean;
}

/**
 * Authorization codes and refresh tokens, in memory. Both are single-use: a code is consumed by
 * its first redemption attempt, and each refresh returns a new refresh token and revokes the old
 * one (stricter than Entra, which lets old refresh tokens live on; it keeps replay easy to test).
 */
export class GrantStore {
  private readonly codes = new Map<string, Entry<AuthorizationCodeGrant>>();
  private readonly refreshTokens = new Map<string, Entry<RefreshGrant>>();

  issueCode(grant: AuthorizationCodeGrant): string {
    return this.put(this.codes, grant, CODE_LIFETIME_MS, 48);
  }

  takeCode(code: string): Taken<AuthorizationCodeGrant> {
    return this.take(this.codes, code);
  }

  issueRefreshToken(grant: RefreshGrant): string {
    return this.put(this.refreshTokens, grant, REFRESH_LIFETIME_MS, 64);
  }

  takeRefreshToken(token: string): Taken<RefreshGrant> {
    return this.take(this.refreshTokens, token);
  }

  private put<T>(map: Map<string, Entry<T>>, grant: T, lifetimeMs: number, bytes: number): string {
    this.sweep(map);
    const key = `1.${randomId(bytes)}`;
    map.set(key, { grant, expiresAt: Date.now() + lifetimeMs, used: false });
    return key;
  }

  private take<T>(map: Map<string, Entry<T>>, key: string): Taken<T> {
    const entry = map.get(key);
    if (!entry) return { problem: "unknown" };
    if (entry.expiresAt <= Date.now()) return { problem: "expired" };
    if (entry.used) return { problem: "redeemed" };
    entry.used = true;
    return { grant: entry.grant };
  }

  /** Used entries stay until they expire, so a replay is reported as such. */
  private sweep<T>(map: Map<string, Entry<T>>): void {
    const now = Date.now();
    for (const [key, entry] of map) if (entry.expiresAt <= now) map.delete(key);
  }
}
