import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from '@/lib/complaint/channels';
import { draftComplaint } from '@/lib/complaint/draft';
import { LEGAL_REF_IDS } from '@/lib/complaint/legal-refs';
import { caseWith, fullCase } from './fixture';

describe('every draft', () => {
  it.each(CHANNEL_IDS)('%s: cites only known references, each of them in its text', (channel) => {
    const draft = draftComplaint(fullCase(), channel);
    for (const ref of draft.legalRefs) {
      expect(LEGAL_REF_IDS).toContain(ref.id);
      expect(draft.text).toContain(ref.cite.split('、')[0]);
    }
  });

  it.each(CHANNEL_IDS)('%s: relies on evidence items by number and hash', (channel) => {
    const draft = draftComplaint(fullCase(), channel);
    expect(draft.evidence.length).toBeGreaterThan(0);
    for (const e of draft.evidence) expect(draft.text).toContain(e.sha256);
  });

  it.each(CHANNEL_IDS)('%s: lists what is missing when the profile is empty', (channel) => {
    const draft = draftComplaint(
      caseWith((c) => {
        c.profile = {};
      }),
      channel,
    );
    const full = draftComplaint(fullCase(), channel);
    for (const f of draft.fields) expect(f.missing).toBe(f.value === undefined);
    expect(draft.missing).toEqual(
      draft.fields
        .filter((f) => f.missing)
        .map((f) => f.label)
        .concat(draft.missing.filter((m) => !draft.fields.some((f) => f.label === m))),
    );
    if (channel !== 'heimao' && channel !== 'alipay' && channel !== '12321') {
      expect(draft.missing.length).toBeGreaterThan(full.missing.length);
    }
  });

  it('names the respondent credit code and the user address as missing for 12315', () => {
    const draft = draftComplaint(
      caseWith((c) => {
        c.platform.creditCode = undefined;
        c.profile.address = undefined;
      }),
      '12315',
    );
    expect(draft.missing).toEqual(expect.arrayContaining(['统一社会信用代码', '通讯地址']));
    expect(draft.fields.find((f) => f.key === 'creditCode')?.hint).toContain('gsxt.gov.cn');
    expect(draftComplaint(fullCase(), '12315').missing).toEqual([]);
  });

  it('states earlier unanswered complaints', () => {
    for (const channel of ['wechat-pay', '12315', 'court', 'consumer-association'] as const) {
      expect(draftComplaint(fullCase(), channel).text).toContain(
        '于2026年11月19日向平台客服投诉（编号GD20261119001），至今未获处理',
      );
    }
  });

  it('rejects input that does not parse', () => {
    expect(() => draftComplaint({ ...fullCase(), today: '22/11/2026' }, 'platform')).toThrow();
  });
});

describe('12315', () => {
  it('has 投诉请求 and 举报线索 as separate sections, fields in the form order', () => {
    const draft = draftComplaint(fullCase(), '12315');
    const headings = draft.sections.map((s) => s.heading);
    expect(headings.indexOf('投诉请求')).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf('举报线索')).toBeGreaterThan(headings.indexOf('投诉请求'));
    expect(draft.fields.slice(0, 6).map((f) => f.key)).toEqual([
      'name',
      'phone',
      'address',
      'respondent',
      'respondentAddress',
      'creditCode',
    ]);
    expect(draft.text).toContain('7个工作日内决定是否受理');
    expect(draft.text).toContain('60日内未达成调解协议');
  });

  it('says when the acceptance deadline is an estimate', () => {
    const draft = draftComplaint(
      caseWith((c) => {
        c.today = '2027-03-01';
      }),
      '12315',
    );
    expect(draft.estimated).toBe(true);
    expect(draft.text).toContain('按周一至周五估算');
    expect(draftComplaint(fullCase(), '12315').estimated).toBe(false);
  });
});

describe('court', () => {
  it('follows the 民事起诉状 structure of 民事诉讼法 第124条', () => {
    const draft = draftComplaint(fullCase(), 'court');
    expect(draft.sections.map((s) => s.heading)).toEqual([
      '当事人',
      '案由',
      '诉讼请求',
      '事实与理由',
      '证据和证据来源、证人姓名和住所',
      '管辖',
      '程序提示（提交前删除）',
      '落款',
    ]);
    expect(draft.text).toContain('网络购物合同纠纷');
    expect(draft.text).toContain('以买受人住所地为合同履行地');
    expect(draft.text).toContain('原告住所地为江苏省南京市');
    expect(draft.legalRefs.map((r) => r.id)).toEqual(
      expect.arrayContaining(['cpl-124', 'cpl-24', 'jud-20']),
    );
  });

  it('names the internet court when the buyer lives in 杭州', () => {
    const draft = draftComplaint(
      caseWith((c) => {
        c.profile.city = '杭州市';
      }),
      'court',
    );
    expect(draft.text).toContain('杭州互联网法院');
  });

  it('asks for the province instead of hard-coding a small-claims figure', () => {
    const draft = draftComplaint(
      caseWith((c) => {
        c.profile.province = undefined;
      }),
      'court',
    );
    expect(draft.text).toContain('请填写您所在省份');
    expect(draft.text).not.toMatch(/64,?610/);
  });
});

describe('heimao', () => {
  it('warns that it is public and leaves personal data out', () => {
    const draft = draftComplaint(fullCase(), 'heimao');
    expect(draft.warnings.join()).toContain('公开');
    for (const secret of [
      '13812345678',
      '320102199001011234',
      '张三',
      '玄武区',
      'WZRY-8F3K-22QX-91LM',
      '4200002301202611181234567890',
    ]) {
      expect(draft.text).not.toContain(secret);
    }
    expect(draft.text).toContain('****7890');
  });
});

describe('police', () => {
  it('lists the payments and places the loss against the fraud thresholds', () => {
    const draft = draftComplaint(fullCase(), 'police');
    expect(draft.text).toContain('4200002301202611181234567890');
    expect(draft.text).toContain('低于该起点');
    expect(draft.text).toContain('受案回执');
    const big = draftComplaint(
      caseWith((c) => {
        if (c.orders[0]) c.orders[0].amount = 5000;
      }),
      'police',
    );
    expect(big.text).toContain('已达到电信网络诈骗的起点');
  });
});

describe('platform', () => {
  it('gives 48 hours by default and the user may choose', () => {
    expect(draftComplaint(fullCase(), 'platform').text).toContain(
      '请于2026年11月24日 23:59前书面答复',
    );
    expect(draftComplaint(fullCase(), 'platform', { platformHours: 72 }).text).toContain(
      '2026年11月25日 23:59',
    );
  });

  it('asks a third-party platform for the seller identity (消法 第44条)', () => {
    const draft = draftComplaint(
      caseWith((c) => {
        c.platform.sellerName = '某店';
      }),
      'platform',
    );
    expect(draft.text).toContain('真实名称、地址和有效联系方式');
    expect(draft.legalRefs.map((r) => r.id)).toContain('cpl-44');
  });
});
