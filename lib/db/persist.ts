/** What came of asking the browser to keep the evidence database under storage pressure. */
export type PersistOutcome = 'already' | 'granted' | 'denied' | 'unsupported';

/**
 * Asks the browser for persistent storage, so it does not evict the evidence database
 * when the disk runs low (issue #8). 'unlimitedStorage' lifts the quota but does not
 * by itself mark the origin persistent. Asks only when not persisted yet, so calling
 * it on every page load is cheap. Call from an extension page (popup or side panel):
 * `navigator.storage` is not available to every context, and Chrome may decide from
 * the page's engagement. Never throws.
 */
export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator
    ?.storage,
): Promise<PersistOutcome> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'already';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}

/** Whether the evidence database is safe from eviction, and how much it uses. */
export interface StorageProtection {
  /** The browser marked the extension's storage persistent. */
  persisted: boolean;
  /** The `unlimitedStorage` permission: Chrome never evicts such an origin either. */
  unlimited: boolean;
  /** Bytes used and available, when the browser says. */
  usage?: number;
  quota?: number;
}

/**
 * Reads the protection of the extension's storage. Evidence is safe when either holds:
 * Chrome's quota manager evicts neither persistent nor unlimited-storage origins. Never
 * throws: what cannot be read counts as unprotected.
 */
export async function storageProtection(
  storage: Pick<StorageManager, 'persisted' | 'estimate'> | undefined,
  hasPermission: (permission: string) => Promise<boolean>,
): Promise<StorageProtection & { safe: boolean }> {
  const [persisted, unlimited, estimate] = await Promise.all([
    storage?.persisted?.().catch(() => false) ?? false,
    hasPermission('unlimitedStorage').catch(() => false),
    storage?.estimate?.().catch(() => undefined),
  ]);
  return {
    persisted,
    unlimited,
    usage: estimate?.usage,
    quota: estimate?.quota,
    safe: persisted || unlimited,
  };
}
