import { Fragment, useEffect, useId, useRef, useState } from 'react';
import type { EvidenceDB, EvidenceItem } from '@/lib/db';
import { type MessageKey, t } from '@/lib/i18n';
import {
  correctFact,
  correctedFacts,
  type FactCorrection,
  FactValueError,
  factChoices,
  factRows,
  getPath,
  type ItemAnnotations,
  MESSAGE_FIELDS,
  ORDER_LIST_FIELDS,
  parseFactValue,
} from '@/lib/workspace';
import { factLabel, factValueLabel } from './labels';

const show = (v: unknown) => (Array.isArray(v) ? v.join('、') : String(v ?? ''));

/** A fact's value as the panel reads it out: choices by their label, times without zone. */
function display(path: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' && /\.amount$/.test(path)) return `¥${value.toFixed(2)}`;
  // Times in a table or a message: to the minute, the zone is the page's.
  if (typeof value === 'string' && /^(orders\.\d+\.placedAt|chat\.messages\.\d+\.at)$/.test(path))
    return value.slice(0, 16).replace('T', ' ');
  return factValueLabel(path, show(value));
}

function problemText(err: unknown): string {
  if (err instanceof FactValueError)
    return `${factLabel(err.path)}: ${t(`correctError_${err.problem}` as MessageKey)}`;
  return err instanceof Error ? err.message : String(err);
}

/** One field of a correction form: the fact's path and its current (corrected) text. */
interface EditField {
  path: string;
  value: string;
  /** The value as read, when a correction replaced it: shown beside the field. */
  original?: string;
}

/**
 * Corrects one fact (a row) or several facts of one thing (a chat message, a listed
 * order). Only the fields the user changed are saved; Escape cancels.
 */
function CorrectForm({
  fields,
  onSave,
  onCancel,
}: {
  fields: readonly EditField[];
  onSave(changed: { path: string; text: string }[]): Promise<void>;
  onCancel(): void;
}) {
  const id = useId();
  const [texts, setTexts] = useState(() => fields.map((f) => f.value));
  const [error, setError] = useState<{ path?: string; text: string }>();
  const form = useRef<HTMLFormElement>(null);
  // The user just asked to correct this fact: put them in its first field.
  useEffect(() => form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), []);
  return (
    <form
      ref={form}
      className={fields.length > 1 ? 'correct group' : 'correct'}
      data-testid="correct-form"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Escape closes this form only, not the evidence detail around it.
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
      onSubmit={async (e) => {
        e.preventDefault();
        const changed = fields
          .map((f, i) => ({ path: f.path, text: texts[i] ?? '', before: f.value }))
          .filter((c) => c.text !== c.before)
          .map(({ path, text }) => ({ path, text }));
        if (changed.length === 0) return onCancel();
        try {
          await onSave(changed);
        } catch (err) {
          const path = err instanceof FactValueError ? err.path : undefined;
          setError({ path, text: problemText(err) });
          if (path)
            form.current
              ?.querySelector<HTMLElement>(`[data-path="${path}"][data-testid=correct-input]`)
              ?.focus();
        }
      }}
    >
      {fields.map((f, i) => {
        const fieldId = `${id}-${i}`;
        const hintId = `${fieldId}-hint`;
        const choices = factChoices(f.path);
        const common = {
          id: fieldId,
          'data-testid': 'correct-input',
          'data-path': f.path,
          'aria-invalid': error?.path === f.path || undefined,
          'aria-describedby': f.original !== undefined ? hintId : undefined,
        };
        const set = (value: string) => setTexts((all) => all.map((v, j) => (j === i ? value : v)));
        const value = texts[i] ?? '';
        return (
          <div key={f.path} className="correct-field">
            <label htmlFor={fieldId}>{factLabel(f.path)}</label>
            {choices ? (
              <select {...common} value={value} onChange={(e) => set(e.currentTarget.value)}>
                {(choices.includes(value) ? choices : [value, ...choices]).map((c) => (
                  <option key={c} value={c}>
                    {factValueLabel(f.path, c)}
                  </option>
                ))}
              </select>
            ) : /^chat\.messages\.\d+\.text$/.test(f.path) ? (
              <textarea
                {...common}
                rows={3}
                value={value}
                onChange={(e) => set(e.currentTarget.value)}
              />
            ) : (
              <input {...common} value={value} onChange={(e) => set(e.currentTarget.value)} />
            )}
            {f.original !== undefined && (
              <small id={hintId} className="corrected">
                {t('correctedFrom', f.original)}
              </small>
            )}
          </div>
        );
      })}
      <span className="correct-actions">
        <button type="submit" data-testid="correct-save">
          {t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </span>
      {error && (
        <span role="alert" className="correct-error">
          {error.text}
        </span>
      )}
    </form>
  );
}

/**
 * A fact's value; when the user corrected it, marked ✎ with the value as read in its
 * title (hover) and, for screen readers, in hidden text unless the row spells it out.
 */
function Shown({
  path,
  text,
  correction,
  original,
  describe = true,
  testId,
}: {
  path: string;
  text: string;
  correction: FactCorrection | undefined;
  original: string;
  describe?: boolean;
  testId?: string;
}) {
  if (!correction) return <span data-testid={testId}>{text}</span>;
  const from = t('correctedFrom', original || '—');
  return (
    <>
      <span
        className="corrected-value"
        title={from}
        data-testid={testId ?? 'corrected-value'}
        data-path={path}
      >
        {text}
      </span>
      <span className="corrected-mark" aria-hidden="true" title={from}>
        ✎
      </span>
      {describe && <span className="sr-only"> ({from})</span>}
    </>
  );
}

/**
 * The facts read off the page, each with where it was read and the user's correction.
 * A correction is a custody entry: the reading itself stays as it was. Single facts are
 * rows; an order list (`orders[]`) is a table and the chat a transcript, each row or
 * message corrected field by field (`orders.2.status`, `chat.messages.5.from`).
 */
export function FactsView({
  db,
  item,
  annotations,
}: {
  db: EvidenceDB;
  item: EvidenceItem;
  annotations: ItemAnnotations | undefined;
}) {
  const [editing, setEditing] = useState<string>();
  const container = useRef<HTMLDivElement>(null);
  const returnTo = useRef<string>(undefined);
  // Back to the button that opened the form, so the keyboard user keeps their place.
  useEffect(() => {
    if (editing !== undefined || !returnTo.current) return;
    container.current?.querySelector<HTMLElement>(`[data-edit="${returnTo.current}"]`)?.focus();
    returnTo.current = undefined;
  }, [editing]);
  const corrections = annotations?.corrections ?? {};
  const corrected = correctedFacts(item.facts, annotations?.corrections);
  const rows = factRows(item.facts);
  const messages = corrected.chat?.messages ?? [];
  const orders = corrected.orders ?? [];
  if (rows.length === 0 && messages.length === 0 && orders.length === 0)
    return <p>{t('noFacts')}</p>;

  const open = (key: string) => setEditing(key);
  const close = () => {
    returnTo.current = editing;
    setEditing(undefined);
  };
  const read = (path: string) => display(path, getPath(item.facts, path));
  const field = (path: string): EditField => ({
    path,
    value: show(getPath(corrected, path)),
    original: corrections[path] ? read(path) || '—' : undefined,
  });
  // Every field is checked before any is saved: one wrong value saves nothing.
  const save = async (changed: { path: string; text: string }[]) => {
    const checked = changed.map(({ path, text }) => {
      const original = getPath(item.facts, path);
      return { path, value: parseFactValue(path, text, original), original };
    });
    for (const c of checked) await correctFact(db, item.id, c, new Date());
    close();
  };
  const shown = (path: string) => (
    <Shown
      path={path}
      text={display(path, getPath(corrected, path))}
      correction={corrections[path]}
      original={read(path)}
    />
  );

  return (
    <div ref={container}>
      {rows.length > 0 && (
        <dl className="facts" data-testid="facts">
          {rows.map((row) => {
            const correction = corrections[row.path];
            const source = item.facts.sources?.[row.path];
            return (
              <div key={row.path} data-testid="fact" data-path={row.path}>
                <dt>{factLabel(row.path)}</dt>
                <dd>
                  {editing === row.path ? (
                    <CorrectForm fields={[field(row.path)]} onCancel={close} onSave={save} />
                  ) : (
                    <>
                      <Shown
                        path={row.path}
                        text={factValueLabel(row.path, show(getPath(corrected, row.path)))}
                        correction={correction}
                        original={factValueLabel(row.path, row.value)}
                        describe={false}
                        testId="fact-value"
                      />{' '}
                      <button
                        type="button"
                        className="small"
                        data-testid="correct-fact"
                        data-edit={row.path}
                        aria-label={`${t('correctFact')} ${factLabel(row.path)}`}
                        onClick={() => open(row.path)}
                      >
                        {t('correctFact')}
                      </button>
                    </>
                  )}
                  {correction && (
                    <div className="corrected" data-testid="corrected-from">
                      {t('correctedFrom', factValueLabel(row.path, row.value))}
                    </div>
                  )}
                  {source && (
                    <div className="fact-source">
                      {t('factSource')}: <code>{source.selector}</code> “{source.text}”
                    </div>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {orders.length > 0 && (
        <div className="order-list">
          <table data-testid="order-list">
            <caption>{t('orderListHeading', String(orders.length))}</caption>
            <thead>
              <tr>
                {ORDER_LIST_FIELDS.map((f) => (
                  <th key={f} scope="col">
                    {factLabel(`orders.0.${f}`)}
                  </th>
                ))}
                <th scope="col">
                  <span className="sr-only">{t('correctFact')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((_, i) => {
                const key = `orders.${i}`;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a list's rows have no id of their own; their order is fixed
                  <Fragment key={i}>
                    <tr data-testid="listed-order" data-index={i}>
                      {ORDER_LIST_FIELDS.map((f) => (
                        <td key={f} data-path={`${key}.${f}`}>
                          {shown(`${key}.${f}`)}
                        </td>
                      ))}
                      <td>
                        <button
                          type="button"
                          className="small"
                          data-testid="correct-listed-order"
                          data-edit={key}
                          aria-label={t('correctListedOrder', String(i + 1))}
                          onClick={() => open(key)}
                        >
                          {t('correctFact')}
                        </button>
                      </td>
                    </tr>
                    {editing === key && (
                      <tr>
                        <td colSpan={ORDER_LIST_FIELDS.length + 1}>
                          <CorrectForm
                            fields={ORDER_LIST_FIELDS.map((f) => field(`${key}.${f}`))}
                            onCancel={close}
                            onSave={save}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {messages.length > 0 && (
        <ol className="transcript" aria-label={t('transcriptHeading')}>
          {messages.map((m, i) => {
            const key = `chat.messages.${i}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: messages have no id; their order is fixed
              <li key={i} className={`msg from-${m.from}`} data-testid="message" data-index={i}>
                <span className="who">
                  {m.name !== undefined && (
                    <>
                      {shown(`${key}.name`)}
                      {' · '}
                    </>
                  )}
                  {shown(`${key}.from`)}
                </span>
                {m.at && <time dateTime={m.at}> {shown(`${key}.at`)}</time>}{' '}
                <button
                  type="button"
                  className="small"
                  data-testid="correct-message"
                  data-edit={key}
                  aria-label={t('correctMessage', String(i + 1))}
                  onClick={() => open(key)}
                >
                  {t('correctFact')}
                </button>
                <div>{shown(`${key}.text`)}</div>
                {editing === key && (
                  <CorrectForm
                    fields={MESSAGE_FIELDS.map((f) => field(`${key}.${f}`))}
                    onCancel={close}
                    onSave={save}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
