import type { EffectiveAccess } from "@/lib/access/effective-access";
import type { Principal } from "./principal";

export interface CachedPrincipal {
  principal: Principal;
  access: EffectiveAccess;
  /** The IAM generation it was resolved at. */
  generation: number;
  /** Epoch ms after which the credential itself is no longer valid (expiry, session end, grace). */
  validUntil: number;
  /** Epoch ms of the last lastUsedAt write for this principal. */
  lastUsedWrittenAt: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Resolved principals by credential fingerprint (SHA-256 of the token or session id). An entry
 * is used only at the same IAM generation and before its credential expires, so any change to
 * users, groups, accounts, tokens or sessions is seen on the next request, on every instance.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, CachedPrincipal>();

  get(key: string, generation: number, now: number): CachedPrincipal | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.generation !== generation || entry.validUntil <= now) {
      this.entries.delete(key);
      return undefined;
    }
    // Least recently used goes first: re-insert on every hit.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedPrincipal): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}
