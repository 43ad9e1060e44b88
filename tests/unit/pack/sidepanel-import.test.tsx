// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/sidepanel/App';
import { getDb } from '@/lib/db/database';
import { type CustodyEntry, chainCustodyEntry } from '@/lib/integrity/custody';
import { buildPack } from '@/lib/pack/build-pack';
import { makeEvidence } from '../helpers';

/**
 * A pack of three items built straight through buildPack: under happy-dom, Blobs do not
 * survive a trip through fake-indexeddb, so this pack never goes through a database.
 */
async function makePack() {
  const caseId = 'case-panel';
  const bytesBySha = new Map<string, Blob>();
  const items = [];
  const custody: CustodyEntry[] = [];
  let prev = await chainCustodyEntry(undefined, {
    caseId,
    at: '2026-11-21T01:00:00.000Z',
    action: 'case-created',
    details: {},
  });
  custody.push(prev);
  for (let n = 0; n < 3; n++) {
    const { item, blobs } = await makeEvidence(caseId, {
      capturedAt: `2026-11-21T02:0${n}:00.000Z`,
    });
    for (const b of blobs) bytesBySha.set(b.sha256, b.data);
    items.push(item);
    prev = await chainCustodyEntry(prev, {
      caseId,
      at: item.capturedAt,
      action: 'capture',
      evidenceId: item.id,
      details: {},
    });
    custody.push(prev);
  }
  return buildPack({
    case: {
      id: caseId,
      title: '卡盟未发货',
      createdAt: '2026-11-21T01:00:00.000Z',
      updatedAt: '2026-11-21T01:00:00.000Z',
      status: 'open',
    },
    items,
    custody,
    complaints: [],
    readBlob: async (sha) =>
      new Uint8Array((await bytesBySha.get(sha)?.arrayBuffer()) ?? new ArrayBuffer(0)),
    tool: { name: 'kameng-evidence-kit', version: '0.1.0' },
    createdAt: '2026-11-21T08:00:00.000Z',
  });
}

// The fake browser has no i18n: show the key and its substitutions instead.
vi.mock('@/lib/i18n', () => ({
  t: (key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key}:${[subs].flat().join('|')}`,
}));

afterEach(() => cleanup());

describe('side panel import', () => {
  it('imports a picked pack, shows it, and refuses the same pack a second time quietly', async () => {
    const pack = await makePack();
    render(<App />);
    const button = await screen.findByTestId('import-pack');
    expect(button.textContent).toBe('importButton');
    const input = screen.getByTestId('import-pack-file') as HTMLInputElement;
    const file = new File([pack], 'pack.zip', {
      type: 'application/zip',
    });
    fireEvent.change(input, { target: { files: [file] } });
    const status = screen.getByTestId('import-status');
    await waitFor(() => expect(status.getAttribute('data-state')).toBe('done'), { timeout: 5000 });
    expect(status.textContent).toBe('imported:卡盟未发货|3');
    await waitFor(() => expect(screen.getByTestId('item-count').textContent).toContain('3'));
    expect(await getDb().evidence.count()).toBe(3);

    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(status.textContent).toBe('importAlready:卡盟未发货'));
    expect(await getDb().evidence.count()).toBe(3);
  });

  it('shows the reason a damaged pack is refused', async () => {
    render(<App />);
    const input = (await screen.findByTestId('import-pack-file')) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['not a zip'], 'x.zip')] } });
    const status = screen.getByTestId('import-status');
    await waitFor(() => expect(status.getAttribute('data-state')).toBe('error'));
    expect(status.textContent).toMatch(/^importFailed:.*not a readable zip/s);
  });
});
