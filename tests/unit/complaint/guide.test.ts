import { describe, expect, it } from 'vitest';
import { recommendChannels } from '@/lib/complaint/guide';
import { caseWith, fullCase } from './fixture';

const order = (input: Parameters<typeof recommendChannels>[0]) =>
  recommendChannels(input).recommended.map((a) => a.channel);

describe('recommendChannels', () => {
  it('full case: platform first, then its payment channel, 12315, 消协, 黑猫, court last', () => {
    expect(order(fullCase())).toEqual([
      'platform',
      'wechat-pay',
      '12315',
      'consumer-association',
      'heimao',
      'court',
    ]);
  });

  it('reports the state of the platform complaint already sent', () => {
    const guide = recommendChannels(fullCase());
    // Sent 2026-11-19 10:00, 48 h passed by the end of 2026-11-22.
    expect(guide.recommended[0]).toMatchObject({ channel: 'platform', state: 'overdue' });
    expect(guide.recommended[1]?.state).toBe('not-sent');
  });

  it('never recommends 12315 for resale, and says why', () => {
    const guide = recommendChannels(
      caseWith((c) => {
        c.case.purpose = 'resale';
      }),
    );
    expect(guide.recommended.map((a) => a.channel)).not.toContain('12315');
    expect(guide.notRecommended.find((n) => n.channel === '12315')?.reason).toContain('转售');
    expect(guide.recommended.find((a) => a.channel === 'court')?.reason).toContain('转售');
  });

  it('leaves out 12315 for a case over three years old', () => {
    const guide = recommendChannels(
      caseWith((c) => {
        c.case.harmKnownAt = '2023-01-01';
      }),
    );
    expect(guide.recommended.map((a) => a.channel)).not.toContain('12315');
    expect(guide.recommended.find((a) => a.channel === 'court')?.caution).toContain('超过三年');
  });

  it('site vanished: police and 12321 with the fraud thresholds, no platform', () => {
    const guide = recommendChannels(
      caseWith((c) => {
        c.case.disputeType = 'site-vanished';
      }),
    );
    const channels = guide.recommended.map((a) => a.channel);
    expect(channels).toEqual(expect.arrayContaining(['police', '12321', 'wechat-pay']));
    expect(channels).not.toContain('platform');
    expect(guide.recommended.find((a) => a.channel === 'police')?.caution).toContain('3000元');
  });

  it('no police or 12321 for an ordinary service failure', () => {
    expect(order(fullCase())).not.toContain('police');
    expect(order(fullCase())).not.toContain('12321');
  });

  it('warns that 黑猫投诉 is public', () => {
    expect(
      recommendChannels(fullCase()).recommended.find((a) => a.channel === 'heimao')?.caution,
    ).toContain('公开');
  });

  it('picks Alipay or the bank from the payment method', () => {
    expect(
      order(
        caseWith((c) => {
          if (c.orders[0]) c.orders[0].paymentMethod = '支付宝';
        }),
      ),
    ).toContain('alipay');
    expect(
      order(
        caseWith((c) => {
          if (c.orders[0]) c.orders[0].paymentMethod = '银行卡快捷支付';
        }),
      ),
    ).toContain('bank');
    const unknown = recommendChannels(
      caseWith((c) => {
        if (c.orders[0]) c.orders[0].paymentMethod = undefined;
      }),
    );
    expect(unknown.notes.join()).toContain('支付方式未知');
  });

  it('explains small claims and the internet courts', () => {
    const notes = recommendChannels(
      caseWith((c) => {
        c.profile.city = '广州市';
      }),
    ).notes.join('\n');
    expect(notes).toContain('广州互联网法院');
    expect(notes).toContain('小额诉讼');
    expect(notes).toContain('第165条');
  });
});
