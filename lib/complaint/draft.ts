/**
 * ★ Contract 4: `draftComplaint(input, channel)`. Picks the channel's module, then adds
 * what every draft has: the legal basis section, the evidence relied on, the missing list.
 */
import { formatCnDate } from './calendar-date';
import { CHANNELS, type ChannelId } from './channels';
import { computeClaims } from './claims';
import type { ChannelDraftSpec, ComplaintDraft, DraftSection, EvidenceUse } from './draft-types';
import type { DraftContext } from './drafts/context';
import { draftConsumerAssociation } from './drafts/consumer-association';
import { draftCourt } from './drafts/court';
import { draftHeimao } from './drafts/heimao';
import { draftAlipay, draftBank, draftWechatPay } from './drafts/payment';
import { draftPlatform } from './drafts/platform';
import { draftPolice } from './drafts/police';
import { draft12321 } from './drafts/report-12321';
import { draft12315 } from './drafts/twelve315';
import { DraftInput, type DraftInputDraft } from './input';
import { legalRef } from './legal-refs';

export interface DraftOptions {
  /** Hours the platform is given to answer (48 by default). */
  platformHours?: number;
}

function specFor(channel: ChannelId, ctx: DraftContext, options: DraftOptions): ChannelDraftSpec {
  switch (channel) {
    case 'platform':
      return draftPlatform(ctx, options.platformHours);
    case 'wechat-pay':
      return draftWechatPay(ctx);
    case 'alipay':
      return draftAlipay(ctx);
    case 'bank':
      return draftBank(ctx);
    case '12315':
      return draft12315(ctx);
    case 'consumer-association':
      return draftConsumerAssociation(ctx);
    case 'heimao':
      return draftHeimao(ctx);
    case '12321':
      return draft12321(ctx);
    case 'police':
      return draftPolice(ctx);
    case 'court':
      return draftCourt(ctx);
  }
}

/** Evidence numbers the text cites ("证据3"), in order. */
function citedNumbers(text: string): number[] {
  return [...text.matchAll(/证据(\d+)/g)].map((m) => Number(m[1]));
}

function evidenceUsed(input: DraftInput, spec: ChannelDraftSpec, text: string): EvidenceUse[] {
  const wanted = new Set(citedNumbers(text));
  for (const e of input.evidence) {
    if (spec.evidenceKinds === 'all' || spec.evidenceKinds.includes(e.kind)) wanted.add(e.number);
  }
  return input.evidence
    .filter((e) => wanted.has(e.number))
    .sort((a, b) => a.number - b.number)
    .map(({ number, kind, title, capturedAt, sha256 }) => ({
      number,
      kind,
      title,
      capturedAt,
      sha256,
    }));
}

function render(
  title: string,
  fields: ComplaintDraft['fields'],
  sections: DraftSection[],
  form: boolean,
): string {
  const parts = [title];
  if (form) {
    parts.push(fields.map((f) => `${f.label}：${f.value ?? `【待填写：${f.label}】`}`).join('\n'));
  }
  for (const s of sections) parts.push(`【${s.heading}】\n${s.body}`);
  return `${parts.join('\n\n')}\n`;
}

/** ★ Contract 4: the draft for `channel`, filled from the case. Throws if `input` does not parse. */
export function draftComplaint(
  input: DraftInputDraft | DraftInput,
  channel: ChannelId,
  options: DraftOptions = {},
): ComplaintDraft {
  const parsed = DraftInput.parse(input);
  const claims = computeClaims(parsed);
  const spec = specFor(channel, { input: parsed, claims }, options);
  const info = CHANNELS[channel];
  const legalRefs = [...new Set(spec.legalRefs)].map(legalRef);

  const sections = [...spec.sections];
  if (legalRefs.length > 0 && !spec.omitLegalSection) {
    sections.push({
      heading: '法律依据',
      body: legalRefs.map((r) => `${r.cite}：${r.point}。`).join('\n'),
    });
  }
  const body = render(spec.title, spec.fields, sections, info.form === 'form');
  const evidence = evidenceUsed(parsed, spec, body);
  if (evidence.length > 0 && !spec.omitLegalSection) {
    sections.push({
      heading: '证据清单',
      body: evidence
        .map(
          (e) => `证据${e.number}　${e.title}　${formatCnDate(e.capturedAt)}　SHA-256：${e.sha256}`,
        )
        .join('\n'),
    });
  }
  const text = render(spec.title, spec.fields, sections, info.form === 'form');
  const missing = [
    ...spec.fields.filter((f) => f.missing).map((f) => f.label),
    ...(spec.missing ?? []),
  ];
  if (parsed.evidence.length === 0) missing.push('证据（截图、订单、支付记录）');

  return {
    channel,
    channelName: info.name,
    title: spec.title,
    fields: spec.fields,
    sections,
    text,
    legalRefs,
    evidence,
    claims,
    missing: [...new Set(missing)],
    warnings: spec.warnings ?? [],
    refusals: spec.refusals ?? [],
    estimated: spec.estimated ?? false,
  };
}
