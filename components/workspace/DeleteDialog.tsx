import { useEffect, useRef, useState } from 'react';
import type { EvidenceItem } from '@/lib/db';
import { t } from '@/lib/i18n';

interface Props {
  item: EvidenceItem;
  onConfirm(reason: string): Promise<void>;
  onCancel(): void;
}

/** Asks before an item is deleted; focus starts on Cancel and Escape cancels. */
export function DeleteDialog({ item, onConfirm, onCancel }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      className="dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="delete-title"
      aria-describedby="delete-text"
      data-testid="delete-dialog"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h2 id="delete-title">{t('deleteConfirmTitle')}</h2>
      <p>
        <strong>{item.title}</strong>
      </p>
      <p id="delete-text">{t('deleteConfirmText')}</p>
      <label className="field">
        <span>{t('deleteReason')}</span>
        <input
          type="text"
          data-testid="delete-reason"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      <div className="buttons">
        <button ref={cancel} type="button" data-testid="delete-cancel" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button
          type="button"
          className="danger"
          data-testid="delete-confirm"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm(reason.trim());
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('deleteConfirm')}
        </button>
      </div>
    </div>
  );
}
