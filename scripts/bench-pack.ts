// npm run bench:pack [-- --items 500 --mb 300]
// Builds a large case (500 items, about 300 MB: incompressible screenshots plus text),
// exports it through buildPackBlob, verifies it, and times sha256sum and zip -0 over the
// same files in the same run, with peak memory. Artifact bytes are regenerated from a
// seed on each read (as IndexedDB would read them from disk), so memory shows the pack.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { EvidenceItem } from '../lib/db/schema';
import type { CustodyEntry } from '../lib/integrity/custody';
import { chainCustodyEntry } from '../lib/integrity/custody';
import { sha256Hex } from '../lib/integrity/sha256';
import { buildPackBlob } from '../lib/pack/build-pack';
import { NODE_ZLIB_CODEC } from '../lib/pack/node-zip-codec';
import { readZip, verifyPack } from '../lib/pack/verify-pack';
import { STREAMS_CODEC, setZipCodec } from '../lib/pack/zip';

// A collection between phases, so each phase's peak memory is its own.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '500' },
    mb: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
  },
});
const ITEMS = Number(values.items);
const TOTAL = Number(values.mb) * 1024 * 1024;

/** Deterministic bytes: xorshift noise (screenshots) or repetitive text (archives). */
function makeBytes(seed: number, size: number, text: boolean): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  if (text) {
    const line = new TextEncoder().encode(
      `<p class="msg">订单 KM${seed} 卡密 发货 承诺 24 小时 refund ${seed % 997}</p>\n`,
    );
    for (let at = 0; at < size; at += line.byteLength) out.set(line.subarray(0, size - at), at);
    return out;
  }
  const words = new Uint32Array(out.buffer, 0, size >>> 2);
  let x = seed * 2654435761 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return out;
}

interface Spec {
  seed: number;
  size: number;
  text: boolean;
}

// Per item: 80 % screenshot (PNG, stored), 17 % MHTML, the rest DOM, text, facts, meta.
const perItem = TOTAL / ITEMS;
const FILES = [
  {
    role: 'screenshot-viewport',
    fileName: 'screenshot-viewport.png',
    mediaType: 'image/png',
    share: 0.8,
    text: false,
  },
  {
    role: 'mhtml',
    fileName: 'page.mhtml',
    mediaType: 'multipart/related',
    share: 0.17,
    text: true,
  },
  { role: 'dom', fileName: 'dom.html', mediaType: 'text/html', share: 0.025, text: true },
  { role: 'text', fileName: 'text.txt', mediaType: 'text/plain', share: 0.004, text: true },
  {
    role: 'facts',
    fileName: 'facts.json',
    mediaType: 'application/json',
    share: 0.0005,
    text: true,
  },
  { role: 'meta', fileName: 'meta.json', mediaType: 'application/json', share: 0.0005, text: true },
] as const;

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function phase<T>(
  run: () => Promise<T> | T,
): Promise<{ value: T; ms: number; peak: number }> {
  peakRss = process.memoryUsage().rss;
  const start = performance.now();
  const value = await run();
  const ms = performance.now() - start;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { value, ms, peak: peakRss };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'kameng-bench-'));
  const caseId = 'bench-case';
  const specs = new Map<string, Spec>();
  const items: EvidenceItem[] = [];
  const custody: CustodyEntry[] = [];
  let previous: CustodyEntry | undefined;
  const push = async (draft: Parameters<typeof chainCustodyEntry>[1]) => {
    previous = await chainCustodyEntry(previous, draft);
    custody.push(previous);
  };
  await push({ caseId, at: '2026-11-21T00:00:00.000Z', action: 'case-created', details: {} });

  // The case, hashed once up front as capture would have; bytes are dropped.
  const prepared = await phase(async () => {
    let total = 0;
    for (let n = 0; n < ITEMS; n++) {
      const at = new Date(Date.UTC(2026, 10, 21, 0, 0, n)).toISOString();
      const artifacts = [];
      for (const [f, file] of FILES.entries()) {
        const spec = {
          seed: n * 16 + f + 1,
          size: Math.max(64, Math.round(perItem * file.share)),
          text: file.text,
        };
        const bytes = makeBytes(spec.seed, spec.size, spec.text);
        const sha256 = await sha256Hex(bytes);
        specs.set(sha256, spec);
        total += bytes.byteLength;
        artifacts.push({
          role: file.role,
          fileName: file.fileName,
          sha256,
          bytes: bytes.byteLength,
          mediaType: file.mediaType,
          method: 'bench',
        });
      }
      const kind =
        (['promise', 'order', 'payment', 'chat', 'licence', 'other'] as const)[n % 6] ?? 'other';
      const item: EvidenceItem = {
        id: `item-${n}`,
        caseId,
        kind,
        source: 'capture',
        title: `第 ${n + 1} 页`,
        url: `https://km.example.cn/${n}`,
        finalUrl: `https://km.example.cn/${n}`,
        capturedAt: at,
        capturedAtLocal: at.replace('Z', '+08:00'),
        timeZone: 'Asia/Shanghai',
        facts: { kind, promises: [], site: { contacts: [] } },
        artifacts,
      };
      items.push(item);
      await push({
        caseId,
        at,
        action: 'capture',
        evidenceId: item.id,
        details: { artifacts: artifacts.map((a) => ({ fileName: a.fileName, sha256: a.sha256 })) },
      });
    }
    await push({
      caseId,
      at: '2026-11-22T00:00:00.000Z',
      action: 'export',
      details: { items: ITEMS },
    });
    return total;
  });
  const payload = prepared.value;

  const readBlob = async (sha: string) => {
    const spec = specs.get(sha);
    if (!spec) throw new Error(`no blob ${sha}`);
    return makeBytes(spec.seed, spec.size, spec.text);
  };
  // What regenerating the bytes costs on its own, to subtract from the export time.
  const generation = await phase(async () => {
    for (const spec of specs.values()) makeBytes(spec.seed, spec.size, spec.text);
  });

  gc();
  const rssBefore = process.memoryUsage().rss;
  let lastShown = 0;
  // Export as the extension does it (Compression Streams); verify as the CLI does (zlib).
  setZipCodec(STREAMS_CODEC);
  const exported = await phase(() =>
    buildPackBlob({
      case: {
        id: caseId,
        title: 'bench',
        createdAt: '2026-11-21T00:00:00.000Z',
        updatedAt: '2026-11-22T00:00:00.000Z',
        status: 'open',
      },
      items,
      custody,
      complaints: [],
      readBlob,
      tool: { name: 'bench', version: '0' },
      createdAt: '2026-11-22T00:00:00.000Z',
      onProgress: (done, total) => {
        if (done - lastShown >= 100 || done === total) {
          lastShown = done;
          process.stderr.write(`  export ${done}/${total}\n`);
        }
      },
    }),
  );
  const packPath = join(work, 'pack.zip');
  const written = await phase(() =>
    writeFile(packPath, Readable.fromWeb(exported.value.stream() as NodeReadableStream)),
  );
  const packSize = exported.value.size;
  const exportPeak = exported.peak;
  const exportMs = exported.ms;
  exported.value = new Blob([]);

  setZipCodec(NODE_ZLIB_CODEC);
  gc();
  const baseline = process.memoryUsage().rss;
  const verified = await phase(async () => verifyPack(bytesOf(await readFile(packPath))));
  if (verified.value.length > 0)
    throw new Error(`bench pack does not verify: ${verified.value[0]?.problem}`);

  // The same files unpacked on disk, for the reference tools.
  const tree = join(work, 'tree');
  for (const [name, bytes] of await readZip(bytesOf(await readFile(packPath)))) {
    const path = join(tree, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  const time = (command: string, args: string[], cwd: string) => {
    const start = performance.now();
    execFileSync(command, args, {
      cwd,
      stdio: ['ignore', 'ignore', 'inherit'],
      maxBuffer: 1 << 30,
    });
    return performance.now() - start;
  };
  // Drop the page cache's advantage a little: read everything once first.
  time('sh', ['-c', 'find . -type f -print0 | xargs -0 cat > /dev/null'], tree);
  const sha256sum = time(
    'sh',
    ['-c', 'find . -type f -print0 | sort -z | xargs -0 sha256sum > /dev/null'],
    tree,
  );
  const zip0 = time('zip', ['-0', '-r', '-q', join(work, 'zip0.zip'), '.'], tree);
  const sha256sumCheck = time('sha256sum', ['-c', '--quiet', 'checksums.sha256'], tree);
  clearInterval(sampler);

  const tools = sha256sum + zip0;
  const exportNet = exportMs - generation.ms;
  const rows: [string, string, string][] = [
    ['case', `${ITEMS} items, ${mb(payload)} of artifacts`, `RSS before export ${mb(rssBefore)}`],
    ['pack', `${mb(packSize)} (${specs.size} artifacts)`, ''],
    ['export (buildPackBlob)', `${(exportMs / 1000).toFixed(2)} s`, `peak RSS ${mb(exportPeak)}`],
    ['  of which regenerating bytes', `${(generation.ms / 1000).toFixed(2)} s`, 'bench only'],
    ['  write zip to disk', `${(written.ms / 1000).toFixed(2)} s`, `peak RSS ${mb(written.peak)}`],
    [
      'verify (verifyPack from file)',
      `${(verified.ms / 1000).toFixed(2)} s`,
      `peak RSS ${mb(verified.peak)}`,
    ],
    ['  RSS before verify', mb(baseline), ''],
    ['sha256sum (all files)', `${(sha256sum / 1000).toFixed(2)} s`, ''],
    ['sha256sum -c checksums', `${(sha256sumCheck / 1000).toFixed(2)} s`, ''],
    ['zip -0 -r', `${(zip0 / 1000).toFixed(2)} s`, ''],
    [
      'export ÷ (sha256sum + zip -0)',
      `${(exportNet / tools).toFixed(2)}×`,
      'aim ≤ 3×, bytes regeneration excluded',
    ],
    ['verify ÷ sha256sum', `${(verified.ms / sha256sum).toFixed(2)}×`, 'aim ≤ 3×'],
    ['process maxRSS', mb(process.resourceUsage().maxRSS * 1024), ''],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, note] of rows)
    console.log(`${name.padEnd(width)}  ${value.padStart(14)}  ${note}`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}

main().catch((error) => {
  clearInterval(sampler);
  console.error(error);
  process.exit(1);
});

/** A Buffer as a Uint8Array view, without copying a pack of hundreds of MB. */
function bytesOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
