import { describe, expect, it, vi } from 'vitest';
import { captureTab } from '@/lib/capture/capture-tab';
import { CaptureError } from '@/lib/capture/errors';
import { readBlob } from '@/lib/db';
import { stubCaptureEnv, testDb } from '../helpers';

const env = stubCaptureEnv;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CaptureError);
  return (error as CaptureError).code;
}

const request = { tabId: 3, newCaseTitle: 'c' };

describe('captureTab under changing conditions', () => {
  it('refuses a capture whose page navigated midway, storing nothing', async () => {
    const db = testDb();
    const docs = ['doc-1 https://shop.example/order', 'doc-2 https://shop.example/login'];
    const e = env({ currentDocument: vi.fn(async () => docs.shift() ?? 'none') });
    expect(await codeOf(captureTab(e, db, request))).toBe('navigated');
    expect(await db.evidence.count()).toBe(0);
    expect(await db.cases.count()).toBe(0);
  });

  it('lands when the document stayed the same', async () => {
    const db = testDb();
    const e = env({ currentDocument: async () => 'doc-1 https://shop.example/order' });
    await captureTab(e, db, request);
    expect(await db.evidence.count()).toBe(1);
  });

  it('says the tab was closed when it disappears mid-capture', async () => {
    const db = testDb();
    let calls = 0;
    const e = env({
      getTab: async (id) => {
        if (calls++ > 0) throw new Error(`No tab with id: ${id}`);
        return { id, windowId: 1, url: 'https://shop.example/order', title: 't', active: true };
      },
      saveAsMhtml: async () => {
        throw new Error('Failed to save MHTML');
      },
    });
    expect(await codeOf(captureTab(e, db, request))).toBe('no-tab');
    expect(await db.blobs.count()).toBe(0);
  });

  it('refuses pixels of another tab when the user switches tabs mid-capture', async () => {
    const db = testDb();
    let calls = 0;
    const e = env({
      getTab: async (id) => ({
        id,
        windowId: 1,
        url: 'https://shop.example/order',
        title: 't',
        active: calls++ < 1,
      }),
    });
    expect(await codeOf(captureTab(e, db, request))).toBe('screenshot-failed');
    expect(await db.evidence.count()).toBe(0);
  });

  it('runs inside the exclusive section, so captures queue one after another', async () => {
    const db = testDb();
    const order: string[] = [];
    let tail = Promise.resolve();
    const exclusive = <T>(run: () => Promise<T>): Promise<T> => {
      const result = tail.then(run);
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    };
    const e = env({
      exclusive,
      captureVisibleTab: async () => {
        order.push('shot');
        await new Promise((r) => setTimeout(r, 5));
        order.push('shot-done');
        return new Uint8Array([1]);
      },
    });
    await Promise.all([captureTab(e, db, request), captureTab(e, db, { ...request, tabId: 4 })]);
    expect(order).toEqual(['shot', 'shot-done', 'shot', 'shot-done']);
    expect(await db.evidence.count()).toBe(2);
  });
});

describe('captureTab with text selected on the page', () => {
  it('keeps the selection as selection.txt', async () => {
    const db = testDb();
    const base = env();
    const e = env({
      snapshotPage: async (id) => ({
        ...(await base.snapshotPage(id)),
        selection: '卡密 K7QM-3XPA 已被使用',
      }),
    });
    const result = await captureTab(e, db, request);
    const note = result.artifacts.find((a) => a.role === 'selection');
    expect(note?.fileName).toBe('selection.txt');
    expect(new TextDecoder().decode(await readBlob(db, note?.sha256 ?? ''))).toBe(
      '卡密 K7QM-3XPA 已被使用',
    );
  });

  it('stores no selection.txt when nothing was selected', async () => {
    const result = await captureTab(env(), testDb(), request);
    expect(result.artifacts.some((a) => a.role === 'selection')).toBe(false);
  });
});
