import { useEffect, useId, useRef, useState } from 'react';
import type { CaseRecord, EvidenceDB } from '@/lib/db';
import { t } from '@/lib/i18n';
import {
  createCase,
  setCaseArchived,
  switchCase,
  unarchiveCase,
  updateCase,
  visibleCases,
} from '@/lib/workspace';

type Mode = { mode: 'view' } | { mode: 'new' } | { mode: 'rename' };

/** Switch, create, rename, archive and unarchive cases. */
export function CaseBar({
  db,
  cases,
  active,
}: {
  db: EvidenceDB;
  cases: readonly CaseRecord[];
  active: CaseRecord | undefined;
}) {
  const [mode, setMode] = useState<Mode>({ mode: 'view' });
  const [title, setTitle] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const selectId = useId();
  const archivedId = useId();
  const listed = visibleCases(cases, showArchived, active?.id);
  const archived = cases.filter((c) => c.status === 'archived');
  const titleId = useId();
  const field = useRef<HTMLInputElement>(null);
  // Focus the title as soon as the user asks for a new case or a rename.
  useEffect(() => {
    if (mode.mode !== 'view') field.current?.focus();
  }, [mode.mode]);

  async function submit() {
    if (!title.trim()) return;
    if (mode.mode === 'new') await createCase(db, title, new Date());
    else if (mode.mode === 'rename' && active)
      await updateCase(db, active.id, { title }, new Date());
    setMode({ mode: 'view' });
  }

  if (mode.mode !== 'view') {
    return (
      <form
        className="case-bar"
        data-testid="case-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={titleId}>{t('caseTitleLabel')}</label>
        <input
          ref={field}
          id={titleId}
          required
          data-testid="case-title-input"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <button type="submit" className="primary" data-testid="case-form-save">
          {mode.mode === 'new' ? t('createCase') : t('save')}
        </button>
        <button type="button" onClick={() => setMode({ mode: 'view' })}>
          {t('cancel')}
        </button>
      </form>
    );
  }
  return (
    <div className="case-bar">
      {cases.length > 0 && (
        <>
          <label htmlFor={selectId}>{t('caseSwitchLabel')}</label>
          <select
            id={selectId}
            data-testid="case-select"
            value={active?.id ?? ''}
            onChange={(e) => switchCase(db, e.currentTarget.value)}
          >
            {listed.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
                {c.status === 'archived' ? t('archivedSuffix') : ''}
              </option>
            ))}
          </select>
        </>
      )}
      {archived.length > 0 && (
        <label className="show-archived">
          <input
            type="checkbox"
            data-testid="show-archived"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
          {t('showArchived', String(archived.length))}
        </label>
      )}
      <button
        type="button"
        data-testid="new-case"
        onClick={() => {
          setTitle('');
          setMode({ mode: 'new' });
        }}
      >
        {t('newCase')}
      </button>
      {active && (
        <>
          <button
            type="button"
            data-testid="rename-case"
            onClick={() => {
              setTitle(active.title);
              setMode({ mode: 'rename' });
            }}
          >
            {t('renameCase')}
          </button>
          <button
            type="button"
            data-testid="archive-case"
            onClick={() => setCaseArchived(db, active.id, active.status !== 'archived', new Date())}
          >
            {active.status === 'archived' ? t('unarchiveCase') : t('archiveCase')}
          </button>
        </>
      )}
      {showArchived && (
        <section className="archived-cases" aria-labelledby={archivedId}>
          <h2 id={archivedId}>{t('archivedCasesHeading')}</h2>
          {archived.length === 0 ? (
            <p className="empty">{t('noArchivedCases')}</p>
          ) : (
            <ul data-testid="archived-cases">
              {archived.map((c) => (
                <li key={c.id} data-testid="archived-case" data-case-id={c.id}>
                  <span>{c.title}</span>{' '}
                  <button
                    type="button"
                    data-testid="unarchive-case"
                    aria-label={t('unarchiveCaseNamed', c.title)}
                    onClick={async () => {
                      // Reopened to work on it: it becomes the active case.
                      await unarchiveCase(db, c.id, new Date());
                      await switchCase(db, c.id);
                    }}
                  >
                    {t('unarchiveCase')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
