import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DBCore } from 'dexie';
import { describe, expect, it } from 'vitest';
import { type CaptureEnv, captureTab } from '@/lib/capture/capture-tab';
import { CaptureError } from '@/lib/capture/errors';
import type { EvidenceDB } from '@/lib/db/database';
import { listCustody } from '@/lib/db/repo';
import { verifyCustodyChain } from '@/lib/integrity/custody';
import { counts, testDb } from '../helpers';

// Issue #8, storage full: the browser cannot be made to run out of quota on demand, so
// the database throws QuotaExceededError where IndexedDB would. The capture must end
// with the storage-full message and leave nothing partial behind.

let page = 0;
function env(): CaptureEnv {
  const n = ++page;
  return {
    getTab: async (id) => ({
      id,
      windowId: 1,
      url: `https://shop.example/o/${n}`,
      title: 't',
      active: true,
    }),
    activateTab: async () => {},
    captureVisibleTab: async () => new Uint8Array([1, n]),
    saveAsMhtml: async () => new Uint8Array([2, n]),
    snapshotPage: async () => ({
      url: `https://shop.example/o/${n}`,
      title: `order ${n}`,
      contentType: 'text/html',
      html: `<html>${n}</html>`,
      text: `x ${n}`,
      viewport: { width: 1280, height: 800 },
      devicePixelRatio: 1,
      pageSize: { width: 1280, height: 800 },
      facts: { kind: 'other', promises: [], site: { contacts: [] } },
    }),
    extensionVersion: 't',
    userAgent: 'ua',
    now: () => new Date(Date.UTC(2026, 10, 2, 6, 0, n)),
    sleep: async () => {},
  };
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

type Table = 'blobs' | 'evidence' | 'custody' | 'cases';

/** Throws QuotaExceededError from a Dexie `creating` hook of `table` (the brief's simulation). */
async function hookFull(db: EvidenceDB, table: Table) {
  const hook = () => {
    throw quotaError();
  };
  db.table(table).hook('creating', hook);
  return async () => db.table(table).hook('creating').unsubscribe(hook);
}

/** Fails writes to `table` in the storage layer (DBCore), as a real full disk does. */
async function coreFull(db: EvidenceDB, table: Table) {
  const middleware = {
    stack: 'dbcore' as const,
    name: 'quota-full',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const inner = down.table(name);
        if (name !== table) return inner;
        return { ...inner, mutate: async () => Promise.reject(quotaError()) };
      },
    }),
  };
  // Middleware stacks are built when the database opens.
  const reopen = async () => {
    if (!db.isOpen()) return;
    db.close({ disableAutoOpen: false });
    await db.open();
  };
  db.use(middleware);
  await reopen();
  return async () => {
    db.unuse(middleware);
    await reopen();
  };
}

async function failure(promise: Promise<unknown>): Promise<CaptureError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CaptureError);
  return error as CaptureError;
}

const request = { tabId: 3, newCaseTitle: 'c' };
const zh = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../public/_locales/zh_CN/messages.json'), 'utf8'),
) as Record<string, { message: string }>;

describe.each([
  ['a Dexie hook', hookFull],
  ['the storage layer', coreFull],
])('a full disk, simulated in %s', (_, fill) => {
  it.each<Table>(['blobs', 'evidence', 'custody', 'cases'])(
    'the first capture fails with storage-full when %s cannot be written, storing nothing',
    async (table) => {
      const db = testDb();
      const release = await fill(db, table);
      const error = await failure(captureTab(env(), db, request));
      expect(error.code).toBe('storage-full');
      expect(zh[`error_${error.code.replace('-', '_')}`]?.message).toContain('未保存任何内容');
      await release();
      expect(await counts(db)).toMatchObject({ cases: 0, evidence: 0, blobs: 0, custody: 0 });
    },
  );

  it.each<Table>(['blobs', 'evidence', 'custody'])(
    'a later capture that cannot write %s leaves the earlier ones and the chain intact; the next one lands',
    async (table) => {
      const db = testDb();
      const first = await captureTab(env(), db, request);
      const before = await counts(db);
      const release = await fill(db, table);
      expect((await failure(captureTab(env(), db, request))).code).toBe('storage-full');
      expect(await counts(db)).toEqual(before);
      await release();
      await captureTab(env(), db, request);
      const after = await counts(db);
      expect(after.evidence).toBe(before.evidence + 1);
      expect(await verifyCustodyChain(await listCustody(db, first.caseId))).toEqual([]);
    },
  );
});
