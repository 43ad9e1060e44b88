// @vitest-environment happy-dom
// Issue #8: the profile tab says whether the browser may evict the evidence, and how much
// room it takes; unprotected storage is a warning telling the user to export a pack.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageStatus } from '@/components/workspace/StorageStatus';
import { storageProtection } from '@/lib/db/persist';

vi.mock('@/lib/i18n', () => ({
  t: (key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key}:${[subs].flat().join('|')}`,
}));

afterEach(cleanup);

const storage = (persisted: boolean) => ({
  persisted: async () => persisted,
  estimate: async () => ({ usage: 5 * 1024 * 1024, quota: 1e12 }),
});

describe('storage protection', () => {
  it('counts persistent or unlimited storage as safe, and nothing else', async () => {
    const yes = async () => true;
    const no = async () => false;
    expect((await storageProtection(storage(true), no)).safe).toBe(true);
    expect((await storageProtection(storage(false), yes)).safe).toBe(true);
    expect((await storageProtection(storage(false), no)).safe).toBe(false);
    // What cannot be read counts as unprotected.
    const broken = {
      persisted: () => Promise.reject(new Error('x')),
      estimate: () => Promise.reject(new Error('x')),
    };
    const failing = () => Promise.reject(new Error('no permissions API'));
    expect(await storageProtection(broken, failing)).toEqual({
      persisted: false,
      unlimited: false,
      usage: undefined,
      quota: undefined,
      safe: false,
    });
    expect((await storageProtection(undefined, no)).safe).toBe(false);
  });

  it('shows the room used and that the evidence is protected', async () => {
    render(<StorageStatus read={() => storageProtection(storage(false), async () => true)} />);
    const status = await screen.findByTestId('storage-status');
    expect(status.dataset.safe).toBe('true');
    expect(status.textContent).toContain('storageUsed:5.0');
    expect(status.textContent).toContain('storageProtected');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns, with what to do, when the browser may evict it', async () => {
    render(<StorageStatus read={() => storageProtection(storage(false), async () => false)} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('persistentStorageDenied');
    expect(screen.getByTestId('storage-status').dataset.safe).toBe('false');
  });
});
