import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { EvidenceDB, UserProfile } from '@/lib/db';
import { type MessageKey, t } from '@/lib/i18n';
import { loadProfile, saveProfile } from '@/lib/workspace';

const FIELDS: readonly (readonly [keyof UserProfile & string, MessageKey, string])[] = [
  ['name', 'profileName', 'name'],
  ['phone', 'profilePhone', 'tel'],
  ['email', 'profileEmail', 'email'],
  ['address', 'profileAddress', 'street-address'],
  ['idNumber', 'profileIdNumber', 'off'],
];

/** The user's own details for complaint drafts; stored in this browser only. */
export function ProfileForm({ db }: { db: EvidenceDB }) {
  const stored = useLiveQuery(() => loadProfile(db), [db]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [state, setState] = useState<'idle' | 'saved' | 'error'>('idle');
  useEffect(() => {
    if (stored) setDraft(Object.fromEntries(FIELDS.map(([f]) => [f, String(stored[f] ?? '')])));
  }, [stored]);
  return (
    <form
      className="profile"
      data-testid="profile-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await saveProfile(db, { ...stored, ...draft });
          setState('saved');
        } catch {
          setState('error');
        }
      }}
    >
      <h2>{t('profileHeading')}</h2>
      <p className="hint">{t('profileNote')}</p>
      {FIELDS.map(([field, label, autoComplete]) => (
        <label key={field} className="field">
          <span>{t(label)}</span>
          <input
            data-testid={`profile-${field}`}
            autoComplete={autoComplete}
            value={draft[field] ?? ''}
            onChange={(e) => {
              setState('idle');
              setDraft({ ...draft, [field]: e.currentTarget.value });
            }}
          />
        </label>
      ))}
      <button type="submit" className="primary" data-testid="save-profile">
        {t('save')}
      </button>
      <output data-testid="profile-status" data-state={state} aria-live="polite">
        {state === 'saved' && t('saved')}
      </output>
    </form>
  );
}
