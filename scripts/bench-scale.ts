// npm run bench:scale [-- --items 5000 --cases 50 --others 20 --captures 10]
// Issue #8, scale: a profile of 50 cases, one of them holding 5,000 items, in the real
// EvidenceDB schema (on fake-indexeddb in Node, as the unit tests use). Then times what
// the user does at that size: capture into the big case (captureTab with stub browser
// APIs, so the database and hashing work is real), load its timeline, export it and
// verify the pack. Exits non-zero when any step fails or the pack does not verify.
import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import Dexie from 'dexie';
import { type CaptureEnv, captureTab } from '../lib/capture/capture-tab';
import { EvidenceDB } from '../lib/db/database';
import {
  appendCustody,
  listCustody,
  listEvidence,
  type NewBlob,
  saveEvidence,
} from '../lib/db/repo';
import type { Artifact, CaseRecord, EvidenceItem } from '../lib/db/schema';
import { verifyCustodyChain } from '../lib/integrity/custody';
import { sha256Hex } from '../lib/integrity/sha256';
import { exportCase } from '../lib/pack/export-case';
import { NODE_ZLIB_CODEC } from '../lib/pack/node-zip-codec';
import { verifyPack } from '../lib/pack/verify-pack';
import { setZipCodec } from '../lib/pack/zip';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '5000' },
    cases: { type: 'string', default: '50' },
    others: { type: 'string', default: '20' },
    captures: { type: 'string', default: '10' },
  },
});
const ITEMS = Number(values.items);
const CASES = Number(values.cases);
const OTHERS = Number(values.others);
const CAPTURES = Number(values.captures);
const BATCH = 100;

const encoder = new TextEncoder();
const base = Date.UTC(2026, 10, 2, 6, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function time<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

/** The files of one small capture: a fake PNG, MHTML, DOM, text, facts, meta. */
async function itemFiles(tag: string) {
  const files = [
    ['screenshot-viewport', 'screenshot-viewport.png', 'image/png', `\x89PNG ${tag} `.repeat(40)],
    [
      'mhtml',
      'page.mhtml',
      'multipart/related',
      `From: <Saved by Blink>\r\nSubject: ${tag}\r\n\r\n${'<p>订单</p>'.repeat(30)}`,
    ],
    ['dom', 'dom.html', 'text/html', `<!DOCTYPE html><p>订单 ${tag}</p>`],
    ['text', 'text.txt', 'text/plain', `订单 ${tag}\n`],
    ['facts', 'facts.json', 'application/json', JSON.stringify({ kind: 'order', tag })],
    ['meta', 'meta.json', 'application/json', JSON.stringify({ capturedAt: tag })],
  ] as const;
  const blobs: NewBlob[] = [];
  const artifacts: Artifact[] = [];
  for (const [role, fileName, mediaType, text] of files) {
    const bytes = encoder.encode(text);
    const sha256 = await sha256Hex(bytes);
    blobs.push({ sha256, data: new Blob([bytes], { type: mediaType }), mediaType });
    artifacts.push({ role, fileName, sha256, bytes: bytes.byteLength, mediaType, method: 'bench' });
  }
  return { blobs, artifacts };
}

async function seedCase(db: EvidenceDB, index: number, items: number): Promise<CaseRecord> {
  const created = base + index * 1000;
  const record: CaseRecord = {
    id: `case-${String(index).padStart(3, '0')}`,
    title: `案件 ${index}`,
    createdAt: iso(created),
    updatedAt: iso(created),
    status: 'open',
  };
  await db.transaction('rw', [db.cases, db.custody], async () => {
    await db.cases.add(record);
    await appendCustody(db, {
      caseId: record.id,
      at: record.createdAt,
      action: 'case-created',
      details: {},
    });
  });
  for (let start = 0; start < items; start += BATCH) {
    const prepared: ({ tag: string; i: number } & Awaited<ReturnType<typeof itemFiles>>)[] = [];
    for (let i = start; i < Math.min(items, start + BATCH); i++) {
      const tag = `${record.id}-${i}`;
      prepared.push({ tag, i, ...(await itemFiles(tag)) });
    }
    // Batched only to seed faster; each item is still its own saveEvidence.
    await db.transaction('rw', [db.cases, db.evidence, db.blobs, db.custody], async () => {
      for (const p of prepared) {
        const at = iso(created + 60_000 + p.i * 1000);
        const item: EvidenceItem = {
          id: p.tag,
          caseId: record.id,
          kind: 'order',
          source: 'capture',
          title: `订单 ${p.tag}`,
          url: `https://shop.example/order/${p.i}`,
          finalUrl: `https://shop.example/order/${p.i}`,
          capturedAt: at,
          capturedAtLocal: at,
          timeZone: 'Asia/Shanghai',
          facts: { kind: 'order', promises: [], site: { contacts: [] } },
          artifacts: p.artifacts,
        };
        await saveEvidence(db, item, p.blobs);
      }
    });
  }
  return record;
}

let captureN = 0;
function stubEnv(): CaptureEnv {
  const n = ++captureN;
  const url = `https://shop.example/bench/${n}`;
  return {
    getTab: async (id) => ({ id, windowId: 1, url, title: 'bench', active: true }),
    activateTab: async () => {},
    captureVisibleTab: async () =>
      encoder.encode(`\x89PNG bench ${n}`.repeat(200)) as Uint8Array<ArrayBuffer>,
    saveAsMhtml: async () => encoder.encode(`mhtml ${n}`.repeat(500)) as Uint8Array<ArrayBuffer>,
    snapshotPage: async () => ({
      url,
      title: `bench ${n}`,
      contentType: 'text/html',
      html: `<html><p>${n}</p></html>`,
      text: `bench ${n}`,
      viewport: { width: 1280, height: 800 },
      devicePixelRatio: 1,
      pageSize: { width: 1280, height: 800 },
      facts: { kind: 'order', promises: [], site: { contacts: [] } },
    }),
    extensionVersion: 'bench',
    userAgent: 'bench',
    now: () => new Date(base + 10 * 86_400_000 + n * 1000),
    sleep: async () => {},
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main() {
  setZipCodec(NODE_ZLIB_CODEC);
  const name = `bench-scale-${Date.now()}`;
  const db = new EvidenceDB(name);
  const rows: [string, string][] = [];
  let failed = false;
  try {
    const seeded = await time(async () => {
      for (let c = 1; c < CASES; c++) await seedCase(db, c, OTHERS);
      return seedCase(db, CASES, ITEMS);
    });
    const big = seeded.value;
    await db.settings.put({ key: 'activeCaseId', value: big.id });
    rows.push([
      `seed ${CASES} cases (${CASES - 1} × ${OTHERS} items + 1 × ${ITEMS})`,
      fmt(seeded.ms),
    ]);

    const caseList = await time(() => db.cases.orderBy('createdAt').reverse().toArray());
    rows.push([`list ${caseList.value.length} cases`, fmt(caseList.ms)]);

    const captures: number[] = [];
    for (let i = 0; i < CAPTURES; i++) {
      const run = await time(() => captureTab(stubEnv(), db, { tabId: 1, newCaseTitle: 'x' }));
      if (run.value.caseId !== big.id) throw new Error('captured into the wrong case');
      captures.push(run.ms);
    }
    rows.push([
      `capture into the ${ITEMS}-item case (median of ${CAPTURES})`,
      fmt(median(captures)),
    ]);

    const timeline = await time(async () => (await listEvidence(db, big.id)).reverse());
    rows.push([`timeline: load ${timeline.value.length} items`, fmt(timeline.ms)]);

    const chain = await time(async () => verifyCustodyChain(await listCustody(db, big.id)));
    rows.push([
      `custody chain (${ITEMS + CAPTURES + 1} entries) verifies`,
      `${fmt(chain.ms)}${chain.value.length ? ` — ${chain.value.length} PROBLEMS` : ''}`,
    ]);
    if (chain.value.length) failed = true;

    const exported = await time(() =>
      exportCase(db, big.id, { toolVersion: 'bench', now: new Date(base + 20 * 86_400_000) }),
    );
    rows.push([
      `export ${timeline.value.length} items`,
      `${fmt(exported.ms)}, ${mb(exported.value.byteLength)}`,
    ]);

    const verified = await time(() => verifyPack(exported.value));
    rows.push([
      'verify the pack',
      `${fmt(verified.ms)}${verified.value.length ? ` — ${verified.value.length} PROBLEMS: ${verified.value[0]?.problem}` : ', intact'}`,
    ]);
    if (verified.value.length) failed = true;

    const after = await time(() => captureTab(stubEnv(), db, { tabId: 1, newCaseTitle: 'x' }));
    rows.push(['capture after the export', fmt(after.ms)]);
    rows.push([
      'rows',
      `${await db.evidence.count()} items, ${await db.blobs.count()} blobs, ${await db.custody.count()} custody entries`,
    ]);
  } catch (error) {
    failed = true;
    rows.push(['FAILED', error instanceof Error ? (error.stack ?? error.message) : String(error)]);
  } finally {
    db.close();
    await Dexie.delete(name);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(
    `bench:scale (fake-indexeddb in Node ${process.version}; the browser's IndexedDB is faster)`,
  );
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  console.log(`  peak RSS ${mb(process.memoryUsage().rss)}`);
  process.exit(failed ? 1 : 0);
}

void main();
