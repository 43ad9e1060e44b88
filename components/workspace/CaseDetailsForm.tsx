import { useEffect, useId, useState } from 'react';
import type { DisputeType, PlatformIdentity, Purpose } from '@/lib/complaint/input';
import type { CaseRecord, EvidenceDB } from '@/lib/db';
import { t } from '@/lib/i18n';
import { updateCase } from '@/lib/workspace';
import { DISPUTE_TYPES, disputeLabel, PURPOSES, purposeLabel } from './labels';

const PLATFORM_FIELDS = [
  ['name', 'platformName'],
  ['url', 'platformUrl'],
  ['company', 'platformCompany'],
  ['creditCode', 'platformCreditCode'],
  ['icp', 'platformIcp'],
] as const;
type PlatformField = (typeof PLATFORM_FIELDS)[number][0];

/** The user's account of the dispute: free text the drafts quote (CaseFacts). */
const STORY_FIELDS = [
  ['description', 'caseDescription', 'textarea'],
  ['harmKnownAt', 'caseHarmKnownAt', 'date'],
  ['negotiation', 'caseNegotiation', 'textarea'],
  ['howSiteWasReached', 'caseHowSiteReached', 'text'],
] as const;
type StoryField = (typeof STORY_FIELDS)[number][0];

interface Draft {
  disputeType: DisputeType | '';
  purpose: Purpose | '';
  amount: string;
  platform: Record<PlatformField, string>;
  story: Record<StoryField, string>;
  merchantDeceived: boolean;
  deceitDetails: string;
}

function draftOf(c: CaseRecord): Draft {
  const p = c.platform;
  return {
    disputeType: c.disputeType ?? '',
    purpose: c.purpose ?? '',
    amount: c.amountInDispute === undefined ? '' : String(c.amountInDispute),
    platform: {
      name: p?.name ?? '',
      url: p?.url ?? '',
      company: p?.company ?? '',
      creditCode: p?.creditCode ?? '',
      icp: p?.icp ?? '',
    },
    story: {
      description: c.description ?? '',
      harmKnownAt: c.harmKnownAt ?? '',
      negotiation: c.negotiation ?? '',
      howSiteWasReached: c.howSiteWasReached ?? '',
    },
    merchantDeceived: c.merchantDeceived ?? false,
    deceitDetails: c.deceitDetails ?? '',
  };
}

/** The dispute's details the complaint drafts need; the platform can be prefilled from facts. */
export function CaseDetailsForm({
  db,
  theCase,
  suggestedPlatform,
}: {
  db: EvidenceDB;
  theCase: CaseRecord;
  suggestedPlatform: PlatformIdentity;
}) {
  const [draft, setDraft] = useState(() => draftOf(theCase));
  const [state, setState] = useState<'idle' | 'saved' | 'error'>('idle');
  const [error, setError] = useState('');
  const id = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another case is shown
  useEffect(() => setDraft(draftOf(theCase)), [theCase.id]);
  const edit = (change: Partial<Draft>) => {
    setState('idle');
    setDraft((d) => ({ ...d, ...change }));
  };

  async function save() {
    const amount =
      draft.amount.trim() === '' ? undefined : Number(draft.amount.replace(/[,，¥￥\s]/g, ''));
    if (amount !== undefined && (!Number.isFinite(amount) || amount < 0)) {
      setState('error');
      setError(t('amountLabel'));
      return;
    }
    const platform: PlatformIdentity = {
      ...(theCase.platform ?? { contacts: [], payeeAccounts: [] }),
      contacts: theCase.platform?.contacts ?? suggestedPlatform.contacts,
      payeeAccounts: theCase.platform?.payeeAccounts ?? [],
    };
    for (const [field] of PLATFORM_FIELDS) {
      const v = draft.platform[field].trim();
      if (v) platform[field] = v;
      else delete platform[field];
    }
    try {
      await updateCase(
        db,
        theCase.id,
        {
          disputeType: draft.disputeType || undefined,
          purpose: draft.purpose || undefined,
          amountInDispute: amount,
          platform,
          ...draft.story,
          merchantDeceived: draft.merchantDeceived,
          deceitDetails: draft.merchantDeceived ? draft.deceitDetails : '',
        },
        new Date(),
      );
      setState('saved');
    } catch (e) {
      setState('error');
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <form
      className="case-details"
      data-testid="case-details"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field" htmlFor={`${id}-dispute`}>
        <span>{t('disputeTypeLabel')}</span>
      </label>
      <select
        id={`${id}-dispute`}
        data-testid="dispute-type"
        value={draft.disputeType}
        onChange={(e) => edit({ disputeType: e.currentTarget.value as DisputeType | '' })}
      >
        <option value="">{t('notSet')}</option>
        {DISPUTE_TYPES.map((d) => (
          <option key={d} value={d}>
            {disputeLabel(d)}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>{t('purposeOfPurchase')}</legend>
        {PURPOSES.map((p) => (
          <label key={p} className="radio">
            <input
              type="radio"
              name={`${id}-purpose`}
              value={p}
              data-testid={`purpose-${p}`}
              checked={draft.purpose === p}
              onChange={() => edit({ purpose: p })}
            />
            {purposeLabel(p)}
          </label>
        ))}
      </fieldset>
      <label className="field" htmlFor={`${id}-amount`}>
        <span>{t('amountLabel')}</span>
      </label>
      <input
        id={`${id}-amount`}
        inputMode="decimal"
        data-testid="amount"
        value={draft.amount}
        onChange={(e) => edit({ amount: e.currentTarget.value })}
      />
      <fieldset>
        <legend>{t('platformHeading')}</legend>
        {PLATFORM_FIELDS.map(([field, label]) => (
          <label key={field} className="field">
            <span>{t(label)}</span>
            <input
              data-testid={`platform-${field}`}
              value={draft.platform[field]}
              placeholder={suggestedPlatform[field] ?? ''}
              onChange={(e) =>
                edit({ platform: { ...draft.platform, [field]: e.currentTarget.value } })
              }
            />
          </label>
        ))}
        <button
          type="button"
          data-testid="prefill-platform"
          onClick={() =>
            edit({
              platform: Object.fromEntries(
                PLATFORM_FIELDS.map(([f]) => [f, draft.platform[f] || suggestedPlatform[f] || '']),
              ) as Draft['platform'],
            })
          }
        >
          {t('prefillFromFacts')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('caseStoryHeading')}</legend>
        {STORY_FIELDS.map(([field, label, type]) => {
          const props = {
            id: `${id}-${field}`,
            'data-testid': `case-${field}`,
            value: draft.story[field],
            onChange: (e: { currentTarget: { value: string } }) =>
              edit({ story: { ...draft.story, [field]: e.currentTarget.value } }),
          };
          return (
            <div key={field} className="field">
              <label htmlFor={props.id}>{t(label)}</label>
              {type === 'textarea' ? (
                <textarea rows={3} {...props} />
              ) : (
                <input type={type} {...props} />
              )}
            </div>
          );
        })}
        <label className="radio">
          <input
            type="checkbox"
            data-testid="case-merchantDeceived"
            aria-describedby={`${id}-deceived-hint`}
            checked={draft.merchantDeceived}
            onChange={(e) => edit({ merchantDeceived: e.currentTarget.checked })}
          />
          {t('caseMerchantDeceived')}
        </label>
        <p className="hint" id={`${id}-deceived-hint`}>
          {t('caseMerchantDeceivedHint')}
        </p>
        {draft.merchantDeceived && (
          <label className="field">
            <span>{t('caseDeceitDetails')}</span>
            <textarea
              data-testid="case-deceitDetails"
              rows={3}
              value={draft.deceitDetails}
              onChange={(e) => edit({ deceitDetails: e.currentTarget.value })}
            />
          </label>
        )}
      </fieldset>
      <button type="submit" className="primary" data-testid="save-case">
        {t('saveCase')}
      </button>
      <output data-testid="case-details-status" data-state={state} aria-live="polite">
        {state === 'saved' && t('saved')}
        {state === 'error' && error}
      </output>
    </form>
  );
}
