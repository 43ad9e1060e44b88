import { describe, expect, it } from 'vitest';
import { ensureActiveCase, saveEvidence } from '@/lib/db/repo';
import { exportCase } from '@/lib/pack/export-case';
import { MANIFEST, PackManifest } from '@/lib/pack/manifest';
import { readZip, verifyPack } from '@/lib/pack/verify-pack';
import { annotateEvidence, correctFact } from '@/lib/workspace/annotations';
import { decode, makeEvidence, testDb } from '../helpers';

describe('the pack carries what the user added to each item', () => {
  it('puts purpose, notes, tags and fact corrections in the manifest and the purpose in the catalogue', async () => {
    const db = testDb();
    const theCase = await ensureActiveCase(db, new Date('2026-11-21T01:00:00.000Z'), '案件');
    const order = await makeEvidence(theCase.id, {
      kind: 'order',
      capturedAt: '2026-11-21T02:00:00.000Z',
    });
    const other = await makeEvidence(theCase.id, {
      kind: 'other',
      capturedAt: '2026-11-21T03:00:00.000Z',
    });
    await saveEvidence(db, order.item, order.blobs);
    await saveEvidence(db, other.item, other.blobs);
    const at = new Date('2026-11-21T04:00:00.000Z');
    await annotateEvidence(
      db,
      order.item.id,
      { field: 'purpose', value: '证明实付 98.50 元 <b>' },
      at,
    );
    await annotateEvidence(
      db,
      order.item.id,
      { field: 'purpose', value: '证明实付 98.50 元，卡密已被使用' },
      at,
    );
    await annotateEvidence(db, order.item.id, { field: 'note', value: '客服承诺24小时退款' }, at);
    await annotateEvidence(db, order.item.id, { field: 'tags', value: ['订单', '卡密'] }, at);
    await correctFact(db, order.item.id, { path: 'order.amount', value: 98.5, original: 985 }, at);

    const bytes = await exportCase(db, theCase.id, {
      toolVersion: 't',
      now: new Date('2026-11-21T08:00:00.000Z'),
    });
    expect(await verifyPack(bytes)).toEqual([]);
    const files = await readZip(bytes);
    const manifest = PackManifest.parse(
      JSON.parse(decode(files.get(MANIFEST) ?? new Uint8Array())),
    );
    const [first, second] = manifest.items;
    // The latest purpose wins; the earlier one stays in the custody log.
    expect(first).toMatchObject({
      purpose: '证明实付 98.50 元，卡密已被使用',
      notes: '客服承诺24小时退款',
      tags: ['订单', '卡密'],
      corrections: { 'order.amount': { value: 98.5, original: 985 } },
    });
    expect(second?.purpose).toBeUndefined();
    const catalogue = decode(files.get('index.html') ?? new Uint8Array());
    expect(catalogue).toContain('证明目的');
    expect(catalogue).toContain(
      '<td>证明实付 98.50 元，卡密已被使用<br><small>客服承诺24小时退款</small></td>',
    );
  });
});

describe('complaints in the pack', () => {
  it('are numbered in the order they were drafted, whatever their ids', async () => {
    const db = testDb();
    const theCase = await ensureActiveCase(db, new Date('2026-11-21T01:00:00.000Z'), '案件');
    const item = await makeEvidence(theCase.id, {
      kind: 'order',
      capturedAt: '2026-11-21T02:00:00.000Z',
    });
    await saveEvidence(db, item.item, item.blobs);
    const drafts = [
      ['zzz', 'platform', '2026-11-21T03:00:00.000Z'],
      ['mmm', 'alipay', '2026-11-22T03:00:00.000Z'],
      ['aaa', '12315', '2026-11-23T03:00:00.000Z'],
    ] as const;
    for (const [id, channel, at] of drafts) {
      await db.complaints.add({
        id,
        caseId: theCase.id,
        channel,
        createdAt: at,
        updatedAt: at,
        status: 'draft',
        text: `${channel} 投诉书`,
        fields: {},
      });
    }
    const bytes = await exportCase(db, theCase.id, {
      toolVersion: 't',
      now: new Date('2026-11-24T08:00:00.000Z'),
    });
    const names = [...(await readZip(bytes)).keys()]
      .filter((n) => n.startsWith('complaints/'))
      .sort();
    expect(names.map((n) => n.replace(/^complaints\/(\d+)-([^.]+).*$/, '$1 $2'))).toEqual([
      '01 platform',
      '02 alipay',
      '03 12315',
    ]);
  });
});
