/** 黑猫投诉 (domain-complaints.md §5): public, so personal data and payment numbers are masked. */
import type { ChannelDraftSpec } from '../draft-types';
import { demandLine, evidenceCite, factsText, field, respondentName } from '../draft-parts';
import type { DraftContext } from './context';

/** Drafts the public complaint with personal data left out and card keys/numbers masked. */
export function draftHeimao({ input, claims }: DraftContext): ChannelDraftSpec {
  const order = input.orders[0];
  const evidence = input.evidence.filter(
    (e) => e.kind === 'order' || e.kind === 'promise' || e.kind === 'chat',
  );
  return {
    title: '黑猫投诉',
    fields: [
      field('company', '投诉对象（公司名称）', respondentName(input)),
      field('orderId', '订单号', order?.orderId),
      field('problem', '投诉问题', factsText(input, { redact: true })),
      field('demand', '投诉要求', demandLine(claims)),
      field(
        'evidence',
        '证据',
        evidence.length ? evidenceCite(evidence.map((e) => e.number)) : undefined,
        '上传前请遮盖截图中的手机号、姓名、地址、卡密和支付单号',
      ),
    ],
    sections: [],
    legalRefs: [],
    warnings: [
      '黑猫投诉的内容会公开展示。本草稿已隐去您的姓名、电话、地址和身份证号，并遮盖了卡密、充值账号和支付交易号；上传截图前请自行遮盖这些信息。',
      // doc §5: amount fields and response deadlines are UNVERIFIED.
      '黑猫投诉的处理时限未经核实，提交后请记下投诉编号。',
    ],
    evidenceKinds: ['order', 'promise', 'chat'],
  };
}
