// verify.html in a real Chromium, opened from an unzipped pack over file://, offline.
// Needs only Chromium, not the built extension.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceItem } from '../../lib/db/schema';
import { type CustodyEntry, chainCustodyEntry } from '../../lib/integrity/custody';
import { sha256Hex } from '../../lib/integrity/sha256';
import { buildPack } from '../../lib/pack/build-pack';
import { readZip } from '../../lib/pack/verify-pack';
import { findChromium } from '../../scripts/lib/chromium';

const HOSTILE = '<img src=x onerror=alert(1)>';
let browser: Browser;
let work: string;
let packDir: string;
const requests: string[] = [];
const consoleErrors: string[] = [];

/** A two-item pack (one a chat), built directly through buildPack. */
async function makePack(): Promise<Uint8Array> {
  const blobs = new Map<string, Uint8Array>();
  const caseId = 'case-e2e';
  const custody: CustodyEntry[] = [];
  let prev: CustodyEntry | undefined;
  const log = async (draft: Parameters<typeof chainCustodyEntry>[1]) => {
    prev = await chainCustodyEntry(prev, draft);
    custody.push(prev);
  };
  await log({ caseId, at: '2026-11-21T01:00:00.000Z', action: 'case-created', details: {} });
  const items: EvidenceItem[] = [];
  for (const [n, kind] of (['order', 'chat'] as const).entries()) {
    const files = [
      ['screenshot-viewport.png', 'image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, n, 1, 2])],
      ['text.txt', 'text/plain', new TextEncoder().encode(`订单 ${n} ${HOSTILE}\n`)],
    ] as const;
    const artifacts = [];
    for (const [fileName, mediaType, bytes] of files) {
      const sha256 = await sha256Hex(bytes);
      blobs.set(sha256, bytes);
      const role = fileName === 'text.txt' ? 'text' : 'screenshot-viewport';
      artifacts.push({
        role,
        fileName,
        sha256,
        bytes: bytes.byteLength,
        mediaType,
        method: 'e2e',
      } as const);
    }
    const at = `2026-11-21T02:0${n}:00.000Z`;
    const item: EvidenceItem = {
      id: `item-${n}`,
      caseId,
      kind,
      source: 'capture',
      title: HOSTILE,
      url: `https://km.example.cn/${kind}`,
      finalUrl: `https://km.example.cn/${kind}`,
      capturedAt: at,
      capturedAtLocal: at.replace('Z', '+08:00'),
      timeZone: 'Asia/Shanghai',
      facts: {
        kind,
        promises: [],
        site: { contacts: [] },
        ...(kind === 'chat'
          ? { chat: { messages: [{ from: 'merchant' as const, text: '马上发货' }] } }
          : {}),
      },
      artifacts,
    };
    items.push(item);
    await log({
      caseId,
      at,
      action: 'capture',
      evidenceId: item.id,
      details: { artifacts: artifacts.map((a) => ({ fileName: a.fileName, sha256: a.sha256 })) },
    });
  }
  await log({ caseId, at: '2026-11-21T08:00:00.000Z', action: 'export', details: {} });
  return buildPack({
    case: {
      id: caseId,
      title: HOSTILE,
      createdAt: '2026-11-21T01:00:00.000Z',
      updatedAt: '2026-11-21T01:00:00.000Z',
      status: 'open',
    },
    items,
    custody,
    complaints: [],
    readBlob: async (sha) => blobs.get(sha) ?? new Uint8Array(),
    tool: { name: 'kameng-evidence-kit', version: '0.1.0' },
    createdAt: '2026-11-21T08:00:00.000Z',
  });
}

async function unzipTo(dir: string, zip: Uint8Array) {
  for (const [name, bytes] of await readZip(zip)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
}

async function openVerifier(): Promise<Page> {
  const page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(pathToFileURL(join(packDir, 'verify.html')).href);
  return page;
}

async function selectFolder(page: Page) {
  await page.getByTestId('folder').setInputFiles(packDir);
  await page.waitForSelector('#summary[data-state]');
  return {
    state: await page.getAttribute('#summary', 'data-state'),
    summary: await page.innerText('#summary'),
    problems: await page.$$eval('#problems li', (lis) =>
      lis.map((li) => li.getAttribute('data-path')),
    ),
  };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kameng-verify-e2e-'));
  packDir = join(work, '证据包');
  await unzipTo(packDir, await makePack());
  browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('verify.html from file://', () => {
  it('checks an intact unzipped pack: every file, the digest and the chain', async () => {
    const page = await openVerifier();
    const result = await selectFolder(page);
    expect(result.state, result.summary).toBe('intact');
    expect(result.summary).toContain('证据包完整');
    const rows = await page.$$eval('#files tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-status')),
    );
    expect(rows.length).toBeGreaterThan(6);
    expect(rows.every((s) => s === 'ok')).toBe(true);
    expect(await page.locator('#custody tr').count()).toBe(4);
    // The hostile case title is shown as text.
    expect(await page.innerText('#case')).toContain(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    await page.close();
  });

  it('names a file changed on disk', async () => {
    const target = join(packDir, 'evidence/002-chat/transcript.txt');
    const original = readFileSync(target);
    writeFileSync(target, Buffer.concat([original, Buffer.from('改')]));
    try {
      const page = await openVerifier();
      const result = await selectFolder(page);
      expect(result.state).toBe('failed');
      expect(result.problems).toEqual(['evidence/002-chat/transcript.txt']);
      await page.close();
    } finally {
      writeFileSync(target, original);
    }
  });

  it('names a stray file and a missing one', async () => {
    const stray = join(packDir, 'evidence/001-order/planted.png');
    const missing = join(packDir, 'evidence/001-order/text.txt');
    const kept = readFileSync(missing);
    writeFileSync(stray, 'x');
    rmSync(missing);
    try {
      const page = await openVerifier();
      const result = await selectFolder(page);
      expect(new Set(result.problems)).toEqual(
        new Set(['evidence/001-order/planted.png', 'evidence/001-order/text.txt']),
      );
      await page.close();
    } finally {
      rmSync(stray);
      writeFileSync(missing, kept);
    }
  });

  it('made no network request and broke no CSP rule', () => {
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
