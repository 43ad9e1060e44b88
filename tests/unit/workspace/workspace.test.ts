import { describe, expect, it } from 'vitest';
import {
  ensureActiveCase,
  getActiveCase,
  listCustody,
  listEvidence,
  saveEvidence,
} from '@/lib/db/repo';
import { verifyCustodyChain } from '@/lib/integrity/custody';
import { sha256Hex } from '@/lib/integrity/sha256';
import { exportCase } from '@/lib/pack/export-case';
import { verifyPack } from '@/lib/pack/verify-pack';
import {
  annotateEvidence,
  complaintChecklist,
  correctFact,
  createCase,
  deleteEvidence,
  gatherCaseFacts,
  importFile,
  listCases,
  loadAnnotations,
  loadProfile,
  parseFactValue,
  parseTags,
  platformFromItems,
  safeFileName,
  saveProfile,
  setCaseArchived,
  switchCase,
  timelineEntries,
  timelineRows,
  updateCase,
} from '@/lib/workspace';
import { encode, makeEvidence, testDb } from '../helpers';

const NOW = new Date('2026-11-21T04:00:00.000Z');

function nth<T>(list: readonly T[], i: number): T {
  const value = list[i];
  if (value === undefined) throw new Error(`no element ${i}`);
  return value;
}

async function caseWithItems(n = 2) {
  const db = testDb();
  const theCase = await ensureActiveCase(db, NOW, '案件');
  const items = [];
  for (let i = 0; i < n; i++) {
    const { item, blobs } = await makeEvidence(theCase.id, {
      capturedAt: `2026-11-2${i}T0${i}:00:00.000Z`,
    });
    item.capturedAtLocal = `2026-11-2${i}T0${i + 8}:00:00.000+08:00`;
    await saveEvidence(db, item, blobs);
    items.push(item);
  }
  return { db, theCase, items };
}

describe('cases', () => {
  it('creates, switches, renames and archives cases, each change logged in the chain', async () => {
    const db = testDb();
    const a = await createCase(db, ' 点卡未到账 ', NOW);
    expect(a.title).toBe('点卡未到账');
    const b = await createCase(db, '账号被找回', new Date(NOW.getTime() + 1000));
    expect((await getActiveCase(db))?.id).toBe(b.id);
    await switchCase(db, a.id);
    expect((await getActiveCase(db))?.id).toBe(a.id);
    await updateCase(
      db,
      a.id,
      {
        title: '点卡未到账（95折）',
        disputeType: 'not-delivered',
        purpose: 'own-use',
        amountInDispute: 100,
      },
      NOW,
    );
    await updateCase(db, a.id, { title: '点卡未到账（95折）' }, NOW); // no change, no entry
    await setCaseArchived(db, b.id, true, NOW);
    const cases = await listCases(db);
    expect(cases.map((c) => c.status)).toEqual(['open', 'archived']);
    expect(cases[0]).toMatchObject({
      title: '点卡未到账（95折）',
      disputeType: 'not-delivered',
      amountInDispute: 100,
    });
    const chain = await listCustody(db, a.id);
    expect(chain.map((e) => e.action)).toEqual(['case-created', 'annotate']);
    expect(chain[1]?.details).toMatchObject({
      field: 'case',
      changes: { disputeType: 'not-delivered' },
    });
    // Clearing a field is logged too, as null (JSON has no undefined).
    await updateCase(db, a.id, { disputeType: undefined }, NOW);
    const cleared = (await listCustody(db, a.id)).at(-1);
    expect(cleared?.details).toEqual({ field: 'case', changes: { disputeType: null } });
    expect((await db.cases.get(a.id))?.disputeType).toBeUndefined();
    expect(await verifyCustodyChain(await listCustody(db, a.id))).toEqual([]);
    expect(await verifyCustodyChain(chain)).toEqual([]);
    await expect(createCase(db, '  ', NOW)).rejects.toThrow();
    await expect(switchCase(db, 'nope')).rejects.toThrow();
  });

  it('keeps the profile local in settings, without empty fields', async () => {
    const db = testDb();
    expect(await loadProfile(db)).toEqual({});
    await saveProfile(db, { name: '张三', phone: '', address: '北京市' });
    expect(await loadProfile(db)).toEqual({ name: '张三', address: '北京市' });
  });

  it('prefills the platform from the facts most pages agree on', async () => {
    const { items } = await caseWithItems(3);
    nth(items, 0).facts.site = {
      name: '星辰卡盟',
      company: '某某网络科技有限公司',
      contacts: ['QQ 123'],
    };
    nth(items, 1).facts.site = { name: '星辰卡盟', icp: '京ICP备12345678号', contacts: [] };
    nth(items, 2).facts.site = { name: '广告', contacts: [] };
    const p = platformFromItems(items);
    expect(p).toMatchObject({
      name: '星辰卡盟',
      company: '某某网络科技有限公司',
      icp: '京ICP备12345678号',
      contacts: ['QQ 123'],
    });
    expect(p.url).toMatch(/^https:\/\/km\.example\.cn$/);
  });
});

describe('annotations', () => {
  it('records purpose, notes, tags and corrections as chained entries; the item is untouched', async () => {
    const { db, theCase, items } = await caseWithItems(1);
    const item = nth(items, 0);
    await annotateEvidence(db, item.id, { field: 'purpose', value: '证明已付款未发货' }, NOW);
    await annotateEvidence(
      db,
      item.id,
      { field: 'purpose', value: '证明已付款 100 元未发货' },
      NOW,
    );
    await annotateEvidence(
      db,
      item.id,
      { field: 'tags', value: parseTags('关键, 订单，付款') },
      NOW,
    );
    await correctFact(
      db,
      item.id,
      { path: 'order.amount', value: parseFactValue('order.amount', '¥1,299.00'), original: 5 },
      NOW,
    );
    const a = (await loadAnnotations(db, theCase.id)).byItem.get(item.id);
    expect(a?.purpose).toBe('证明已付款 100 元未发货');
    expect(a?.tags).toEqual(['关键', '订单', '付款']);
    expect(a?.corrections['order.amount']).toMatchObject({ value: 1299, original: 5 });
    expect(await db.evidence.get(item.id)).toEqual(item);
    expect(await verifyCustodyChain(await listCustody(db, theCase.id))).toEqual([]);
    await expect(
      annotateEvidence(db, item.id, { field: 'purpose', value: 3 } as never, NOW),
    ).rejects.toThrow();
  });
});

describe('import and delete', () => {
  it('imports a file with its hash, name and time, then deletes it with a record; the pack verifies', async () => {
    const { db, theCase, items } = await caseWithItems(2);
    const bytes = encode('phone screenshot bytes');
    const file = new File([bytes], '../支付宝账单.png', {
      type: 'image/png',
      lastModified: Date.parse('2026-11-19T10:00:00Z'),
    });
    const imported = await importFile(db, theCase.id, file, { now: NOW, via: 'drop' });
    expect(imported.source).toBe('import');
    expect(imported.kind).toBe('payment');
    const art = imported.artifacts.find((a) => a.role === 'imported');
    expect(art).toMatchObject({
      fileName: '支付宝账单.png',
      sha256: await sha256Hex(bytes),
      bytes: bytes.byteLength,
    });
    const metaSha = imported.artifacts.find((a) => a.role === 'meta')?.sha256 ?? '';
    const meta = JSON.parse((await (await db.blobs.get(metaSha))?.data.text()) ?? '{}');
    expect(meta).toMatchObject({
      originalName: '../支付宝账单.png',
      lastModified: '2026-11-19T10:00:00.000Z',
    });
    expect((await listCustody(db, theCase.id)).at(-1)).toMatchObject({
      action: 'import',
      evidenceId: imported.id,
    });

    const gone = nth(items, 0);
    const blobsBefore = await db.blobs.count();
    await deleteEvidence(db, gone.id, { now: NOW, reason: '重复' });
    expect(await db.evidence.get(gone.id)).toBeUndefined();
    expect(await db.blobs.count()).toBe(blobsBefore - gone.artifacts.length);
    const chain = await listCustody(db, theCase.id);
    const del = nth(chain, chain.length - 1);
    expect(del).toMatchObject({
      action: 'delete',
      evidenceId: gone.id,
      details: { title: gone.title, reason: '重复' },
    });
    expect((del.details.artifacts as unknown[]).length).toBe(gone.artifacts.length);
    expect((await loadAnnotations(db, theCase.id)).deleted.map((d) => d.evidenceId)).toEqual([
      gone.id,
    ]);
    expect((await listEvidence(db, theCase.id)).map((i) => i.id)).toEqual([
      nth(items, 1).id,
      imported.id,
    ]);

    const pack = await exportCase(db, theCase.id, { toolVersion: '0.1.0', now: NOW });
    expect(await verifyPack(pack)).toEqual([]);
    await expect(deleteEvidence(db, gone.id, { now: NOW })).rejects.toThrow();
  });

  it('makes any name a safe single path segment', () => {
    expect(safeFileName('a/b\\c:d?.png')).toBe('c_d_.png');
    expect(safeFileName('meta.json')).toBe('file-meta.json');
    expect(safeFileName('..')).toBe('file-unnamed');
  });
});

describe('timeline and case facts', () => {
  it('groups by day, orders, filters by kind and searches annotations', async () => {
    const { db, theCase, items } = await caseWithItems(3);
    nth(items, 2).kind = 'chat';
    await annotateEvidence(db, nth(items, 1).id, { field: 'note', value: '客服承认未发货' }, NOW);
    const entries = timelineEntries(items, await loadAnnotations(db, theCase.id));
    const rows = timelineRows(entries, { order: 'newest' });
    expect(rows.map((r) => (r.type === 'day' ? r.day : r.entry.item.id))).toEqual([
      '2026-11-22',
      nth(items, 2).id,
      '2026-11-21',
      nth(items, 1).id,
      '2026-11-20',
      nth(items, 0).id,
    ]);
    expect(timelineRows(entries, { order: 'oldest' })[1]).toMatchObject({
      type: 'item',
      entry: { item: { id: nth(items, 0).id } },
    });
    expect(
      timelineRows(entries, { order: 'newest', kinds: new Set(['chat'] as const) }).length,
    ).toBe(2);
    const found = timelineRows(entries, { order: 'newest', text: '承认' });
    expect(
      found.filter((r) => r.type === 'item').map((r) => r.type === 'item' && r.entry.item.id),
    ).toEqual([nth(items, 1).id]);
  });

  it('gathers orders, promises and chat, and lists what a complaint still lacks', async () => {
    const { items } = await caseWithItems(2);
    nth(items, 0).facts.order = { orderId: 'KM1', amount: 100 };
    nth(items, 0).facts.promises = [{ text: '假一赔十', category: 'compensation' }];
    nth(items, 1).facts.chat = {
      messages: [
        { from: 'merchant', at: '2026-11-21T10:01:00+08:00', text: '在处理' },
        { from: 'customer', at: '2026-11-21T10:00:00+08:00', text: '没到账' },
      ],
    };
    const facts = gatherCaseFacts(items, { byItem: new Map(), deleted: [] });
    expect(facts.orders).toHaveLength(1);
    expect(facts.transcript.map((m) => m.text)).toEqual(['没到账', '在处理']);
    const list = complaintChecklist(undefined, items, facts);
    expect(list.filter((c) => !c.done).map((c) => c.id)).toEqual([
      'payment',
      'platform-identity',
      'dispute-type',
      'purpose',
    ]);
  });
});
