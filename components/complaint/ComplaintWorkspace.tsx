import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { refreshOverdueBadge, scheduleReminder } from '@/lib/background/reminders';
import {
  CHANNEL_IDS,
  CHANNELS,
  type ChannelId,
  type ComplaintDraft,
  DEFAULT_PLATFORM_HOURS,
  type DraftInput,
  draftComplaint,
  nextEscalation,
  recommendChannels,
} from '@/lib/complaint';
import { formatCnDateTime, toChinaIso } from '@/lib/complaint/calendar-date';
import { buildDraftInput } from '@/lib/complaint/from-case';
import {
  chinaToday,
  draftFields,
  isPastDeadline,
  listComplaints,
  markSent,
  recordAnswer,
  saveDraft,
} from '@/lib/complaint/store';
import type { ComplaintRecord, EvidenceDB } from '@/lib/db';
import './complaint.css';
import { ReminderAccessNotice, useReminderAccess } from './reminder-access';

interface Props {
  db: EvidenceDB;
  caseId: string;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

const STATUS_LABEL: Record<ComplaintRecord['status'], string> = {
  draft: '草稿 draft',
  sent: '已发送 sent',
  answered: '已答复 answered',
  closed: '已结束 closed',
};

const channelName = (id: string) => CHANNELS[id as ChannelId]?.name ?? id;

/** `datetime-local` value for an instant, in China time. */
const localInput = (d: Date) => toChinaIso(d.getTime()).slice(0, 16);

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The complaints tab of the side panel (issue #6): the channel guide, the draft of the
 * chosen channel (fields to copy, the full text to edit and save), claims, legal
 * references, refusals, the complaints sent with their deadlines, and the next step of
 * the escalation ladder when one is overdue.
 */
export function ComplaintWorkspace({ db, caseId, now = () => new Date() }: Props) {
  const [channel, setChannel] = useState<ChannelId>('platform');
  const today = chinaToday(now());
  const loaded = useLiveQuery(async () => {
    try {
      return { input: await buildDraftInput(db, caseId, today) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [db, caseId, today]);
  const complaints = useLiveQuery(() => listComplaints(db, caseId), [db, caseId]);
  const input = loaded && 'input' in loaded ? loaded.input : undefined;
  const draft = useMemo(
    () => (input ? draftComplaint(input, channel) : undefined),
    [input, channel],
  );

  return (
    <section
      data-testid="complaint-workspace"
      data-case-id={caseId}
      aria-label="投诉 Complaints"
      className="complaints"
    >
      <h2>投诉与维权 Complaints</h2>
      {loaded && 'error' in loaded && (
        <p role="alert" className="error">
          无法读取案件 Cannot read the case: {loaded.error}
        </p>
      )}
      {input && <ChannelGuideView input={input} now={now} onPick={setChannel} />}
      <label className="field">
        <span>投诉渠道 Channel</span>
        <select
          data-testid="channel-select"
          value={channel}
          onChange={(e) => setChannel(e.target.value as ChannelId)}
        >
          {CHANNEL_IDS.map((id) => (
            <option key={id} value={id}>
              {CHANNELS[id].name}
            </option>
          ))}
        </select>
      </label>
      <p className="where">提交途径 Where: {CHANNELS[channel].where}</p>
      {input && draft && (
        <DraftView key={channel} db={db} caseId={caseId} draft={draft} now={now} />
      )}
      {input && complaints && <SentList db={db} records={complaints} now={now} />}
      {input && <EscalationView input={input} now={now} onPick={setChannel} />}
    </section>
  );
}

function ChannelGuideView({
  input,
  now,
  onPick,
}: {
  input: DraftInput;
  now: () => Date;
  onPick: (c: ChannelId) => void;
}) {
  const guide = recommendChannels(input, now().toISOString());
  const stateLabel = {
    'not-sent': '未投诉',
    waiting: '等待答复',
    overdue: '已超期未答复',
    answered: '已答复',
  } as const;
  return (
    <details className="guide" open data-testid="channel-guide">
      <summary>渠道指引 Where to complain</summary>
      <ol>
        {guide.recommended.map((a) => (
          <li key={a.channel} data-channel={a.channel}>
            <button type="button" className="link" onClick={() => onPick(a.channel)}>
              {a.name}
            </button>{' '}
            <span className="state">（{stateLabel[a.state]}）</span>
            <div>{a.reason}</div>
            {a.caution && <div className="warning">⚠ {a.caution}</div>}
          </li>
        ))}
      </ol>
      {guide.notRecommended.length > 0 && (
        <>
          <h3>不建议 Not recommended</h3>
          <ul>
            {guide.notRecommended.map((n) => (
              <li key={n.channel}>
                {channelName(n.channel)}：{n.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {guide.notes.length > 0 && (
        <ul className="notes">
          {guide.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <p className="hint">可以选择任何渠道 Any channel can be chosen below.</p>
    </details>
  );
}

function DraftView({
  db,
  caseId,
  draft,
  now,
}: {
  db: EvidenceDB;
  caseId: string;
  draft: ComplaintDraft;
  now: () => Date;
}) {
  const textId = useId();
  const [text, setText] = useState(draft.text);
  const [edited, setEdited] = useState(false);
  const [savedId, setSavedId] = useState<string | undefined>();
  const [status, setStatus] = useState<{ state: 'idle' | 'done' | 'error'; message: string }>({
    state: 'idle',
    message: '',
  });
  const [copied, setCopied] = useState<string | undefined>();
  // New facts (a capture, a complaint recorded) redraft the text until the user edits it.
  useEffect(() => {
    if (!edited) setText(draft.text);
  }, [draft.text, edited]);

  async function save() {
    try {
      const record = await saveDraft(
        db,
        { caseId, channel: draft.channel, text, fields: draftFields(draft), id: savedId },
        now(),
      );
      setSavedId(record.id);
      setStatus({ state: 'done', message: `已保存 Saved (${formatCnDateTime(record.updatedAt)})` });
    } catch (error) {
      setStatus({
        state: 'error',
        message: `保存失败 Not saved: ${error instanceof Error ? error.message : error}`,
      });
    }
  }

  async function copy(key: string, value: string) {
    setCopied((await copyText(value)) ? key : `!${key}`);
  }

  return (
    <article className="draft" data-testid="draft" data-channel={draft.channel}>
      <h3>{draft.title}</h3>
      {draft.refusals.length > 0 && (
        <ul className="refusals" data-testid="draft-refusals" aria-label="不予受理 Refusals">
          {draft.refusals.map((r) => (
            <li key={r.reason} className="error">
              ⛔ {r.text}
            </li>
          ))}
        </ul>
      )}
      {draft.warnings.length > 0 && (
        <ul className="warnings" data-testid="draft-warnings" aria-label="注意 Warnings">
          {draft.warnings.map((w) => (
            <li key={w} className="warning">
              ⚠ {w}
            </li>
          ))}
        </ul>
      )}
      {draft.estimated && (
        <p className="warning">
          ⚠ 期限按周一至周五估算（该年度节假日安排尚未公布）。 Deadline estimated Monday–Friday.
        </p>
      )}
      {draft.missing.length > 0 && (
        <section aria-label="待补充 Missing" data-testid="draft-missing">
          <h4>待补充 Still missing</h4>
          <ul>
            {draft.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label="表单字段 Form fields">
        <h4>表单字段（按表单顺序）Form fields, in order</h4>
        <ol className="fields" data-testid="draft-fields">
          {draft.fields.map((f) => (
            <li key={f.key} data-field={f.key} className={f.missing ? 'missing' : undefined}>
              <div className="field-label">{f.label}</div>
              <div className="field-value">{f.value ?? '【待填写】'}</div>
              {f.hint && <div className="hint">{f.hint}</div>}
              {f.value !== undefined && (
                <button
                  type="button"
                  aria-label={`复制 Copy ${f.label}`}
                  onClick={() => copy(f.key, f.value ?? '')}
                >
                  {copied === f.key
                    ? '已复制 Copied'
                    : copied === `!${f.key}`
                      ? '复制失败'
                      : '复制 Copy'}
                </button>
              )}
            </li>
          ))}
        </ol>
      </section>
      <section aria-label="索赔 Claims" data-testid="draft-claims">
        <h4>请求与计算 Claims</h4>
        <ul>
          {draft.claims.claims.map((c) => (
            <li key={c.kind}>
              <strong>
                {c.included ? '' : '（备选）'}
                {c.title}
                {c.amount !== undefined ? `：${c.amount} 元` : '：金额待补充'}
              </strong>
              <div>{c.explanation}</div>
            </li>
          ))}
        </ul>
        {draft.claims.total !== undefined && <p>合计 Total：{draft.claims.total} 元</p>}
        {draft.claims.notes.map((n) => (
          <p key={n} className="hint">
            {n}
          </p>
        ))}
      </section>
      <section aria-label="法律依据 Legal references" data-testid="draft-legal">
        <h4>法律依据 Legal references</h4>
        <ul>
          {draft.legalRefs.map((r) => (
            <li key={r.id}>
              {r.cite}：{r.point}
            </li>
          ))}
        </ul>
      </section>
      {draft.evidence.length > 0 && (
        <section aria-label="引用的证据 Evidence cited">
          <h4>引用的证据 Evidence</h4>
          <ul className="evidence-used">
            {draft.evidence.map((e) => (
              <li key={e.number}>
                证据{e.number}　{e.title}　<code>{e.sha256.slice(0, 16)}…</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      <label className="field" htmlFor={textId}>
        <span>全文（可编辑）Full text, editable</span>
      </label>
      <textarea
        id={textId}
        data-testid="draft-text"
        rows={16}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setEdited(true);
        }}
      />
      <div className="actions">
        <button type="button" className="primary" data-testid="save-draft" onClick={save}>
          保存草稿 Save draft
        </button>
        <button type="button" onClick={() => copy('__text', text)}>
          {copied === '__text' ? '已复制 Copied' : '复制全文 Copy all'}
        </button>
        {edited && (
          <button
            type="button"
            onClick={() => {
              setEdited(false);
              setText(draft.text);
            }}
          >
            恢复自动草稿 Reset
          </button>
        )}
      </div>
      <output data-testid="save-status" data-state={status.state} aria-live="polite">
        {status.message}
      </output>
    </article>
  );
}

function SentForm({
  db,
  record,
  now,
  remindersOn,
  askReminders,
}: {
  db: EvidenceDB;
  record: ComplaintRecord;
  now: () => Date;
  remindersOn: boolean;
  askReminders(): Promise<boolean>;
}) {
  const id = useId();
  const [sentAt, setSentAt] = useState(localInput(now()));
  const [ticketNo, setTicketNo] = useState('');
  const [hours, setHours] = useState(String(DEFAULT_PLATFORM_HOURS));
  const [error, setError] = useState('');
  const [remind, setRemind] = useState(true);
  const platform = record.channel === 'platform';
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    // Asked first, inside the user's gesture; recording the complaint does not wait for it.
    const alarms = remind && !remindersOn ? askReminders() : Promise.resolve(remindersOn);
    try {
      const updated = await markSent(
        db,
        record.id,
        {
          sentAt: `${sentAt}:00+08:00`,
          ticketNo,
          platformHours: platform ? Number(hours) || DEFAULT_PLATFORM_HOURS : undefined,
        },
        now(),
      );
      setError('');
      await refreshOverdueBadge(browser, db, now());
      if (await alarms) {
        await scheduleReminder(browser.alarms, updated, { notBefore: Date.now() + 60_000 });
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <form className="sent-form" data-testid="sent-form" onSubmit={submit}>
      <label htmlFor={`${id}-at`}>发送时间 Sent at</label>
      <input
        id={`${id}-at`}
        data-testid="sent-at"
        type="datetime-local"
        required
        value={sentAt}
        onChange={(e) => setSentAt(e.target.value)}
      />
      <label htmlFor={`${id}-ticket`}>投诉编号 Ticket number</label>
      <input
        id={`${id}-ticket`}
        data-testid="ticket-no"
        value={ticketNo}
        onChange={(e) => setTicketNo(e.target.value)}
      />
      {platform && (
        <>
          <label htmlFor={`${id}-hours`}>给平台的答复时限（小时）Hours for the platform</label>
          <input
            id={`${id}-hours`}
            data-testid="platform-hours"
            type="number"
            min={1}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
        </>
      )}
      {!remindersOn && (
        <label className="check">
          <input
            type="checkbox"
            data-testid="sent-remind"
            checked={remind}
            onChange={(e) => setRemind(e.target.checked)}
          />
          期限到了提醒我（浏览器会询问是否允许通知） Remind me at the deadline (the browser asks to
          allow notifications)
        </label>
      )}
      <button type="submit" data-testid="mark-sent">
        标记为已发送 Mark as sent
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

function AnswerForm({
  db,
  record,
  now,
}: {
  db: EvidenceDB;
  record: ComplaintRecord;
  now: () => Date;
}) {
  const id = useId();
  const [summary, setSummary] = useState('');
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const updated = await recordAnswer(db, record.id, { summary }, now());
    await scheduleReminder(browser.alarms, updated);
    await refreshOverdueBadge(browser, db, now());
  }
  return (
    <form className="answer-form" onSubmit={submit}>
      <label htmlFor={`${id}-answer`}>答复内容 Answer</label>
      <input
        id={`${id}-answer`}
        data-testid="answer-summary"
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
      />
      <button type="submit" data-testid="record-answer">
        记录答复 Record answer
      </button>
    </form>
  );
}

function SentList({
  db,
  records,
  now,
}: {
  db: EvidenceDB;
  records: ComplaintRecord[];
  now: () => Date;
}) {
  const { access, ask } = useReminderAccess();
  if (records.length === 0) return null;
  const waiting = records.some((r) => r.status === 'sent');
  return (
    <section aria-label="已保存的投诉 Saved complaints" data-testid="complaint-list">
      <h3>已保存的投诉 Saved complaints</h3>
      {waiting && <ReminderAccessNotice access={access} onAsk={() => void ask()} />}
      <ol>
        {records.map((r) => {
          const overdue = isPastDeadline(r, now());
          return (
            <li
              key={r.id}
              data-testid="complaint-record"
              data-channel={r.channel}
              data-status={r.status}
              data-overdue={overdue}
              data-id={r.id}
            >
              <strong>{channelName(r.channel)}</strong> · {STATUS_LABEL[r.status]}
              {r.sentAt && <> · 发送于 {formatCnDateTime(r.sentAt)}</>}
              {r.ticketNo && <> · 编号 {r.ticketNo}</>}
              {r.deadline && (
                <>
                  {' '}
                  · 答复期限 {formatCnDateTime(r.deadline)}
                  {overdue && <strong className="error"> 已超期 overdue</strong>}
                </>
              )}
              {r.answerSummary && <div>答复：{r.answerSummary}</div>}
              {r.status === 'draft' && (
                <SentForm
                  db={db}
                  record={r}
                  now={now}
                  remindersOn={access.alarms}
                  askReminders={ask}
                />
              )}
              {r.status === 'sent' && <AnswerForm db={db} record={r} now={now} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function EscalationView({
  input,
  now,
  onPick,
}: {
  input: DraftInput;
  now: () => Date;
  onPick: (c: ChannelId) => void;
}) {
  const step = nextEscalation(input, now().toISOString());
  if (step.kind !== 'escalate' && step.kind !== 'exhausted') return null;
  const names = step.unanswered.map((t) => t.complaint.channel).map(channelName);
  return (
    <section
      className="escalation"
      data-testid="escalation"
      data-next={step.kind === 'escalate' ? step.channel : ''}
      aria-live="polite"
    >
      <h3>下一步 Next step</h3>
      <p>{names.join('、')} 已过答复期限，未记录答复。 No answer by the deadline.</p>
      {step.kind === 'escalate' ? (
        <button
          type="button"
          data-testid="escalate"
          className="primary"
          onClick={() => onPick(step.channel)}
        >
          起草向{CHANNELS[step.channel].name}的投诉 Draft for {step.channel}
        </button>
      ) : (
        <p>建议的渠道均已投诉过，可考虑向法院起诉。</p>
      )}
    </section>
  );
}
