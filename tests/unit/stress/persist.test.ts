import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from '@/lib/db/persist';

// Issue #8: the extension asks the browser not to evict its evidence under pressure.
function storage(persisted: boolean, grant: boolean) {
  return {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => grant),
  };
}

describe('requestPersistentStorage', () => {
  it('asks for persistent storage on first use', async () => {
    const s = storage(false, true);
    expect(await requestPersistentStorage(s)).toBe('granted');
    expect(s.persist).toHaveBeenCalledTimes(1);
  });

  it('reports a refusal so the UI can suggest exporting a backup', async () => {
    const s = storage(false, false);
    expect(await requestPersistentStorage(s)).toBe('denied');
    expect(s.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again once storage is persistent', async () => {
    const s = storage(true, true);
    expect(await requestPersistentStorage(s)).toBe('already');
    expect(s.persist).not.toHaveBeenCalled();
  });

  it('never throws, even without a StorageManager or when it fails', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    const failing = {
      persisted: async () => false,
      persist: async (): Promise<boolean> => {
        throw new Error('not allowed');
      },
    };
    expect(await requestPersistentStorage(failing)).toBe('unsupported');
  });
});
