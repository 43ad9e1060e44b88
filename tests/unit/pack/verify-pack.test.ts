import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceDB } from '@/lib/db/database';
import { ensureActiveCase, saveEvidence } from '@/lib/db/repo';
import { custodyEntryHash } from '@/lib/integrity/custody';
import { sha256Hex } from '@/lib/integrity/sha256';
import { CHECKSUMS } from '@/lib/pack/build-pack';
import { exportCase } from '@/lib/pack/export-case';
import { MANIFEST, MANIFEST_DIGEST, type PackManifest } from '@/lib/pack/manifest';
import { isSafeEntryName, readZip, verifyPack, verifyPackFiles } from '@/lib/pack/verify-pack';
import { decode, encode, makeEvidence, newDb } from '../helpers';

let db: EvidenceDB;
let pack: Uint8Array;
let original: ReadonlyMap<string, Uint8Array>;

beforeAll(async () => {
  db = newDb();
  const theCase = await ensureActiveCase(db, new Date('2026-11-21T01:00:00.000Z'), 'case');
  for (const [kind, capturedAt] of [
    ['promise', '2026-11-21T01:10:00.000Z'],
    ['order', '2026-11-21T01:20:00.000Z'],
  ] as const) {
    const { item, blobs } = await makeEvidence(theCase.id, { kind, capturedAt });
    await saveEvidence(db, item, blobs);
  }
  pack = await exportCase(db, theCase.id, {
    toolVersion: '0.1.0',
    now: new Date('2026-11-21T02:00:00.000Z'),
  });
  original = await readZip(pack);
});

afterAll(async () => {
  db.close();
  await db.delete();
});

const copy = () => new Map(original);
const manifestOf = (files: ReadonlyMap<string, Uint8Array>) =>
  JSON.parse(decode(files.get(MANIFEST) ?? new Uint8Array())) as PackManifest;

/** Rewrites manifest.json and fixes manifest.sha256, so only what `change` did is wrong. */
async function rewriteManifest(
  files: Map<string, Uint8Array>,
  change: (m: PackManifest) => void | Promise<void>,
) {
  const manifest = manifestOf(files);
  await change(manifest);
  const bytes = encode(`${JSON.stringify(manifest, null, 2)}\n`);
  files.set(MANIFEST, bytes);
  files.set(MANIFEST_DIGEST, encode(`${await sha256Hex(bytes)}  ${MANIFEST}\n`));
}

async function zipOf(files: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, bytes] of files) zip.file(name, bytes);
  return zip.generateAsync({ type: 'uint8array' });
}

const flip = (bytes: Uint8Array, at = 0) => {
  const out = new Uint8Array(bytes);
  out[at] = (out[at] ?? 0) ^ 0x01;
  return out;
};

describe('verifyPack on an intact pack', () => {
  it('finds no problem in the exported zip', async () => {
    expect(await verifyPack(pack)).toEqual([]);
  });

  it('finds no problem after an unzip/re-zip round trip', async () => {
    expect(await verifyPack(await zipOf(original))).toEqual([]);
  });
});

describe('verifyPack on a tampered pack', () => {
  const artifactPaths = [
    'evidence/001-promise/screenshot-viewport.png',
    'evidence/001-promise/page.mhtml',
    'evidence/001-promise/dom.html',
    'evidence/001-promise/text.txt',
    'evidence/001-promise/facts.json',
    'evidence/001-promise/meta.json',
    'evidence/002-order/text.txt',
    'index.html',
    'README.txt',
    'checksums.sha256',
  ];

  it('knows every path the table below tampers with', () => {
    for (const path of artifactPaths) expect(original.has(path), path).toBe(true);
  });

  it.each(artifactPaths)('flags a flipped byte in %s, on that path only', async (path) => {
    const files = copy();
    const bytes = files.get(path) ?? new Uint8Array();
    files.set(path, flip(bytes, Math.floor(bytes.byteLength / 2)));
    const problems = await verifyPack(await zipOf(files));
    expect(problems).toEqual([{ path, problem: expect.stringMatching(/altered/) }]);
  });

  it('flags a file that grew by one byte', async () => {
    const files = copy();
    const path = 'evidence/002-order/dom.html';
    files.set(path, new Uint8Array([...(files.get(path) ?? []), 0x20]));
    expect(await verifyPackFiles(files)).toEqual([
      { path, problem: expect.stringMatching(/altered/) },
    ]);
  });

  it.each([
    'evidence/001-promise/screenshot-viewport.png',
    'evidence/002-order/meta.json',
    'index.html',
  ])('flags a removed %s as missing', async (path) => {
    const files = copy();
    files.delete(path);
    expect(await verifyPackFiles(files)).toEqual([{ path, problem: 'missing' }]);
  });

  it.each(['stray.txt', 'evidence/001-promise/extra.png'])(
    'flags an added %s as extra',
    async (path) => {
      const files = copy();
      files.set(path, encode('not part of the evidence'));
      expect(await verifyPack(await zipOf(files))).toEqual([
        { path, problem: expect.stringMatching(/extra/) },
      ]);
    },
  );

  it('flags an edited manifest.json whose digest was not updated', async () => {
    const files = copy();
    const manifest = manifestOf(files);
    manifest.case.title = 'a different case';
    files.set(MANIFEST, encode(`${JSON.stringify(manifest, null, 2)}\n`));
    expect(await verifyPackFiles(files)).toEqual([
      { path: MANIFEST, problem: expect.stringMatching(/altered/) },
    ]);
  });

  it('flags an edited manifest.sha256', async () => {
    const files = copy();
    files.set(MANIFEST_DIGEST, encode(`${'0'.repeat(64)}  ${MANIFEST}\n`));
    expect(await verifyPackFiles(files)).toEqual([
      { path: MANIFEST, problem: expect.stringMatching(/altered/) },
    ]);
  });

  it.each([MANIFEST, MANIFEST_DIGEST])('flags a missing %s', async (path) => {
    const files = copy();
    files.delete(path);
    expect(await verifyPackFiles(files)).toContainEqual({ path, problem: 'missing' });
  });

  it('flags a manifest that is not valid JSON', async () => {
    const files = copy();
    const bytes = encode('{ not json');
    files.set(MANIFEST, bytes);
    files.set(MANIFEST_DIGEST, encode(`${await sha256Hex(bytes)}  ${MANIFEST}\n`));
    expect(await verifyPackFiles(files)).toEqual([
      { path: MANIFEST, problem: expect.stringMatching(/malformed/) },
    ]);
  });

  it('flags a file whose new hash was written into the manifest but not into its item', async () => {
    const files = copy();
    const path = 'evidence/001-promise/text.txt';
    const bytes = encode('edited text');
    files.set(path, bytes);
    await rewriteManifest(files, async (m) => {
      const file = m.files.find((f) => f.path === path);
      if (!file) throw new Error('not listed');
      file.sha256 = await sha256Hex(bytes);
      file.bytes = bytes.byteLength;
    });
    expect(await verifyPackFiles(files)).toEqual([
      { path, problem: expect.stringMatching(/item 1/) },
    ]);
  });

  it('flags an edited custody entry (digest fixed) as custody#N', async () => {
    const files = copy();
    await rewriteManifest(files, (m) => {
      const entry = m.custody[1];
      if (!entry) throw new Error('no entry 1');
      entry.details = { ...entry.details, url: 'https://elsewhere.example/' };
    });
    expect(await verifyPackFiles(files)).toEqual([
      { path: 'custody#1', problem: expect.stringMatching(/altered/) },
    ]);
  });

  it('flags the next link when a custody entry was edited and rehashed', async () => {
    const files = copy();
    await rewriteManifest(files, async (m) => {
      const entry = m.custody[1];
      if (!entry) throw new Error('no entry 1');
      entry.at = '2026-11-20T00:00:00.000Z';
      entry.hash = await custodyEntryHash(entry);
    });
    expect(await verifyPackFiles(files)).toEqual([
      { path: 'custody#2', problem: expect.stringMatching(/prevHash/) },
    ]);
  });

  it('flags reordered custody entries (digest fixed) by their seqs', async () => {
    const files = copy();
    await rewriteManifest(files, (m) => {
      const [a, b] = [m.custody[1], m.custody[2]];
      if (!a || !b) throw new Error('too short');
      m.custody[1] = b;
      m.custody[2] = a;
    });
    const problems = await verifyPackFiles(files);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.path.startsWith('custody#'))).toBe(true);
    expect(new Set(problems.map((p) => p.path))).toEqual(
      new Set(['custody#1', 'custody#2', 'custody#3']),
    );
  });

  it('flags a removed custody entry (digest fixed)', async () => {
    const files = copy();
    await rewriteManifest(files, (m) => {
      m.custody.splice(1, 1);
    });
    const problems = await verifyPackFiles(files);
    expect(problems).toContainEqual({
      path: 'custody#2',
      problem: expect.stringMatching(/prevHash/),
    });
    expect(problems.every((p) => p.path.startsWith('custody#'))).toBe(true);
  });

  it.each([
    '../evil.txt',
    '/abs.txt',
    'evidence/../../evil.txt',
    'evidence\\evil.txt',
    'C:/evil.txt',
  ])('flags the unsafe entry name %s', async (name) => {
    const files = copy();
    files.set(name, encode('escape'));
    expect(await verifyPackFiles(files)).toContainEqual({
      path: name,
      problem: expect.stringMatching(/unsafe/),
    });
  });

  it.each(['../evil.txt', 'evidence/../../evil.txt', '/abs.txt'])(
    'flags the unsafe entry name %s inside a real zip',
    async (name) => {
      const files = copy();
      files.set(name, encode('escape'));
      const zip = new JSZip();
      for (const [path, bytes] of files) zip.file(path, bytes, { createFolders: false });
      const bytes = await zip.generateAsync({ type: 'uint8array' });
      // The zip really holds the hostile name, as an unzip tool would see it.
      expect(decode(bytes)).toContain(name);
      expect(await verifyPack(bytes)).toContainEqual({
        path: name,
        problem: expect.stringMatching(/unsafe/),
      });
    },
  );

  it('does not let a zip-slip duplicate of a listed file pass as intact', async () => {
    // '../README.txt' would be written outside the pack folder by a naive unzip, and JSZip
    // resolves it onto README.txt; the pack must not verify clean.
    const zip = new JSZip();
    for (const [path, bytes] of original) zip.file(path, bytes, { createFolders: false });
    zip.file('../README.txt', original.get('README.txt') ?? new Uint8Array(), {
      createFolders: false,
    });
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(decode(bytes)).toContain('../README.txt');
    expect(await verifyPack(bytes)).toContainEqual({
      path: '../README.txt',
      problem: expect.stringMatching(/unsafe/),
    });
  });

  it('flags an artifact swapped with manifest, item, checksums and digest all rewritten to match', async () => {
    const files = copy();
    const path = 'evidence/002-order/text.txt';
    const bytes = encode('订单 KM-FORGED 已发货\n');
    const sha = await sha256Hex(bytes);
    const before = await sha256Hex(files.get(path) ?? new Uint8Array());
    files.set(path, bytes);
    // checksums.sha256 names every file with its hash: rewrite that line too.
    const checksums = encode(
      decode(files.get(CHECKSUMS) ?? new Uint8Array()).replace(
        `${before}  ${path}`,
        `${sha}  ${path}`,
      ),
    );
    expect(decode(checksums)).toContain(`${sha}  ${path}`);
    files.set(CHECKSUMS, checksums);
    await rewriteManifest(files, async (m) => {
      for (const f of m.files) {
        if (f.path === path) Object.assign(f, { sha256: sha, bytes: bytes.byteLength });
        if (f.path === CHECKSUMS)
          Object.assign(f, { sha256: await sha256Hex(checksums), bytes: checksums.byteLength });
      }
      const artifact = m.items[1]?.artifacts.find((a) => a.path === path);
      if (!artifact) throw new Error('not an artifact of item 2');
      Object.assign(artifact, { sha256: sha, bytes: bytes.byteLength });
    });
    // Everything but the custody log now agrees with the forged file.
    const problems = await verifyPackFiles(files);
    expect(problems).toEqual([{ path, problem: expect.stringMatching(/recorded at capture/) }]);
    expect(problems[0]?.problem).toMatch(/custody#2/);
    expect(await verifyPack(await zipOf(files))).toEqual(problems);
  });

  it('flags an artifact that its capture entry recorded but the item no longer lists', async () => {
    const files = copy();
    const path = 'evidence/001-promise/dom.html';
    files.delete(path);
    await rewriteManifest(files, (m) => {
      m.files = m.files.filter((f) => f.path !== path);
      const item = m.items[0];
      if (!item) throw new Error('no item 1');
      item.artifacts = item.artifacts.filter((a) => a.path !== path);
    });
    // checksums.sha256 still names it, but verify reads the manifest, not that file.
    expect(await verifyPackFiles(files)).toEqual([
      { path: 'item 1/dom.html', problem: expect.stringMatching(/recorded at capture/) },
    ]);
  });

  it.each([
    ['random bytes', Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256)],
    ['text', encode('this is not a zip')],
    ['nothing', new Uint8Array()],
    ['a truncated pack', null],
  ])('reports %s as an unreadable (zip)', async (_name, bytes) => {
    const input = bytes ?? pack.slice(0, Math.floor(pack.byteLength / 2));
    const problems = await verifyPack(input);
    expect(problems).toEqual([
      { path: '(zip)', problem: expect.stringMatching(/not a readable zip/) },
    ]);
  });
});

describe('readZip', () => {
  it.each(['../evil.txt', 'evidence/../../evil.txt'])(
    'keeps the name %s as written in the zip, not as JSZip rewrites it',
    async (name) => {
      const zip = new JSZip();
      zip.file('README.txt', encode('readme'), { createFolders: false });
      zip.file(name, encode('escape'), { createFolders: false });
      const files = await readZip(await zip.generateAsync({ type: 'uint8array' }));
      expect([...files.keys()].sort()).toEqual([name, 'README.txt'].sort());
      expect(decode(files.get(name) ?? new Uint8Array())).toBe('escape');
      expect(files.has('evil.txt')).toBe(false);
    },
  );

  it('reports a hostile entry of a real zip by its original name', async () => {
    const files = copy();
    files.set('evidence/../../evil.txt', encode('escape'));
    const zip = new JSZip();
    for (const [path, bytes] of files) zip.file(path, bytes, { createFolders: false });
    const problems = await verifyPack(await zip.generateAsync({ type: 'uint8array' }));
    expect(problems).toContainEqual({
      path: 'evidence/../../evil.txt',
      problem: expect.stringMatching(/unsafe path/),
    });
    // Not under the name JSZip would have resolved it to.
    expect(problems.map((p) => p.path)).not.toContain('evil.txt');
  });
});

describe('isSafeEntryName', () => {
  it.each([
    ['manifest.json', true],
    ['evidence/001-order/page.mhtml', true],
    ['evidence/001-order/..hidden', true],
    ['../evil.txt', false],
    ['a/../../evil.txt', false],
    ['/abs.txt', false],
    ['a\\b.txt', false],
    ['C:evil.txt', false],
  ])('%s -> %s', (name, safe) => {
    expect(isSafeEntryName(name)).toBe(safe);
  });
});
