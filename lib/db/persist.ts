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
