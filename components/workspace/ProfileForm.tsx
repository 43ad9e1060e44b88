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
  // What a 民事起诉状 states about the plaintiff, and where the police ask for it.
  ['ethnicity', 'profileEthnicity', 'off'],
  ['occupation', 'profileOccupation', 'organization-title'],
  ['employer', 'profileEmployer', 'organization'],
  ['province', 'profileProvince', 'address-level1'],
  ['city', 'profileCity', 'address-level2'],
  ['platformAccount', 'profilePlatformAccount', 'off'],
];

/** Every field the form edits: the text fields, the sex choice and the birth date. */
const ALL_FIELDS = [...FIELDS.map(([f]) => f), 'sex', 'birthDate'] as const;

/** The user's own details for complaint drafts; stored in this browser only. */
export function ProfileForm({ db }: { db: EvidenceDB }) {
  const stored = useLiveQuery(() => loadProfile(db), [db]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [state, setState] = useState<'idle' | 'saved' | 'error'>('idle');
  const edit = (field: string, value: string) => {
    setState('idle');
    setDraft((d) => ({ ...d, [field]: value }));
  };
  useEffect(() => {
    if (stored) setDraft(Object.fromEntries(ALL_FIELDS.map((f) => [f, String(stored[f] ?? '')])));
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
            onChange={(e) => edit(field, e.currentTarget.value)}
          />
        </label>
      ))}
      <label className="field">
        <span>{t('profileSex')}</span>
        <select
          data-testid="profile-sex"
          value={draft.sex ?? ''}
          onChange={(e) => edit('sex', e.currentTarget.value)}
        >
          <option value="">{t('notSet')}</option>
          <option value="男">{t('profileSexMale')}</option>
          <option value="女">{t('profileSexFemale')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('profileBirthDate')}</span>
        <input
          type="date"
          data-testid="profile-birthDate"
          autoComplete="bday"
          value={draft.birthDate ?? ''}
          onChange={(e) => edit('birthDate', e.currentTarget.value)}
        />
      </label>
      <button type="submit" className="primary" data-testid="save-profile">
        {t('save')}
      </button>
      <output data-testid="profile-status" data-state={state} aria-live="polite">
        {state === 'saved' && t('saved')}
      </output>
    </form>
  );
}
