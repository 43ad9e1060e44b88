import Dexie from 'dexie';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureActiveCase, listCustody, saveEvidence } from '@/lib/db/repo';
import type { EvidenceDB } from '@/lib/db/database';
import { verifyCustodyChain } from '@/lib/integrity/custody';
import { sha256Hex } from '@/lib/integrity/sha256';
import { CHECKSUMS } from '@/lib/pack/build-pack';
import { exportCase, packFileName, TOOL_NAME } from '@/lib/pack/export-case';
import { MANIFEST, MANIFEST_DIGEST, PACK_FORMAT, PackManifest } from '@/lib/pack/manifest';
import { readZip, verifyPack } from '@/lib/pack/verify-pack';
import { decode, makeEvidence, newDb, testDb } from '../helpers';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A case of three captures saved out of time order, exported once. */
async function exportedCase(db: EvidenceDB) {
  const theCase = await ensureActiveCase(
    db,
    new Date('2026-11-21T01:00:00.000Z'),
    '卡盟 Steam 充值卡未发货',
  );
  const payment = await makeEvidence(theCase.id, {
    kind: 'payment',
    capturedAt: '2026-11-21T03:00:00.000Z',
  });
  const promise = await makeEvidence(theCase.id, {
    kind: 'promise',
    capturedAt: '2026-11-21T01:30:00.000Z',
    title: HOSTILE,
  });
  const order = await makeEvidence(theCase.id, {
    kind: 'order',
    capturedAt: '2026-11-21T02:00:00.000Z',
  });
  for (const c of [payment, promise, order]) await saveEvidence(db, c.item, c.blobs);
  const bytes = await exportCase(db, theCase.id, {
    toolVersion: '0.1.0',
    now: new Date('2026-11-21T08:00:00.000Z'),
  });
  return { theCase, bytes, inOrder: [promise.item, order.item, payment.item] };
}

/** Compression method and sizes of each entry, read from the zip's central directory. */
function centralDirectory(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.byteLength - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries = new Map<string, { method: number; compressed: number; size: number }>();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad central directory entry');
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = decode(zip.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

describe('exportCase', () => {
  let db: EvidenceDB;
  let result: Awaited<ReturnType<typeof exportedCase>>;
  let files: Map<string, Uint8Array>;
  let manifest: PackManifest;

  beforeAll(async () => {
    db = newDb();
    result = await exportedCase(db);
    files = await readZip(result.bytes);
    manifest = PackManifest.parse(JSON.parse(decode(files.get(MANIFEST) ?? new Uint8Array())));
  });

  afterAll(async () => {
    db.close();
    await db.delete();
  });

  it('produces a pack that verifies', async () => {
    expect(await verifyPack(result.bytes)).toEqual([]);
  });

  it('describes the case, the tool and the export time', () => {
    expect(manifest.format).toBe(PACK_FORMAT);
    expect(manifest.tool).toEqual({ name: TOOL_NAME, version: '0.1.0' });
    expect(manifest.createdAt).toBe('2026-11-21T08:00:00.000Z');
    expect(manifest.case.id).toBe(result.theCase.id);
  });

  it('records the export in the custody chain as the last entry of the manifest', async () => {
    const stored = await listCustody(db, result.theCase.id);
    expect(stored.at(-1)?.action).toBe('export');
    expect(manifest.custody).toEqual(stored);
    const last = manifest.custody.at(-1);
    expect(last).toMatchObject({
      action: 'export',
      seq: 4,
      at: '2026-11-21T08:00:00.000Z',
      details: { items: 3, evidenceIds: result.inOrder.map((i) => i.id) },
    });
    expect(manifest.custody.map((e) => e.action)).toEqual([
      'case-created',
      'capture',
      'capture',
      'capture',
      'export',
    ]);
    expect(await verifyCustodyChain(manifest.custody)).toEqual([]);
  });

  it('lists every file of the zip in the manifest except the two digest files', () => {
    const listed = manifest.files.map((f) => f.path).sort();
    const inZip = [...files.keys()].filter((p) => p !== MANIFEST && p !== MANIFEST_DIGEST).sort();
    expect(listed).toEqual(inZip);
    expect(files.has(MANIFEST_DIGEST)).toBe(true);
    expect(listed).toEqual(expect.arrayContaining(['index.html', 'README.txt', CHECKSUMS]));
  });

  it('gives each listed file its real SHA-256 and size', async () => {
    for (const f of manifest.files) {
      const bytes = files.get(f.path) ?? new Uint8Array();
      expect(bytes.byteLength, f.path).toBe(f.bytes);
      expect(await sha256Hex(bytes), f.path).toBe(f.sha256);
    }
  });

  it('writes manifest.sha256 as the digest of the exact manifest bytes', async () => {
    const digest = decode(files.get(MANIFEST_DIGEST) ?? new Uint8Array());
    expect(digest).toBe(
      `${await sha256Hex(files.get(MANIFEST) ?? new Uint8Array())}  ${MANIFEST}\n`,
    );
  });

  it('numbers the items oldest first in evidence/NNN-<kind>/ folders', () => {
    expect(manifest.items.map((i) => [i.number, i.id, i.kind])).toEqual(
      result.inOrder.map((item, index) => [index + 1, item.id, item.kind]),
    );
    expect(manifest.items.map((i) => i.artifacts[0]?.path)).toEqual([
      'evidence/001-promise/screenshot-viewport.png',
      'evidence/002-order/screenshot-viewport.png',
      'evidence/003-payment/screenshot-viewport.png',
    ]);
    for (const [index, item] of manifest.items.entries()) {
      const source = result.inOrder[index];
      expect(item.artifacts.map((a) => a.path)).toEqual(
        source?.artifacts.map((a) => `evidence/00${index + 1}-${item.kind}/${a.fileName}`),
      );
      expect(item.artifacts.map((a) => a.sha256)).toEqual(source?.artifacts.map((a) => a.sha256));
      expect(item.artifacts.every((a) => a.method.length > 0 && a.role.length > 0)).toBe(true);
    }
  });

  it('copies the artifact bytes exactly as stored', async () => {
    for (const item of manifest.items) {
      for (const artifact of item.artifacts) {
        expect(await sha256Hex(files.get(artifact.path) ?? new Uint8Array())).toBe(artifact.sha256);
      }
    }
  });

  it('writes checksums.sha256 lines that match the files, in sha256sum format', async () => {
    const text = decode(files.get(CHECKSUMS) ?? new Uint8Array());
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    const paths: string[] = [];
    for (const line of lines) {
      const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
      expect(match, line).not.toBeNull();
      const [, sha, path] = match as unknown as [string, string, string];
      expect(await sha256Hex(files.get(path) ?? new Uint8Array()), path).toBe(sha);
      paths.push(path);
    }
    const expected = manifest.files.map((f) => f.path).filter((p) => p !== CHECKSUMS);
    expect(paths.sort()).toEqual(expected.sort());
  });

  it('stores PNG screenshots uncompressed and deflates text', () => {
    const entries = centralDirectory(result.bytes);
    const pngs = [...entries].filter(([name]) => name.endsWith('.png'));
    expect(pngs).toHaveLength(3);
    for (const [name, e] of pngs) {
      expect(e.method, name).toBe(0);
      expect(e.compressed, name).toBe(e.size);
    }
    // Text is deflated whenever that makes it smaller (a 20-byte text.txt is not).
    expect(entries.get('index.html')?.method).toBe(8);
    expect(entries.get(MANIFEST)?.method).toBe(8);
    const tiny = entries.get('evidence/001-promise/text.txt');
    expect(tiny?.method === 8 || tiny?.compressed === tiny?.size).toBe(true);
  });

  it('matches JSZip’s own view of the entries (same names as readZip)', async () => {
    const zip = await JSZip.loadAsync(result.bytes);
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    expect(names).toEqual([...files.keys()].sort());
  });

  it('escapes a hostile page title in the catalogue (index.html)', () => {
    const html = decode(files.get('index.html') ?? new Uint8Array());
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses to export a case that does not exist', async () => {
    await expect(
      exportCase(db, 'no-such-case', { toolVersion: '0.1.0', now: new Date() }),
    ).rejects.toThrow(/does not exist/);
  });
});

describe('exportCase with a corrupt blob', () => {
  it('fails rather than pack bytes that no longer match their capture hash', async () => {
    const db = testDb();
    const theCase = await ensureActiveCase(db, new Date('2026-11-21T01:00:00.000Z'), 'case');
    const { item, blobs } = await makeEvidence(theCase.id);
    await saveEvidence(db, item, blobs);
    const victim = item.artifacts[2];
    const stored = await db.blobs.get(victim?.sha256 ?? '');
    if (!stored) throw new Error('blob not stored');
    await db.blobs.put({ ...stored, data: new Blob(['tampered']) });
    await expect(
      exportCase(db, theCase.id, { toolVersion: '0.1.0', now: new Date() }),
    ).rejects.toThrow(/corrupt/);
  });
});

describe('exportCase that fails after it began', () => {
  /** A case with one capture whose third blob was altered in storage. */
  async function caseWithCorruptBlob(db: EvidenceDB) {
    const theCase = await ensureActiveCase(db, new Date('2026-11-21T01:00:00.000Z'), 'case');
    const { item, blobs } = await makeEvidence(theCase.id);
    await saveEvidence(db, item, blobs);
    const stored = await db.blobs.get(item.artifacts[2]?.sha256 ?? '');
    if (!stored) throw new Error('blob not stored');
    await db.blobs.put({ ...stored, data: new Blob(['tampered']) });
    return { theCase, item };
  }

  it('ends the custody log with the export entry and a failed export entry; the chain verifies', async () => {
    const db = testDb();
    const { theCase, item } = await caseWithCorruptBlob(db);
    await expect(
      exportCase(db, theCase.id, {
        toolVersion: '0.1.0',
        now: new Date('2026-11-21T08:00:00.000Z'),
      }),
    ).rejects.toThrow(/corrupt/);

    const custody = await listCustody(db, theCase.id);
    expect(custody.map((e) => [e.seq, e.action])).toEqual([
      [0, 'case-created'],
      [1, 'capture'],
      [2, 'export'],
      [3, 'export'],
    ]);
    expect(custody[2]).toMatchObject({
      at: '2026-11-21T08:00:00.000Z',
      details: { items: 1, evidenceIds: [item.id] },
    });
    expect(custody[2]?.details.failed).toBeUndefined();
    expect(custody[3]?.details).toMatchObject({
      failed: true,
      error: expect.stringMatching(/corrupt/),
    });
    expect(await verifyCustodyChain(custody)).toEqual([]);
  });

  it('keeps the chain whole when a later export succeeds after a failed one', async () => {
    const db = testDb();
    const { theCase, item } = await caseWithCorruptBlob(db);
    await expect(
      exportCase(db, theCase.id, { toolVersion: '0.1.0', now: new Date() }),
    ).rejects.toThrow(/corrupt/);
    // Repair the blob, then export again: the pack carries the failed attempt too.
    const artifact = item.artifacts[2];
    const stored = await db.blobs.get(artifact?.sha256 ?? '');
    if (!stored || !artifact) throw new Error('blob not stored');
    const { blobs } = await makeEvidence(theCase.id, { id: item.id });
    const good = blobs.find((b) => b.sha256 === artifact.sha256);
    if (!good) throw new Error('no original blob');
    await db.blobs.put({ ...stored, data: good.data });

    const bytes = await exportCase(db, theCase.id, {
      toolVersion: '0.1.0',
      now: new Date('2026-11-21T09:00:00.000Z'),
    });
    expect(await verifyPack(bytes)).toEqual([]);
    const files = await readZip(bytes);
    const manifest = PackManifest.parse(
      JSON.parse(decode(files.get(MANIFEST) ?? new Uint8Array())),
    );
    expect(manifest.custody.map((e) => e.action)).toEqual([
      'case-created',
      'capture',
      'export',
      'export',
      'export',
    ]);
    expect(manifest.custody[3]?.details.failed).toBe(true);
    expect(manifest.custody[4]?.details.failed).toBeUndefined();
  });

  it('describes, in the export entry, exactly the items packed, even with a capture racing it', async () => {
    const db = testDb();
    const theCase = await ensureActiveCase(db, new Date('2026-11-21T01:00:00.000Z'), 'case');
    const first = await makeEvidence(theCase.id, { capturedAt: '2026-11-21T01:10:00.000Z' });
    await saveEvidence(db, first.item, first.blobs);
    const second = await makeEvidence(theCase.id, { capturedAt: '2026-11-21T01:20:00.000Z' });

    // A capture starts the moment the export has read the case's items, outside its
    // transaction (as a capture from the popup would be).
    let racing: Promise<unknown> | undefined;
    const startCapture = (row: unknown) => {
      racing ??= Dexie.ignoreTransaction(() => saveEvidence(db, second.item, second.blobs));
      return row;
    };
    db.evidence.hook('reading', startCapture);
    const bytes = await exportCase(db, theCase.id, { toolVersion: '0.1.0', now: new Date() });
    db.evidence.hook('reading').unsubscribe(startCapture);
    expect(racing).toBeDefined();
    await racing;

    expect(await verifyPack(bytes)).toEqual([]);
    const files = await readZip(bytes);
    const manifest = PackManifest.parse(
      JSON.parse(decode(files.get(MANIFEST) ?? new Uint8Array())),
    );
    const exportAt = manifest.custody.findIndex((e) => e.action === 'export');
    const exportEntry = manifest.custody[exportAt];
    const capturedBefore = manifest.custody
      .slice(0, exportAt)
      .filter((e) => e.action === 'capture')
      .map((e) => e.evidenceId);
    const packed = manifest.items.map((i) => i.id);
    expect(exportEntry?.details.evidenceIds).toEqual(packed);
    expect(capturedBefore).toEqual(packed);
    expect(manifest.custody.at(-1)).toEqual(exportEntry);
    // The capture still landed, after the export, and the stored chain verifies.
    const stored = await listCustody(db, theCase.id);
    expect(stored.map((e) => e.action)).toEqual(['case-created', 'capture', 'export', 'capture']);
    expect(await verifyCustodyChain(stored)).toEqual([]);
  });
});

describe('packFileName', () => {
  const now = new Date('2026-11-21T16:30:45.000Z');
  it.each([
    ['卡盟 Steam 充值卡', '证据包-卡盟_Steam_充值卡-20261121-1630.zip'],
    ['a/b\\c', '证据包-a_b_c-20261121-1630.zip'],
    ['../../etc/passwd', '证据包-.._.._etc_passwd-20261121-1630.zip'],
    ['C:\\Windows\\x', '证据包-C_Windows_x-20261121-1630.zip'],
    ['what? "quoted" <tag>|pipe*', '证据包-what_quoted_tag_pipe_-20261121-1630.zip'],
    ['', '证据包-case-20261121-1630.zip'],
  ])('%j -> %s', (title, expected) => {
    const name = packFileName(title, now);
    expect(name).toBe(expected);
    expect(name).not.toMatch(/[\\/:*?"<>|]/);
  });

  it('caps the title part at 40 characters', () => {
    const name = packFileName('长'.repeat(100), now);
    expect(name).toBe(`证据包-${'长'.repeat(40)}-20261121-1630.zip`);
  });
});
