// @vitest-environment happy-dom
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageFacts } from '@/lib/extract';
import {
  extractCase,
  loadCorpus,
  type Score,
  scoreCorpus,
  scorePage,
} from '../../../scripts/bench-extract';

const corpus = loadCorpus();

describe('extraction corpus (tests/fixtures/extract)', () => {
  it('has at least 30 pages', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s matches its expected facts', (_name, c) => {
    const facts = extractCase(c);
    expect(PageFacts.parse(facts)).toEqual(facts);
    const score: Score = { fields: new Map(), notes: new Map() };
    scorePage(c.name, c.expected, facts, score);
    expect(score.notes.get(c.name) ?? []).toEqual([]);
  });

  it('finds at least 95% of expected facts and reports almost no wrong ones', () => {
    const { fields } = scoreCorpus(corpus);
    let expected = 0;
    let found = 0;
    let wrong = 0;
    for (const f of fields.values()) {
      expected += f.expected;
      found += f.found;
      wrong += f.wrong;
    }
    expect(found / expected).toBeGreaterThanOrEqual(0.95);
    expect(wrong / expected).toBeLessThan(0.02);
  });

  it.each(
    corpus.filter((c) => !c.expected.order && !c.expected.chat).map((c) => [c.name, c] as const),
  )('%s, neither an order nor a chat, yields neither', (_name, c) => {
    const facts = extractCase(c);
    expect(facts.order).toBeUndefined();
    expect(facts.orders).toBeUndefined();
    expect(facts.chat).toBeUndefined();
  });

  it.each(corpus.filter((c) => !c.expected.orders).map((c) => [c.name, c] as const))(
    '%s, not an order list, yields no `orders`',
    (_name, c) => {
      expect(extractCase(c).orders).toBeUndefined();
    },
  );

  it('records where each order fact came from', () => {
    const c = corpus.find((x) => x.name === 'shop-order');
    const facts = c && extractCase(c);
    expect(facts?.sources?.['order.orderId']).toEqual({
      selector: 'td#order-id',
      text: 'KM20261102140305881',
    });
    expect(facts?.sources?.['order.amount']?.text).toBe('¥98.50');
  });
});

describe('the scorer', () => {
  it('counts a missing fact as a miss and an extra one as wrong', () => {
    const score: Score = { fields: new Map(), notes: new Map() };
    scorePage(
      'x',
      { kind: 'order', order: { orderId: 'A1234567' }, promises: [], site: { contacts: [] } },
      { kind: 'other', order: { amount: 5 }, promises: [], site: { contacts: ['QQ: 1'] } },
      score,
    );
    expect(score.fields.get('order.orderId')).toEqual({ expected: 1, found: 0, wrong: 0 });
    expect(score.fields.get('order.amount')).toEqual({ expected: 0, found: 0, wrong: 1 });
    expect(score.fields.get('kind')).toEqual({ expected: 1, found: 0, wrong: 1 });
    expect(score.fields.get('site.contacts')).toEqual({ expected: 0, found: 0, wrong: 1 });
  });
});

// The blind corpora (written by sessions that never read lib/extract) guard against
// regressions: each keeps at least the facts it finds today and no more wrong ones. The
// floors are today's figures; raise them when the extractor gets better.
const BLIND_FLOORS: ReadonlyArray<readonly [dir: string, found: number, wrong: number]> = [
  ['extract-blind', 626, 0],
  ['extract-blind2', 389, 0],
  ['extract-blind3', 373, 0],
  ['extract-blind4', 372, 2],
  ['extract-blind5', 350, 3],
  ['extract-blind6', 306, 0],
  ['extract-blind7', 231, 0],
  ['extract-blind8', 243, 0],
  ['extract-blind9', 247, 0],
  ['extract-blind10', 245, 0],
  ['extract-blind11', 236, 0],
  ['extract-blind12', 255, 0],
  ['extract-blind13', 256, 0],
  ['extract-blind14', 237, 2],
  ['extract-blind15', 371, 1],
  ['extract-blind16', 242, 0],
  ['extract-blind17', 275, 0],
  ['extract-blind18', 203, 0],
  ['extract-blind19', 204, 0],
  ['extract-blind20', 201, 0],
  ['extract-blind21', 211, 0],
  ['extract-blind22', 249, 0],
  ['extract-blind23', 259, 0],
  ['extract-blind24', 285, 0],
  ['extract-blind25', 316, 1],
  ['extract-blind26', 287, 0],
  ['extract-blind27', 296, 0],
  ['extract-blind28', 278, 0],
  ['extract-blind29', 284, 0],
  ['extract-blind30', 275, 0],
  ['extract-blind31', 269, 0],
];

describe('blind extraction corpora', () => {
  it.each(BLIND_FLOORS)('%s finds at least %i facts with at most %i wrong', (dir, floor, most) => {
    const cases = loadCorpus(resolve(import.meta.dirname, '../../fixtures', dir));
    const { fields } = scoreCorpus(cases);
    let found = 0;
    let wrong = 0;
    for (const f of fields.values()) {
      found += f.found;
      wrong += f.wrong;
    }
    expect(found).toBeGreaterThanOrEqual(floor);
    expect(wrong).toBeLessThanOrEqual(most);
  });
});
