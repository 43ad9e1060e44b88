import { describe, expect, it } from 'vitest';
import { computeClaims } from '@/lib/complaint/claims';
import { draftComplaint } from '@/lib/complaint/draft';
import { promisedMultiple } from '@/lib/complaint/promise-multiplier';
import { caseWith, fullCase } from './fixture';

describe('promisedMultiple', () => {
  it.each([
    ['假一赔十', 10],
    ['正品保障 假一赔三', 3],
    ['假1赔10', 10],
    ['假一赔二十', 20],
    ['24小时到账', undefined],
    ['不到账全额退款', undefined],
  ])('%s → %s', (text, n) => expect(promisedMultiple(text)).toBe(n));
});

describe('computeClaims', () => {
  it('full case: refund plus ten times the price for 假一赔十, citing the promise item', () => {
    const set = computeClaims(fullCase());
    expect(set.claims.map((c) => [c.kind, c.amount, c.included])).toEqual([
      ['refund', 128, true],
      ['promised-compensation', 1280, true],
    ]);
    expect(set.claims[1]?.evidence).toEqual([1]);
    expect(set.claims[1]?.explanation).toContain('证据1');
    expect(set.total).toBe(1408);
  });

  it('cites a refund promised inside a sentence filed under another kind', () => {
    const set = computeClaims(
      caseWith((c) => {
        c.promises = [
          {
            text: '付款后3分钟内自动发货，超时未发货全额退款',
            category: 'delivery',
            evidence: { number: 8, sha256: 'b'.repeat(64) },
          },
          {
            text: '付款后3分钟内自动发货',
            category: 'delivery',
            evidence: { number: 9, sha256: 'c'.repeat(64) },
          },
        ];
      }),
    );
    const refund = set.claims.find((c) => c.kind === 'refund');
    expect(refund?.explanation).toContain(
      '平台承诺“付款后3分钟内自动发货，超时未发货全额退款”（证据8）',
    );
    expect(refund?.explanation).not.toContain('证据9');
    expect(refund?.evidence).toContain(8);
    expect(refund?.evidence).not.toContain(9);
  });

  it('no 第55条 claim without the user saying they were deceived', () => {
    const set = computeClaims(
      caseWith((c) => {
        c.promises = [];
      }),
    );
    expect(set.claims.map((c) => c.kind)).toEqual(['refund']);
    expect(set.total).toBe(128);
  });

  it('with deceit: three times the price', () => {
    const set = computeClaims(
      caseWith((c) => {
        c.promises = [];
        c.case.merchantDeceived = true;
        if (c.orders[0]) c.orders[0].amount = 300;
      }),
    );
    const fraud = set.claims.find((c) => c.kind === 'fraud-compensation');
    expect(fraud?.amount).toBe(900);
    expect(fraud?.legalRefs).toEqual(['cpl-55']);
    expect(set.total).toBe(1200);
  });

  it('with deceit on a small order: at least 500 yuan', () => {
    const set = computeClaims(
      caseWith((c) => {
        c.promises = [];
        c.case.merchantDeceived = true;
        if (c.orders[0]) c.orders[0].amount = 19.9;
      }),
    );
    const fraud = set.claims.find((c) => c.kind === 'fraud-compensation');
    expect(fraud?.amount).toBe(500);
    expect(fraud?.explanation).toContain('59.70元');
    expect(set.total).toBe(519.9);
  });

  it('promise and deceit together: the larger one is claimed, the other is an alternative', () => {
    const set = computeClaims(
      caseWith((c) => {
        c.case.merchantDeceived = true;
      }),
    );
    const byKind = Object.fromEntries(set.claims.map((c) => [c.kind, c]));
    expect(byKind['promised-compensation']?.included).toBe(true);
    expect(byKind['fraud-compensation']?.included).toBe(false);
    expect(set.total).toBe(1408);
  });

  it('假一赔十 is not claimed for a dispute that is not about fake goods', () => {
    const set = computeClaims(
      caseWith((c) => {
        c.case.disputeType = 'not-delivered';
      }),
    );
    expect(set.claims.map((c) => c.kind)).toEqual(['refund']);
    expect(set.notes.join()).toContain('未据此主张');
  });

  it('the amount in dispute overrides the refund (short recharge)', () => {
    const set = computeClaims(
      caseWith((c) => {
        c.case.disputeType = 'short-recharge';
        c.case.amountInDispute = 64;
      }),
    );
    expect(set.claims[0]?.amount).toBe(64);
  });

  it('an unknown price leaves the amounts open instead of inventing them', () => {
    const set = computeClaims(
      caseWith((c) => {
        c.orders = [];
      }),
    );
    expect(set.claims[0]?.amount).toBeUndefined();
    expect(set.total).toBeUndefined();
  });

  it('the drafts print 第55条 only with deceit', () => {
    const input = caseWith((c) => {
      c.promises = [];
      c.case.merchantDeceived = true;
    });
    const court = draftComplaint(input, 'court');
    expect(court.text).toContain('《消费者权益保护法》第55条');
    expect(court.legalRefs.map((r) => r.id)).toContain('cpl-55');
    expect(draftComplaint(fullCase(), 'court').legalRefs.map((r) => r.id)).not.toContain('cpl-55');
  });
});
