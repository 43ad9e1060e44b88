import type { PageKind } from '@/lib/extract/facts';
import { type MessageKey, t } from '@/lib/i18n';

export const KINDS: readonly PageKind[] = [
  'promise',
  'order',
  'payment',
  'chat',
  'licence',
  'other',
];

/** The label of a kind in the UI language. */
export function kindLabel(kind: PageKind): string {
  return t(`kind_${kind}` as MessageKey);
}

interface Props {
  value: PageKind | 'auto';
  onChange(value: PageKind | 'auto'): void;
  disabled?: boolean;
  /** The text of the "auto" choice, e.g. naming the suggested kind. */
  autoLabel?: string;
}

/** Chooses the kind of evidence a capture is filed as; "auto" uses the page's suggested kind. */
export function KindSelect({ value, onChange, disabled, autoLabel }: Props) {
  return (
    <label className="field">
      <span>{t('kindLabel')}</span>
      <select
        data-testid="kind-select"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as PageKind | 'auto')}
      >
        <option value="auto" data-testid="kind-auto">
          {autoLabel ?? t('kind_auto')}
        </option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {kindLabel(k)}
          </option>
        ))}
      </select>
    </label>
  );
}
