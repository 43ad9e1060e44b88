// For every kind of file in a pack: flipping a byte, removing it, or adding a stray
// file beside it makes both the CLI (scripts/verify.ts) and verify.html fail, naming it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceDB } from '@/lib/db/database';
import { custodyEntryHash } from '@/lib/integrity/custody';
import { sha256Hex } from '@/lib/integrity/sha256';
import { MANIFEST, MANIFEST_DIGEST, type PackManifest } from '@/lib/pack/manifest';
import { verifyCli } from '@/scripts/verify';
import { decode, encode, newDb } from '../helpers';
import { buildFixturePack, HOSTILE } from './pack-fixture';
import { openVerifierPage } from './page-harness';

let db: EvidenceDB;
let original: ReadonlyMap<string, Uint8Array>;
let page: Awaited<ReturnType<typeof openVerifierPage>>;
let work: string;

beforeAll(async () => {
  db = newDb();
  original = (await buildFixturePack(db)).files;
  page = await openVerifierPage(decode(original.get('verify.html') ?? new Uint8Array()));
  work = mkdtempSync(join(tmpdir(), 'kameng-tamper-'));
});

afterAll(async () => {
  await page.close();
  db.close();
  await db.delete();
  rmSync(work, { recursive: true, force: true });
});

async function zipOf(files: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, bytes] of files) zip.file(name, bytes, { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

let counter = 0;
/** The CLI's stdout lines and exit code for a pack of `files`. */
async function cli(files: ReadonlyMap<string, Uint8Array>) {
  const path = join(work, `pack-${counter++}.zip`);
  writeFileSync(path, await zipOf(files));
  const lines: string[] = [];
  const code = await verifyCli(
    path,
    (line) => lines.push(line),
    () => undefined,
  );
  return { code, lines };
}

const flip = (bytes: Uint8Array) => {
  const out = new Uint8Array(bytes);
  const at = Math.floor(out.byteLength / 2);
  out[at] = (out[at] ?? 0) ^ 0x01;
  return out;
};

const ITEM_FILES = [
  'screenshot-viewport.png',
  'page.mhtml',
  'dom.html',
  'text.txt',
  'facts.json',
  'meta.json',
];
const PATHS = [
  ...ITEM_FILES.map((f) => `evidence/001-promise/${f}`),
  ...ITEM_FILES.map((f) => `evidence/004-chat/${f}`),
  'evidence/004-chat/transcript.txt',
  'evidence/004-chat/transcript.csv',
  'index.html',
  'verify.html',
  'README.txt',
  'checksums.sha256',
];

describe('the fixture pack', () => {
  it('holds every path tampered with below, and verifies in the CLI and the page', async () => {
    for (const path of PATHS) expect(original.has(path), path).toBe(true);
    expect(await cli(original)).toEqual({ code: 0, lines: [] });
    const result = await page.verify(original);
    expect(result.state).toBe('intact');
    expect(result.summary).toMatch(/证据包完整.*Intact/);
    expect(result.rows.every((r) => r.status === 'ok')).toBe(true);
    expect(result.rows.map((r) => r.path).sort()).toEqual(
      [...original.keys()].filter((p) => p !== MANIFEST && p !== MANIFEST_DIGEST).sort(),
    );
    expect(result.custody.map((c) => c.seq)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    expect(result.custody.some((c) => c.bad)).toBe(false);
  });

  it('the real CLI (tsx scripts/verify.ts) exits 0 on it', async () => {
    const path = join(work, 'intact.zip');
    writeFileSync(path, await zipOf(original));
    const code = await new Promise<number>((ok) => {
      execFile('npx', ['tsx', 'scripts/verify.ts', path], { cwd: process.cwd() }, (error) =>
        ok(error ? Number(error.code ?? 1) : 0),
      );
    });
    expect(code).toBe(0);
  }, 30_000);
});

describe.each(PATHS)('%s', (path) => {
  it('flipped byte: CLI and page say altered, naming only it', async () => {
    const files = new Map(original);
    files.set(path, flip(files.get(path) ?? new Uint8Array()));
    const { code, lines } = await cli(files);
    expect(code).toBe(1);
    expect(lines).toEqual([`${path}: altered: SHA-256 does not match the manifest`]);
    const result = await page.verify(files);
    expect(result.state).toBe('failed');
    expect(result.problems.map((p) => p.path)).toEqual([path]);
    expect(result.problems[0]?.text).toContain('已被改动');
    expect(result.rows.find((r) => r.path === path)?.status).toBe('altered');
  });

  it('removed: CLI and page say missing', async () => {
    const files = new Map(original);
    files.delete(path);
    const { code, lines } = await cli(files);
    expect(code).toBe(1);
    expect(lines).toEqual([`${path}: missing`]);
    const result = await page.verify(files);
    expect(result.problems.map((p) => p.path)).toEqual([path]);
    expect(result.rows.find((r) => r.path === path)?.status).toBe('missing');
  });

  it('stray file beside it: CLI and page say extra', async () => {
    const files = new Map(original);
    const stray = path.replace(/[^/]+$/, 'stray-copy.txt');
    files.set(stray, encode('planted'));
    const { lines } = await cli(files);
    expect(lines).toEqual([`${stray}: extra file not listed in the manifest`]);
    const result = await page.verify(files);
    expect(result.problems.map((p) => p.path)).toEqual([stray]);
    expect(result.rows.find((r) => r.path === stray)?.status).toBe('extra');
  });
});

/** Rewrites manifest.json and fixes manifest.sha256, so only what `change` did is wrong. */
async function withManifest(change: (m: PackManifest) => void | Promise<void>) {
  const files = new Map(original);
  const manifest = JSON.parse(decode(files.get(MANIFEST) ?? new Uint8Array())) as PackManifest;
  await change(manifest);
  const bytes = encode(`${JSON.stringify(manifest, null, 2)}\n`);
  files.set(MANIFEST, bytes);
  files.set(MANIFEST_DIGEST, encode(`${await sha256Hex(bytes)}  ${MANIFEST}\n`));
  return files;
}

describe('manifest and custody', () => {
  it.each([MANIFEST, MANIFEST_DIGEST])('a flipped byte in %s names manifest.json', async (path) => {
    const files = new Map(original);
    files.set(path, flip(files.get(path) ?? new Uint8Array()));
    const { lines } = await cli(files);
    expect(lines[0]).toMatch(/^manifest\.json: (altered|malformed)/);
    const result = await page.verify(files);
    expect(result.problems[0]?.path).toBe(MANIFEST);
  });

  it('an edited custody entry is caught as custody#N by both', async () => {
    const files = await withManifest((m) => {
      const entry = m.custody[2];
      if (entry) entry.details = { ...entry.details, url: 'https://elsewhere.example/' };
    });
    expect((await cli(files)).lines).toEqual([
      'custody#2: entry was altered: its hash does not match',
    ]);
    const result = await page.verify(files);
    expect(result.problems.map((p) => p.path)).toEqual(['custody#2']);
    expect(result.custody.filter((c) => c.bad).map((c) => c.seq)).toEqual(['2']);
    expect(result.custody[2]?.text).toContain('记录被改动');
  });

  it('a rehashed edit breaks the next link for both', async () => {
    const files = await withManifest(async (m) => {
      const entry = m.custody[2];
      if (!entry) throw new Error('short chain');
      entry.at = '2020-01-01T00:00:00.000Z';
      entry.hash = await custodyEntryHash(entry);
    });
    expect((await cli(files)).lines).toEqual([
      'custody#3: prevHash does not match the entry before it',
    ]);
    expect((await page.verify(files)).problems.map((p) => p.path)).toEqual(['custody#3']);
  });

  it('reordered entries are caught by both', async () => {
    const files = await withManifest((m) => {
      const [a, b] = [m.custody[3], m.custody[4]];
      if (!a || !b) throw new Error('short chain');
      m.custody[3] = b;
      m.custody[4] = a;
    });
    const { lines } = await cli(files);
    const paths = new Set(lines.map((l) => l.split(':')[0]));
    expect(paths).toEqual(new Set(['custody#3', 'custody#4', 'custody#5']));
    const result = await page.verify(files);
    expect(new Set(result.problems.map((p) => p.path))).toEqual(paths);
  });

  // Found by the import fuzz: a capture entry whose artifact list holds junk was reported
  // as "item 1/undefined".
  it('a capture entry recording a malformed artifact is named, not "undefined"', async () => {
    const files = await withManifest((m) => {
      const entry = m.custody[1];
      if (entry) entry.details = { ...entry.details, artifacts: [''] };
    });
    const { lines } = await cli(files);
    expect(lines).toEqual([
      'custody#1: records an artifact without a file name and hash',
      'custody#1: entry was altered: its hash does not match',
    ]);
    const result = await page.verify(files);
    expect(result.problems.map((p) => p.text).join('\n')).not.toMatch(/undefined/);
  });

  it('a removed entry is caught by both', async () => {
    const files = await withManifest((m) => {
      m.custody.splice(3, 1);
    });
    const { lines } = await cli(files);
    expect(lines).toContain('custody#4: prevHash does not match the entry before it');
    expect((await page.verify(files)).problems.map((p) => p.path)).toContain('custody#4');
  });
});

describe('verify.html on a hostile pack', () => {
  it('shows hostile file names and titles as text, never as markup', async () => {
    const files = new Map(original);
    const evil = `evidence/${HOSTILE}.txt`;
    files.set(evil, encode('x'));
    const result = await page.verify(files);
    expect(result.problems.map((p) => p.path)).toEqual([evil]);
    // Shown as text (escaped in element content), and no element was made from it.
    expect(result.problems[0]?.text).toContain(evil);
    expect(result.html).toContain('<code>evidence/&lt;img src=x onerror=alert(1)&gt;.txt</code>');
    expect(page.window.document.querySelectorAll('img')).toHaveLength(0);
  });

  it('finds the pack inside a parent folder and ignores files beside it', async () => {
    const files = new Map<string, Uint8Array>([...original].map(([p, b]) => [`inner/${p}`, b]));
    files.set('pack.zip', encode('the zip the folder came from'));
    const result = await page.verify(files, 'Downloads');
    expect(result.state).toBe('intact');
  });

  it('reports a folder without manifest.json', async () => {
    const result = await page.verify(new Map([['a.txt', encode('a')]]));
    expect(result.state).toBe('failed');
    expect(result.problems).toEqual([{ path: MANIFEST, text: expect.stringContaining('缺失') }]);
  });
});
