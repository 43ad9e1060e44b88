import { describe, expect, it, vi } from 'vitest';
import { type CaptureEnv, captureTab } from '@/lib/capture/capture-tab';
import { CaptureError } from '@/lib/capture/errors';
import type { PageSnapshot } from '@/lib/capture/page-snapshot';
import { listCustody, readBlob } from '@/lib/db/repo';
import { EvidenceItem } from '@/lib/db/schema';
import { verifyCustodyChain } from '@/lib/integrity/custody';
import { sha256Hex } from '@/lib/integrity/sha256';
import { counts, decode, encode, testDb } from '../helpers';

const NOW = new Date('2026-11-21T16:30:00.000Z');
const TAB_URL = 'https://km.example.cn/order/KM1001';
const FINAL_URL = 'https://km.example.cn/order/KM1001?from=redirect';
const SCREENSHOT = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const MHTML = encode(
  'From: <Saved by Blink>\r\nSnapshot-Content-Location: https://km.example.cn/\r\n\r\n',
);

function snapshot(overrides: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    url: FINAL_URL,
    title: '订单详情 KM1001',
    contentType: 'text/html',
    html: '<!DOCTYPE html>\n<html><head><title>订单详情 KM1001</title></head><body>订单号：KM1001</body></html>',
    text: '订单号：KM1001\n实付 ¥98.50',
    viewport: { width: 1280, height: 720 },
    devicePixelRatio: 2,
    pageSize: { width: 1280, height: 2400 },
    facts: {
      kind: 'order',
      order: { orderId: 'KM1001', amount: 98.5 },
      promises: [],
      site: { contacts: [] },
    },
    ...overrides,
  };
}

function stubEnv(tab: { url?: string; active?: boolean } = {}, snap = snapshot()) {
  let active = tab.active ?? true;
  return {
    getTab: vi.fn(async (id: number) => ({
      id,
      windowId: 7,
      url: 'url' in tab ? tab.url : TAB_URL,
      title: 'tab title',
      active,
    })),
    activateTab: vi.fn(async () => {
      active = true;
    }),
    captureVisibleTab: vi.fn(async () => new Uint8Array(SCREENSHOT)),
    saveAsMhtml: vi.fn(async () => new Uint8Array(MHTML)),
    snapshotPage: vi.fn(async () => snap),
    extensionVersion: '0.1.0-test',
    userAgent: 'Mozilla/5.0 (test)',
    now: () => new Date(NOW),
    sleep: async () => {},
  } satisfies CaptureEnv;
}

const request = { tabId: 42, newCaseTitle: '我的第一个案件' };
const EMPTY = { cases: 0, evidence: 0, blobs: 0, custody: 0, complaints: 0, settings: 0 };

async function expectCaptureError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CaptureError);
  expect((error as CaptureError).code).toBe(code);
}

describe('captureTab: happy path', () => {
  it('stores six artifacts whose hashes match the bytes the browser gave', async () => {
    const db = testDb();
    const env = stubEnv();
    const result = await captureTab(env, db, request);

    expect(result.artifacts.map((a) => a.role)).toEqual([
      'screenshot-viewport',
      'mhtml',
      'dom',
      'text',
      'facts',
      'meta',
    ]);
    const snap = snapshot();
    const expected: Record<string, Uint8Array> = {
      'screenshot-viewport': SCREENSHOT,
      mhtml: MHTML,
      dom: encode(snap.html),
      text: encode(snap.text),
    };
    for (const artifact of result.artifacts) {
      const stored = await readBlob(db, artifact.sha256);
      expect(stored.byteLength).toBe(artifact.bytes);
      const want = expected[artifact.role];
      if (want) {
        expect(artifact.sha256).toBe(await sha256Hex(want));
        expect(stored).toEqual(new Uint8Array(want));
      }
    }
    const facts = result.artifacts.find((a) => a.role === 'facts');
    expect(JSON.parse(decode(await readBlob(db, facts?.sha256 ?? '')))).toEqual(snap.facts);
    expect(result.artifacts.find((a) => a.role === 'screenshot-viewport')?.mediaType).toBe(
      'image/png',
    );

    const item = EvidenceItem.parse(await db.evidence.get(result.evidenceId));
    expect(item).toMatchObject({
      caseId: result.caseId,
      source: 'capture',
      url: TAB_URL,
      finalUrl: FINAL_URL,
      title: snap.title,
      capturedAt: NOW.toISOString(),
      timeZone: 'Asia/Shanghai',
      facts: snap.facts,
    });
    expect(item.artifacts).toEqual(result.artifacts);
    expect(await db.blobs.count()).toBe(6);

    const custody = await listCustody(db, result.caseId);
    expect(custody.map((e) => e.action)).toEqual(['case-created', 'capture']);
    expect(custody[1]?.evidenceId).toBe(result.evidenceId);
    expect(await verifyCustodyChain(custody)).toEqual([]);
  });

  it('records the capture time as the same instant in +08:00 (next day in China)', async () => {
    const db = testDb();
    const result = await captureTab(stubEnv(), db, request);
    const item = await db.evidence.get(result.evidenceId);
    expect(item?.capturedAt).toBe('2026-11-21T16:30:00.000Z');
    expect(item?.capturedAtLocal).toBe('2026-11-22T00:30:00.000+08:00');
    expect(Date.parse(item?.capturedAtLocal ?? '')).toBe(NOW.getTime());
  });

  it('writes meta.json with the requested and final URL, viewport and times', async () => {
    const db = testDb();
    const result = await captureTab(stubEnv(), db, request);
    const meta = result.artifacts.find((a) => a.role === 'meta');
    expect(meta).toMatchObject({ fileName: 'meta.json', mediaType: 'application/json' });
    const parsed = JSON.parse(decode(await readBlob(db, meta?.sha256 ?? '')));
    expect(parsed).toMatchObject({
      requestedUrl: TAB_URL,
      finalUrl: FINAL_URL,
      viewport: { width: 1280, height: 720 },
      devicePixelRatio: 2,
      pageSize: { width: 1280, height: 2400 },
      capturedAt: '2026-11-21T16:30:00.000Z',
      capturedAtLocal: '2026-11-22T00:30:00.000+08:00',
      timeZone: 'Asia/Shanghai',
      userAgent: 'Mozilla/5.0 (test)',
      extensionVersion: '0.1.0-test',
      contentType: 'text/html',
    });
  });

  it('uses the kind suggested by the page when none is given', async () => {
    const db = testDb();
    const result = await captureTab(stubEnv(), db, request);
    expect(result.kind).toBe('order');
    expect((await db.evidence.get(result.evidenceId))?.kind).toBe('order');
  });

  it('uses the kind the user chose over the suggested one, and records both in meta.json', async () => {
    const db = testDb();
    const result = await captureTab(stubEnv(), db, { ...request, kind: 'payment' });
    expect(result.kind).toBe('payment');
    expect((await db.evidence.get(result.evidenceId))?.kind).toBe('payment');
    const meta = result.artifacts.find((a) => a.role === 'meta');
    expect(JSON.parse(decode(await readBlob(db, meta?.sha256 ?? '')))).toMatchObject({
      kind: 'payment',
      suggestedKind: 'order',
    });
    const custody = await listCustody(db, result.caseId);
    expect(custody[1]?.details).toMatchObject({ kind: 'payment' });
  });

  it('activates a background tab before taking the screenshot', async () => {
    const db = testDb();
    const env = stubEnv({ active: false });
    await captureTab(env, db, request);
    expect(env.activateTab).toHaveBeenCalledWith(42);
    const activated = env.activateTab.mock.invocationCallOrder[0] ?? Infinity;
    const shot = env.captureVisibleTab.mock.invocationCallOrder[0] ?? -Infinity;
    expect(activated).toBeLessThan(shot);
    expect(env.captureVisibleTab).toHaveBeenCalledWith(7);
  });

  it('does not activate a tab that is already active', async () => {
    const db = testDb();
    const env = stubEnv({ active: true });
    await captureTab(env, db, request);
    expect(env.activateTab).not.toHaveBeenCalled();
  });

  it('adds a second capture to the same case and chain', async () => {
    const db = testDb();
    const first = await captureTab(stubEnv(), db, request);
    const second = await captureTab(stubEnv(), db, request);
    expect(second.caseId).toBe(first.caseId);
    expect(second.evidenceId).not.toBe(first.evidenceId);
    expect(await db.cases.count()).toBe(1);
    // Identical bytes are shared: both captures here have identical content.
    expect(await db.blobs.count()).toBe(6);
    const custody = await listCustody(db, first.caseId);
    expect(custody.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(await verifyCustodyChain(custody)).toEqual([]);
  });
});

describe('captureTab: pages it may not capture', () => {
  it.each([
    ['chrome://settings', 'restricted'],
    ['chrome-extension://x/y.html', 'restricted'],
    ['view-source:https://a.b', 'restricted'],
    ['https://chromewebstore.google.com/detail/x', 'restricted'],
    ['https://chrome.google.com/webstore/x', 'restricted'],
    ['about:blank', 'restricted'],
    ['edge://settings', 'restricted'],
    ['https://a.b/c.pdf', 'pdf'],
    [undefined, 'restricted'],
  ])('refuses %s with code %s and stores nothing', async (url, code) => {
    const db = testDb();
    const env = stubEnv({ url });
    await expectCaptureError(captureTab(env, db, request), code);
    expect(env.activateTab).not.toHaveBeenCalled();
    expect(env.captureVisibleTab).not.toHaveBeenCalled();
    expect(env.saveAsMhtml).not.toHaveBeenCalled();
    expect(env.snapshotPage).not.toHaveBeenCalled();
    expect(await counts(db)).toEqual(EMPTY);
  });

  it('refuses a page the browser serves as a PDF (content type) and stores nothing', async () => {
    const db = testDb();
    const env = stubEnv(
      { url: 'https://km.example.cn/invoice?id=1' },
      snapshot({ contentType: 'application/pdf' }),
    );
    await expectCaptureError(captureTab(env, db, request), 'pdf');
    expect(env.saveAsMhtml).not.toHaveBeenCalled();
    expect(await counts(db)).toEqual(EMPTY);
  });
});

describe('captureTab: failures', () => {
  it.each([
    ['captureVisibleTab', 'screenshot-failed'],
    ['saveAsMhtml', 'mhtml-failed'],
    ['snapshotPage', 'page-unreachable'],
  ] as const)('maps a failing %s to %s and stores nothing', async (method, code) => {
    const db = testDb();
    const env = stubEnv();
    env[method].mockRejectedValueOnce(new Error(`${method} exploded`));
    const error = await captureTab(env, db, request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as CaptureError).code).toBe(code);
    expect((error as CaptureError).detail).toContain(`${method} exploded`);
    expect(await counts(db)).toEqual(EMPTY);
  });

  it('maps a tab that cannot be found to no-tab', async () => {
    const db = testDb();
    const env = stubEnv();
    env.getTab.mockRejectedValueOnce(new Error('No tab with id: 42'));
    await expectCaptureError(captureTab(env, db, request), 'no-tab');
    expect(await counts(db)).toEqual(EMPTY);
  });

  it('maps a QuotaExceededError from storage to storage-full, storing no evidence or blobs', async () => {
    const db = testDb();
    const add = vi
      .spyOn(db.blobs, 'add')
      .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const error = await captureTab(stubEnv(), db, request).catch((e: unknown) => e);
    expect(add).toHaveBeenCalled();
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as CaptureError).code).toBe('storage-full');
    add.mockRestore();
    // The first capture would also have created the case: that is undone with it.
    expect(await counts(db)).toEqual(EMPTY);
  });

  it('creates no case when the first capture fails to store its evidence (one transaction)', async () => {
    const db = testDb();
    // A real IndexedDB write that fails inside the capture's transaction, after the case,
    // the active-case setting, its custody entry and the blobs were written.
    db.evidence.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expectCaptureError(captureTab(stubEnv(), db, request), 'storage-full');
    expect(await db.cases.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);
    expect(await db.custody.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
    expect(await counts(db)).toEqual(EMPTY);
  });

  it('creates the case with the next capture that succeeds after a failed first one', async () => {
    const db = testDb();
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.evidence.hook('creating', fail);
    await expectCaptureError(captureTab(stubEnv(), db, request), 'storage-full');
    db.evidence.hook('creating').unsubscribe(fail);
    const result = await captureTab(stubEnv(), db, request);
    expect(await db.cases.count()).toBe(1);
    const custody = await listCustody(db, result.caseId);
    expect(custody.map((e) => [e.seq, e.action])).toEqual([
      [0, 'case-created'],
      [1, 'capture'],
    ]);
    expect(await verifyCustodyChain(custody)).toEqual([]);
  });

  it('maps any other storage error to unknown', async () => {
    const db = testDb();
    vi.spyOn(db.evidence, 'add').mockRejectedValue(new Error('disk on fire'));
    await expectCaptureError(captureTab(stubEnv(), db, request), 'unknown');
    vi.restoreAllMocks();
    expect(await counts(db)).toEqual(EMPTY);
  });
});
