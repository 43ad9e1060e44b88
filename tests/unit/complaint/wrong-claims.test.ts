import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from '@/lib/complaint/channels';
import { draftComplaint } from '@/lib/complaint/draft';
import { recommendChannels } from '@/lib/complaint/guide';
import type { DraftInput } from '@/lib/complaint/input';
import { caseWith, fullCase } from './fixture';

/**
 * The popular claims the table at the top of domain-complaints.md corrects. None may
 * appear in any draft, whatever the case.
 */
const WRONG: { claim: string; pattern: RegExp }[] = [
  { claim: 'complain within 6 years', pattern: /(?<!\d)6\s*年|六年/ },
  {
    claim: '12315 accepts within 48 hours',
    pattern: /48\s*小时[^。\n]*受理|受理[^。\n]*48\s*小时/,
  },
  { claim: '暂行办法 (总局令第20号) as the current rule', pattern: /暂行办法|总局令第20号|20号令/ },
  { claim: 'mediation ends after 45 working days', pattern: /45\s*个工作日/ },
  { claim: 'no 网络文化经营许可证 means illegal', pattern: /网络文化经营许可证/ },
  { claim: '退一赔三 for any problem', pattern: /退一赔三/ },
];

const CASES: [string, DraftInput][] = [
  ['full case', fullCase()],
  [
    'deceived, resale, vanished',
    caseWith((c) => {
      c.case.merchantDeceived = true;
      c.case.purpose = 'resale';
      c.case.disputeType = 'site-vanished';
    }),
  ],
  [
    'old case',
    caseWith((c) => {
      c.case.harmKnownAt = '2022-01-01';
    }),
  ],
];

describe('no draft repeats a popular wrong claim', () => {
  for (const [name, input] of CASES) {
    it.each(CHANNEL_IDS)(`${name}: %s`, (channel) => {
      const text = draftComplaint(input, channel).text;
      for (const w of WRONG) expect(text, w.claim).not.toMatch(w.pattern);
    });
  }

  it('the guide does not either', () => {
    for (const [, input] of CASES) {
      const g = recommendChannels(input);
      const text = JSON.stringify(g);
      for (const w of WRONG) expect(text, w.claim).not.toMatch(w.pattern);
    }
  });

  it('the patterns catch the wrong claims they describe', () => {
    const samples = [
      '请在6年内投诉',
      '12315将在48小时内受理',
      '依据《暂行办法》',
      '45个工作日',
      '无网络文化经营许可证',
      '退一赔三',
    ];
    samples.forEach((s, i) => {
      expect(s).toMatch(WRONG[i]?.pattern ?? /$^/);
    });
  });

  it('no draft without deceit mentions the triple compensation of 第55条', () => {
    for (const channel of CHANNEL_IDS) {
      const text = draftComplaint(fullCase(), channel).text;
      expect(text).not.toMatch(/第55条|三倍/);
    }
  });
});
