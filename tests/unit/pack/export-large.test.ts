import { describe, expect, it } from 'vitest';
import { appendCustody, ensureActiveCase, listCustody, saveEvidence } from '@/lib/db/repo';
import { CustodyAction, verifyCustodyChain } from '@/lib/integrity/custody';
import { exportCase, exportCaseBlob } from '@/lib/pack/export-case';
import { MANIFEST, type PackManifest } from '@/lib/pack/manifest';
import { readZip, verifyPack } from '@/lib/pack/verify-pack';
import { decode, makeEvidence, testDb } from '../helpers';
import { openVerifierPage } from './page-harness';

async function caseOf(items: number) {
  const db = testDb();
  const theCase = await ensureActiveCase(db, new Date('2026-11-21T01:00:00.000Z'), 'case');
  for (let n = 0; n < items; n++) {
    const { item, blobs } = await makeEvidence(theCase.id, {
      capturedAt: new Date(Date.UTC(2026, 10, 21, 2, n)).toISOString(),
    });
    await saveEvidence(db, item, blobs);
  }
  return { db, caseId: theCase.id };
}

describe('exportCaseBlob', () => {
  it('reports progress per item and returns a zip Blob that verifies', async () => {
    const { db, caseId } = await caseOf(4);
    const seen: [number, number][] = [];
    const blob = await exportCaseBlob(db, caseId, {
      toolVersion: '0.1.0',
      now: new Date('2026-11-21T08:00:00.000Z'),
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(blob.type).toBe('application/zip');
    expect(seen).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(await verifyPack(new Uint8Array(await blob.arrayBuffer()))).toEqual([]);
  });

  it('stops when cancelled and records the cancelled export in the chain', async () => {
    const { db, caseId } = await caseOf(4);
    const controller = new AbortController();
    await expect(
      exportCaseBlob(db, caseId, {
        toolVersion: '0.1.0',
        now: new Date('2026-11-21T08:00:00.000Z'),
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 2) controller.abort();
        },
      }),
    ).rejects.toThrow(/abort/i);
    const chain = await listCustody(db, caseId);
    expect(chain.slice(-2).map((e) => [e.action, e.details])).toEqual([
      ['export', expect.objectContaining({ items: 4 })],
      ['export', { failed: true, cancelled: true }],
    ]);
    expect(await verifyCustodyChain(chain)).toEqual([]);
  });
});

describe('custody in a pack', () => {
  it('chains every kind of entry, and the CLI and the page accept them all', async () => {
    const { db, caseId } = await caseOf(1);
    const [capture] = await db.evidence.toArray();
    // Annotations, fact corrections and deletions have no UI yet: they are appended the
    // way every entry is, through appendCustody.
    await db.transaction('rw', db.custody, async () => {
      for (const action of ['annotate', 'correct-fact', 'delete'] as const) {
        await appendCustody(db, {
          caseId,
          at: '2026-11-21T05:00:00.000Z',
          action,
          evidenceId: capture?.id,
          details: { note: action },
        });
      }
    });
    const bytes = await exportCase(db, caseId, { toolVersion: '0.1.0', now: new Date() });
    const files = await readZip(bytes);
    const manifest = JSON.parse(decode(files.get(MANIFEST) ?? new Uint8Array())) as PackManifest;
    const actions = new Set(manifest.custody.map((e) => e.action));
    // Every action but import (covered by the import round trip) is in this chain.
    expect([...CustodyAction.options].filter((a) => !actions.has(a))).toEqual(['import']);
    for (const [i, e] of manifest.custody.entries()) {
      expect(e.prevHash).toBe(i === 0 ? '0'.repeat(64) : manifest.custody[i - 1]?.hash);
    }
    expect(await verifyPack(bytes)).toEqual([]);
    const page = await openVerifierPage();
    expect((await page.verify(files)).state).toBe('intact');
    await page.close();
  });
});

describe('complaints in a pack', () => {
  it('writes each saved draft under complaints/, listed and verified', async () => {
    const { db, caseId } = await caseOf(1);
    for (const [id, channel] of [
      ['c1', '12315'],
      ['c2', '../evil/channel'],
    ]) {
      await db.complaints.add({
        id: id as string,
        caseId,
        channel: channel as string,
        createdAt: '2026-11-21T06:00:00.000Z',
        updatedAt: '2026-11-21T06:00:00.000Z',
        status: 'draft',
        text: `投诉 ${channel}\n第二行`,
        fields: {},
      });
    }
    const bytes = await exportCase(db, caseId, { toolVersion: '0.1.0', now: new Date() });
    const files = await readZip(bytes);
    expect([...files.keys()].filter((p) => p.startsWith('complaints/'))).toEqual([
      'complaints/01-12315.txt',
      'complaints/02-_evil_channel.txt',
    ]);
    expect(decode(files.get('complaints/01-12315.txt') ?? new Uint8Array())).toBe(
      '投诉 12315\r\n第二行\r\n',
    );
    expect(await verifyPack(bytes)).toEqual([]);
  });
});
