import { describe, expect, it } from 'vitest';
import {
  appendCustody,
  ensureActiveCase,
  getActiveCase,
  listCustody,
  listEvidence,
  readBlob,
  saveEvidence,
} from '@/lib/db/repo';
import { CaseRecord, EvidenceItem } from '@/lib/db/schema';
import { GENESIS_HASH, verifyCustodyChain } from '@/lib/integrity/custody';
import { sha256Hex } from '@/lib/integrity/sha256';
import { captureFiles, counts, encode, makeEvidence, testDb } from '../helpers';

const NOW = new Date('2026-11-21T04:00:00.000Z');

describe('ensureActiveCase', () => {
  it('creates one open case, makes it active and logs a case-created entry', async () => {
    const db = testDb();
    expect(await getActiveCase(db)).toBeUndefined();
    const created = await ensureActiveCase(db, NOW, '我的第一个案件');
    expect(CaseRecord.parse(created)).toEqual(created);
    expect(created).toMatchObject({
      title: '我的第一个案件',
      status: 'open',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect(await db.cases.toArray()).toEqual([created]);
    expect(await db.settings.get('activeCaseId')).toEqual({
      key: 'activeCaseId',
      value: created.id,
    });
    const custody = await listCustody(db, created.id);
    expect(custody).toHaveLength(1);
    expect(custody[0]).toMatchObject({
      caseId: created.id,
      seq: 0,
      action: 'case-created',
      at: NOW.toISOString(),
      prevHash: GENESIS_HASH,
      details: { title: '我的第一个案件' },
    });
    expect(await verifyCustodyChain(custody)).toEqual([]);
  });

  it('returns the same case on the second call and creates nothing more', async () => {
    const db = testDb();
    const first = await ensureActiveCase(db, NOW, 'first');
    const second = await ensureActiveCase(db, new Date('2026-12-01T00:00:00.000Z'), 'second');
    expect(second).toEqual(first);
    expect(await counts(db)).toMatchObject({ cases: 1, custody: 1, settings: 1 });
  });

  it('creates only one case when two calls race', async () => {
    const db = testDb();
    const [a, b] = await Promise.all([
      ensureActiveCase(db, NOW, 'a'),
      ensureActiveCase(db, NOW, 'b'),
    ]);
    expect(a.id).toBe(b.id);
    expect(await counts(db)).toMatchObject({ cases: 1, custody: 1 });
  });

  it('creates a new case when the active-case setting points at a case that is gone', async () => {
    const db = testDb();
    await db.settings.put({ key: 'activeCaseId', value: 'deleted-case' });
    const created = await ensureActiveCase(db, NOW, 'fresh');
    expect(created.id).not.toBe('deleted-case');
    expect((await getActiveCase(db))?.id).toBe(created.id);
  });
});

describe('saveEvidence', () => {
  it('stores the blobs, the evidence row and a capture custody entry, and bumps the case', async () => {
    const db = testDb();
    const theCase = await ensureActiveCase(db, NOW, 'case');
    const { item, blobs } = await makeEvidence(theCase.id, {
      capturedAt: '2026-11-21T05:00:00.000Z',
    });
    const entry = await saveEvidence(db, item, blobs);

    expect(EvidenceItem.parse(await db.evidence.get(item.id))).toEqual(item);
    expect(await db.blobs.count()).toBe(blobs.length);
    for (const blob of blobs) {
      const stored = await db.blobs.get(blob.sha256);
      expect(stored).toMatchObject({
        sha256: blob.sha256,
        bytes: blob.data.size,
        mediaType: blob.mediaType,
      });
    }
    expect(entry).toMatchObject({
      caseId: theCase.id,
      seq: 1,
      action: 'capture',
      evidenceId: item.id,
      at: item.capturedAt,
      details: {
        kind: item.kind,
        url: item.url,
        artifacts: item.artifacts.map((a) => ({ fileName: a.fileName, sha256: a.sha256 })),
      },
    });
    expect(await listCustody(db, theCase.id)).toEqual([expect.anything(), entry]);
    expect((await db.cases.get(theCase.id))?.updatedAt).toBe(item.capturedAt);
  });

  it('stores nothing when the case does not exist', async () => {
    const db = testDb();
    const { item, blobs } = await makeEvidence('no-such-case');
    await expect(saveEvidence(db, item, blobs)).rejects.toThrow(/does not exist/);
    expect(await counts(db)).toEqual({
      cases: 0,
      evidence: 0,
      blobs: 0,
      custody: 0,
      complaints: 0,
      settings: 0,
    });
  });

  it('stores nothing from a call whose evidence id already exists (its new blobs are rolled back)', async () => {
    const db = testDb();
    const theCase = await ensureActiveCase(db, NOW, 'case');
    const first = await makeEvidence(theCase.id, { id: 'ev-1', files: captureFiles('first') });
    await saveEvidence(db, first.item, first.blobs);
    const before = await counts(db);
    const updatedBefore = (await db.cases.get(theCase.id))?.updatedAt;

    const clash = await makeEvidence(theCase.id, {
      id: 'ev-1',
      files: captureFiles('second'),
      capturedAt: '2026-11-22T00:00:00.000Z',
    });
    await expect(saveEvidence(db, clash.item, clash.blobs)).rejects.toThrow();

    expect(await counts(db)).toEqual(before);
    for (const blob of clash.blobs) expect(await db.blobs.get(blob.sha256)).toBeUndefined();
    expect(await db.evidence.get('ev-1')).toEqual(first.item);
    expect((await db.cases.get(theCase.id))?.updatedAt).toBe(updatedBefore);
    expect((await listCustody(db, theCase.id)).map((e) => e.action)).toEqual([
      'case-created',
      'capture',
    ]);
  });

  it('stores a blob shared by two captures once', async () => {
    const db = testDb();
    const theCase = await ensureActiveCase(db, NOW, 'case');
    const shared = captureFiles('same');
    const a = await makeEvidence(theCase.id, { files: shared });
    const b = await makeEvidence(theCase.id, { files: shared });
    await saveEvidence(db, a.item, a.blobs);
    await saveEvidence(db, b.item, b.blobs);
    expect(await db.blobs.count()).toBe(shared.length);
    expect(await db.evidence.count()).toBe(2);
    const text = a.item.artifacts.find((x) => x.role === 'text');
    expect(text).toBeDefined();
    expect(await readBlob(db, text?.sha256 ?? '')).toEqual(
      shared.find((f) => f.role === 'text')?.bytes,
    );
  });

  it('lands all of 10 concurrent captures on one case with an unbroken custody chain', async () => {
    const db = testDb();
    const theCase = await ensureActiveCase(db, NOW, 'case');
    const captures = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        makeEvidence(theCase.id, {
          capturedAt: `2026-11-21T05:00:${String(i).padStart(2, '0')}.000Z`,
        }),
      ),
    );
    const entries = await Promise.all(
      captures.map(({ item, blobs }) => saveEvidence(db, item, blobs)),
    );

    expect(entries.map((e) => e.seq).sort((x, y) => x - y)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    const custody = await listCustody(db, theCase.id);
    expect(custody.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await verifyCustodyChain(custody)).toEqual([]);
    expect(new Set(custody.slice(1).map((e) => e.evidenceId))).toEqual(
      new Set(captures.map((c) => c.item.id)),
    );
    expect(await listEvidence(db, theCase.id)).toHaveLength(10);
  });
});

describe('listEvidence and listCustody', () => {
  it('list one case only, evidence oldest first whatever the insertion order', async () => {
    const db = testDb();
    const one = await ensureActiveCase(db, NOW, 'one');
    await db.cases.add({ ...one, id: 'other-case', title: 'other' });
    const late = await makeEvidence(one.id, { capturedAt: '2026-11-21T09:00:00.000Z' });
    const early = await makeEvidence(one.id, { capturedAt: '2026-11-21T08:00:00.000Z' });
    const other = await makeEvidence('other-case', { capturedAt: '2026-11-21T07:00:00.000Z' });
    for (const c of [late, early, other]) await saveEvidence(db, c.item, c.blobs);

    expect((await listEvidence(db, one.id)).map((i) => i.id)).toEqual([
      early.item.id,
      late.item.id,
    ]);
    expect((await listEvidence(db, 'other-case')).map((i) => i.id)).toEqual([other.item.id]);
    // Each case has its own chain starting at 0.
    const otherCustody = await listCustody(db, 'other-case');
    expect(otherCustody.map((e) => e.seq)).toEqual([0]);
    expect(await verifyCustodyChain(otherCustody)).toEqual([]);
    expect((await listCustody(db, one.id)).map((e) => e.seq)).toEqual([0, 1, 2]);
  });
});

describe('appendCustody', () => {
  it('continues the chain of the case given', async () => {
    const db = testDb();
    const theCase = await ensureActiveCase(db, NOW, 'case');
    const entry = await db.transaction('rw', db.custody, () =>
      appendCustody(db, {
        caseId: theCase.id,
        at: NOW.toISOString(),
        action: 'annotate',
        details: { note: '证明目的' },
      }),
    );
    const chain = await listCustody(db, theCase.id);
    expect(entry.seq).toBe(1);
    expect(entry.prevHash).toBe(chain[0]?.hash);
    expect(await verifyCustodyChain(chain)).toEqual([]);
  });
});

describe('readBlob', () => {
  it('returns the stored bytes when they still match their key', async () => {
    const db = testDb();
    const bytes = encode('卡密 ABCD-EFGH');
    const sha256 = await sha256Hex(bytes);
    await db.blobs.add({
      sha256,
      data: new Blob([bytes]),
      bytes: bytes.byteLength,
      mediaType: 'text/plain',
    });
    expect(await readBlob(db, sha256)).toEqual(bytes);
  });

  it('throws for a blob that is not stored', async () => {
    const db = testDb();
    await expect(readBlob(db, 'a'.repeat(64))).rejects.toThrow(/missing/);
  });

  it('throws for a blob whose bytes no longer match its key', async () => {
    const db = testDb();
    const bytes = encode('original');
    const sha256 = await sha256Hex(bytes);
    await db.blobs.add({
      sha256,
      data: new Blob([bytes]),
      bytes: bytes.byteLength,
      mediaType: 'text/plain',
    });
    await db.blobs.put({
      sha256,
      data: new Blob([encode('originaL')]),
      bytes: bytes.byteLength,
      mediaType: 'text/plain',
    });
    await expect(readBlob(db, sha256)).rejects.toThrow(/corrupt/);
  });
});
