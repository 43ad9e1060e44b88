import { useEffect, useId, useRef, useState } from 'react';
import type { EvidenceDB, EvidenceItem } from '@/lib/db';
import { t } from '@/lib/i18n';
import {
  correctFact,
  correctedFacts,
  factRows,
  getPath,
  type ItemAnnotations,
  parseFactValue,
} from '@/lib/workspace';
import { factLabel, fromLabel } from './labels';

const show = (v: unknown) => (Array.isArray(v) ? v.join('、') : String(v ?? ''));

function CorrectForm({
  path,
  value,
  onSave,
  onCancel,
}: {
  path: string;
  value: string;
  onSave(text: string): Promise<void>;
  onCancel(): void;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string>();
  const field = useRef<HTMLInputElement>(null);
  // The user just asked to correct this fact.
  useEffect(() => field.current?.focus(), []);
  return (
    <form
      className="correct"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await onSave(text);
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        }
      }}
    >
      <label htmlFor={id}>{factLabel(path)}</label>
      <input
        ref={field}
        id={id}
        value={text}
        data-testid="correct-input"
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" data-testid="correct-save">
        {t('save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
      {error && <span role="alert">{error}</span>}
    </form>
  );
}

/**
 * The facts read off the page, each with where it was read and the user's correction.
 * A correction is a custody entry: the reading itself stays as it was.
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
  const corrected = correctedFacts(item.facts, annotations?.corrections);
  const rows = factRows(item.facts);
  const messages = corrected.chat?.messages ?? [];
  if (rows.length === 0 && messages.length === 0) return <p>{t('noFacts')}</p>;
  return (
    <>
      <dl className="facts" data-testid="facts">
        {rows.map((row) => {
          const correction = annotations?.corrections[row.path];
          const source = item.facts.sources?.[row.path];
          return (
            <div key={row.path} data-testid="fact" data-path={row.path}>
              <dt>{factLabel(row.path)}</dt>
              <dd>
                {editing === row.path ? (
                  <CorrectForm
                    path={row.path}
                    value={show(getPath(corrected, row.path))}
                    onCancel={() => setEditing(undefined)}
                    onSave={async (text) => {
                      await correctFact(
                        db,
                        item.id,
                        {
                          path: row.path,
                          value: parseFactValue(row.path, text),
                          original: getPath(item.facts, row.path),
                        },
                        new Date(),
                      );
                      setEditing(undefined);
                    }}
                  />
                ) : (
                  <>
                    <span data-testid="fact-value">{show(getPath(corrected, row.path))}</span>{' '}
                    <button
                      type="button"
                      className="small"
                      data-testid="correct-fact"
                      aria-label={`${t('correctFact')} ${factLabel(row.path)}`}
                      onClick={() => setEditing(row.path)}
                    >
                      {t('correctFact')}
                    </button>
                  </>
                )}
                {correction && (
                  <div className="corrected" data-testid="corrected-from">
                    {t('correctedFrom', row.value)}
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
      {messages.length > 0 && (
        <ol className="transcript" aria-label={t('transcriptHeading')}>
          {messages.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages have no id; their order is fixed
            <li key={i} className={`msg from-${m.from}`}>
              <span className="who">{m.name ?? fromLabel(m.from)}</span>
              {m.at && <time dateTime={m.at}> {m.at.slice(0, 16).replace('T', ' ')}</time>}
              <div>{m.text}</div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
