import { useEffect, useId, useRef, useState } from 'react';
import type { CaseRecord, EvidenceDB } from '@/lib/db';
import { t } from '@/lib/i18n';
import { createCase, setCaseArchived, switchCase, updateCase } from '@/lib/workspace';

type Mode = { mode: 'view' } | { mode: 'new' } | { mode: 'rename' };

/** Switch, create, rename and archive cases. */
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
  const selectId = useId();
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
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
                {c.status === 'archived' ? t('archivedSuffix') : ''}
              </option>
            ))}
          </select>
        </>
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
    </div>
  );
}
