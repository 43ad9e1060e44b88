import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { EvidenceDB } from '@/lib/db/database';
import { listCustody, listEvidence, saveEvidence } from '@/lib/db/repo';
import { verifyCustodyChain } from '@/lib/integrity/custody';
import { sha256Hex } from '@/lib/integrity/sha256';
import { exportCase } from '@/lib/pack/export-case';
import { ImportError, importPack } from '@/lib/pack/import-pack';
import { MANIFEST, MANIFEST_DIGEST, type PackManifest } from '@/lib/pack/manifest';
import { readZip, verifyPack } from '@/lib/pack/verify-pack';
import { ZipWriter } from '@/lib/pack/zip';
import { decode, encode, makeEvidence, newDb, testDb } from '../helpers';
import { buildFixturePack } from './pack-fixture';

const NOW = new Date('2026-12-01T00:00:00.000Z');

/** Everything in the database, blobs by hash and size, to compare before and after. */
async function snapshot(db: EvidenceDB) {
  const blobs = await db.blobs.toArray();
  return {
    cases: await db.cases.toArray(),
    evidence: await db.evidence.toArray(),
    blobs: blobs.map((b) => [b.sha256, b.bytes, b.data.size]),
    custody: await db.custody.toArray(),
    complaints: await db.complaints.toArray(),
    settings: await db.settings.toArray(),
  };
}

const itemHashes = (m: Pick<PackManifest, 'items'>) =>
  m.items.map((i) => [i.id, i.kind, i.artifacts.map((a) => [a.path, a.sha256])]);

const manifestOf = (files: ReadonlyMap<string, Uint8Array>) =>
  JSON.parse(decode(files.get(MANIFEST) ?? new Uint8Array())) as PackManifest;

async function zipOf(files: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const zip = new ZipWriter();
  for (const [name, bytes] of files) await zip.add(name, bytes, { store: false, date: NOW });
  return new Uint8Array(await zip.finish().arrayBuffer());
}

async function withManifest(
  files: ReadonlyMap<string, Uint8Array>,
  change: (m: PackManifest) => void,
  fixDigest = true,
) {
  const out = new Map(files);
  const manifest = manifestOf(files);
  change(manifest);
  const bytes = encode(`${JSON.stringify(manifest, null, 2)}\n`);
  out.set(MANIFEST, bytes);
  if (fixDigest) out.set(MANIFEST_DIGEST, encode(`${await sha256Hex(bytes)}  ${MANIFEST}\n`));
  return out;
}

describe('importPack round trip', () => {
  it('build → verify → import → export again gives the same items and hashes', async () => {
    const source = testDb();
    const pack = await buildFixturePack(source);
    expect(await verifyPack(pack.bytes)).toEqual([]);

    const target = testDb();
    const result = await importPack(target, pack.bytes, { now: NOW, fileName: 'p.zip' });
    expect(result).toMatchObject({ status: 'imported', caseId: pack.caseId, added: 6 });

    const again = await exportCase(target, pack.caseId, {
      toolVersion: '0.1.0',
      now: new Date('2026-12-02T00:00:00.000Z'),
    });
    expect(await verifyPack(again)).toEqual([]);
    const before = manifestOf(pack.files);
    const after = manifestOf(await readZip(again));
    expect(itemHashes(after)).toEqual(itemHashes(before));
    expect(after.items.map((i) => i.facts)).toEqual(before.items.map((i) => i.facts));
    expect(after.items.map((i) => i.derived)).toEqual(before.items.map((i) => i.derived));
    expect(after.case).toEqual(before.case);

    // The chain is carried over whole, then import and the new export are appended.
    expect(after.custody.slice(0, before.custody.length)).toEqual(before.custody);
    expect(after.custody.slice(before.custody.length).map((e) => e.action)).toEqual([
      'import',
      'export',
    ]);
    const importEntry = after.custody[before.custody.length];
    expect(importEntry?.details).toMatchObject({
      manifestSha256: await sha256Hex(pack.files.get(MANIFEST) ?? new Uint8Array()),
      packCreatedAt: before.createdAt,
      added: 6,
      fileName: 'p.zip',
    });
    expect(await verifyCustodyChain(after.custody)).toEqual([]);
    expect(await target.settings.get('activeCaseId')).toEqual({
      key: 'activeCaseId',
      value: pack.caseId,
    });
  });

  it('importing the same pack twice changes nothing the second time', async () => {
    const pack = await buildFixturePack(testDb());
    const db = testDb();
    await importPack(db, pack.bytes, { now: NOW });
    const once = await snapshot(db);
    expect(await importPack(db, pack.bytes, { now: NOW })).toMatchObject({
      status: 'already-present',
      added: 0,
    });
    expect(await snapshot(db)).toEqual(once);
    expect(once.cases).toHaveLength(1);
    expect(once.evidence).toHaveLength(6);
  });

  it('importing into the database it came from changes nothing', async () => {
    const db = testDb();
    const pack = await buildFixturePack(db);
    const before = await snapshot(db);
    expect((await importPack(db, pack.bytes)).status).toBe('already-present');
    expect(await snapshot(db)).toEqual(before);
  });

  it('a later pack of the same case adds only what is new', async () => {
    const home = testDb();
    const first = await buildFixturePack(home);
    const away = testDb();
    await importPack(away, first.bytes, { now: NOW });
    // Captured on the original machine after the first export.
    const extra = await makeEvidence(first.caseId, { capturedAt: '2026-11-22T00:00:00.000Z' });
    await saveEvidence(home, extra.item, extra.blobs);
    const second = await exportCase(home, first.caseId, { toolVersion: '0.1.0', now: NOW });
    // The away machine's chain (… export, import) is not a prefix of home's (… export,
    // capture, export): both sides changed, so it is refused, not merged silently.
    const before = await snapshot(away);
    await expect(importPack(away, second)).rejects.toThrow(/different custody history/);
    expect(await snapshot(away)).toEqual(before);
    const fresh = testDb();
    await importPack(fresh, first.bytes, { now: NOW, activate: false });
    expect((await listEvidence(fresh, first.caseId)).length).toBe(6);
    expect(await fresh.settings.count()).toBe(0);
  });

  it('extends a case whose chain here is a prefix of the pack', async () => {
    const home = testDb();
    const first = await buildFixturePack(home);
    const restored = testDb();
    // Restore the backup, then the original machine goes on capturing and exports again.
    const copyHome = testDb();
    await importPack(copyHome, first.bytes, { now: NOW });
    const extra = await makeEvidence(first.caseId, { capturedAt: '2026-11-25T00:00:00.000Z' });
    await saveEvidence(copyHome, extra.item, extra.blobs);
    const later = await exportCase(copyHome, first.caseId, { toolVersion: '0.1.0', now: NOW });
    await importPack(restored, first.bytes, { now: NOW });
    // restored: first chain + import; later: first chain + import + capture + export;
    // the import entries differ only if their times differ, and here they are equal.
    const result = await importPack(restored, later, { now: NOW });
    expect(result).toMatchObject({ status: 'updated', added: 1 });
    const chain = await listCustody(restored, first.caseId);
    expect(await verifyCustodyChain(chain)).toEqual([]);
    expect(chain.at(-1)?.action).toBe('import');
    expect(await restored.evidence.count()).toBe(7);
  });
});

describe('importPack refuses, writing nothing', () => {
  async function expectRefused(bytes: Uint8Array, reason: RegExp) {
    const db = testDb();
    const seed = await buildFixturePack(db, '2026-11-30T00:00:00.000Z');
    void seed;
    const before = await snapshot(db);
    const error = await importPack(db, bytes).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toMatch(/未导入任何内容.*Nothing was imported/s);
    expect(await snapshot(db)).toEqual(before);
    return error as ImportError;
  }

  it('a tampered pack, with the reason per file', async () => {
    const { files } = await buildFixturePack(newDb());
    const tampered = new Map(files);
    const path = 'evidence/002-order/text.txt';
    tampered.set(path, encode('forged'));
    const error = await expectRefused(await zipOf(tampered), /failed verification/);
    expect(error.problems).toEqual([{ path, problem: expect.stringMatching(/altered/) }]);
    expect(error.message).toContain(path);
  });

  it.each(['../evil.txt', 'evidence/../../evil.txt', '/etc/evil'])(
    'an entry named %s',
    async (name) => {
      const { files } = await buildFixturePack(newDb());
      const zip = new JSZip();
      for (const [path, bytes] of files) zip.file(path, bytes, { createFolders: false });
      zip.file(name, 'escape', { createFolders: false });
      await expectRefused(await zip.generateAsync({ type: 'uint8array' }), /unsafe path/);
    },
  );

  it('an entry declaring an absurd size, before inflating anything', async () => {
    const { files } = await buildFixturePack(newDb());
    const bytes = await zipOf(files);
    // Patch the declared size of the first central-directory entry to 3 GB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const cd = view.getUint32(bytes.byteLength - 22 + 16, true);
    view.setUint32(cd + 24, 3 * 1024 ** 3, true);
    await expectRefused(bytes, /declares 3221225472 bytes/);
  });

  it('entries whose declared sizes add up to too much', async () => {
    const { files } = await buildFixturePack(newDb());
    const db = testDb();
    const error = await importPack(db, await zipOf(files), {
      limits: { maxEntries: 1000, maxEntryBytes: 1e9, maxTotalBytes: 10_000 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/in total/);
    expect(await db.cases.count()).toBe(0);
  });

  it('a zip bomb that lies about its size', async () => {
    const { files } = await buildFixturePack(newDb());
    const bomb = new Map(files);
    bomb.set('evidence/001-promise/text.txt', new Uint8Array(5_000_000));
    const bytes = await zipOf(bomb);
    // Make the bomb's central and local headers claim 100 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = view.getUint32(bytes.byteLength - 22 + 16, true);
    for (;;) {
      const nameLength = view.getUint16(at + 28, true);
      const name = decode(bytes.subarray(at + 46, at + 46 + nameLength));
      if (name === 'evidence/001-promise/text.txt') {
        view.setUint32(at + 24, 100, true);
        break;
      }
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    // Refused by the declared size alone (it disagrees with the manifest), never inflated.
    await expectRefused(bytes, /altered: 100 bytes, manifest says \d+/);
  });

  it('a manifest that is not JSON (digest fixed)', async () => {
    const { files } = await buildFixturePack(newDb());
    const bad = new Map(files);
    bad.set(MANIFEST, encode('{ nope'));
    bad.set(MANIFEST_DIGEST, encode(`${await sha256Hex(encode('{ nope'))}  ${MANIFEST}\n`));
    await expectRefused(await zipOf(bad), /malformed/);
  });

  it('a manifest of the wrong shape (digest fixed)', async () => {
    const { files } = await buildFixturePack(newDb());
    const bad = await withManifest(files, (m) => {
      (m as { items: unknown }).items = 'none';
    });
    await expectRefused(await zipOf(bad), /malformed/);
  });

  it('an artifact outside its item folder (everything rewritten to match)', async () => {
    const { files } = await buildFixturePack(newDb());
    const bad = await withManifest(files, (m) => {
      const a = m.items[0]?.artifacts[0];
      if (a) a.path = 'evidence/002-order/screenshot-viewport.png';
      const b = m.items[1]?.artifacts[0];
      if (a && b) a.sha256 = b.sha256;
    });
    const error = await importPack(testDb(), await zipOf(bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
  });

  it.each([
    ['random bytes', Uint8Array.from({ length: 100 }, (_, i) => (i * 91) % 256)],
    ['nothing', new Uint8Array()],
    ['text', encode('PK not really')],
  ])('%s', async (_name, bytes) => {
    await expectRefused(bytes, /not a readable zip/);
  });
});

describe('importPack fuzzed', () => {
  it('corrupted zips: a clear ImportError and the database unchanged, or a faithful import', async () => {
    const { bytes, files } = await buildFixturePack(newDb());
    const db = newDb();
    const empty = await snapshot(db);
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.nat(bytes.byteLength - 1),
        xor: fc.integer({ min: 1, max: 255 }),
      }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(bytes.byteLength - 1) }),
      fc.record({
        kind: fc.constant('splice' as const),
        at: fc.nat(bytes.byteLength - 1),
        junk: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        let input = new Uint8Array(bytes);
        for (const m of mutations) {
          if (m.kind === 'flip') {
            const at = m.at % input.length;
            input[at] = (input[at] ?? 0) ^ m.xor;
          }
          if (m.kind === 'truncate') input = input.slice(0, m.at % input.length);
          if (m.kind === 'splice') {
            const at = m.at % (input.length + 1);
            input = new Uint8Array([...input.subarray(0, at), ...m.junk, ...input.subarray(at)]);
          }
          if (input.length === 0) break;
        }
        const outcome = await importPack(db, input).then(
          (r) => r,
          (e: unknown) => e,
        );
        if (outcome instanceof ImportError) {
          expect(outcome.message.length).toBeGreaterThan(20);
          expect(outcome.message).not.toMatch(/undefined|\[object /);
          expect(await snapshot(db)).toEqual(empty);
        } else {
          // Only bytes no check covers changed (a CRC, a time stamp): the import is whole.
          expect(outcome).not.toBeInstanceOf(Error);
          expect(itemHashes(manifestOf(files))).toEqual(
            itemHashes({
              items: (await db.evidence.toArray())
                .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt))
                .map((item, i) => ({
                  ...item,
                  number: i + 1,
                  artifacts: item.artifacts.map((a) => ({
                    path: `evidence/00${i + 1}-${item.kind}/${a.fileName}`,
                    sha256: a.sha256,
                  })),
                })) as unknown as PackManifest['items'],
            }),
          );
          await db.delete();
          await db.open();
        }
      }),
      { numRuns: 150 },
    );
    db.close();
    await db.delete();
  }, 120_000);

  it('corrupted manifests: always refused with a clear error, database unchanged', async () => {
    const { files } = await buildFixturePack(newDb());
    const db = newDb();
    const empty = await snapshot(db);
    const original = JSON.parse(decode(files.get(MANIFEST) ?? new Uint8Array()));
    // A path into the manifest, and what to put there (or delete).
    const edit = fc.record({
      path: fc.array(fc.nat(40), { minLength: 1, maxLength: 5 }),
      value: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
      fixDigest: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(edit, async ({ path, value, fixDigest }) => {
        const manifest = structuredClone(original);
        let node = manifest;
        for (const [depth, step] of path.entries()) {
          const keys = Object.keys(node);
          if (keys.length === 0) break;
          const key = keys[step % keys.length] as string;
          const last = depth === path.length - 1 || typeof node[key] !== 'object' || !node[key];
          if (last) {
            if (value === undefined) delete node[key];
            else node[key] = value;
            break;
          }
          node = node[key];
        }
        const text = JSON.stringify(manifest, null, 2);
        fc.pre(text !== JSON.stringify(original, null, 2));
        const mutated = new Map(files);
        const bytes = encode(`${text}\n`);
        mutated.set(MANIFEST, bytes);
        if (fixDigest) {
          mutated.set(MANIFEST_DIGEST, encode(`${await sha256Hex(bytes)}  ${MANIFEST}\n`));
        }
        const outcome = await importPack(db, await zipOf(mutated)).then(
          (r) => r,
          (e: unknown) => e,
        );
        if (outcome instanceof ImportError) {
          expect(outcome.message).toMatch(/Nothing was imported/);
          expect(outcome.message).not.toMatch(/undefined|\[object /);
          expect(await snapshot(db)).toEqual(empty);
        } else {
          // With the digest rewritten, an edit nothing else covers (a title, a fact) makes a
          // pack anyone could have forged whole; it imports as what it says.
          expect(fixDigest).toBe(true);
          expect(outcome).not.toBeInstanceOf(Error);
          await db.delete();
          await db.open();
        }
      }),
      { numRuns: 150 },
    );
    db.close();
    await db.delete();
  }, 120_000);
});
