import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { type StorageProtection, storageProtection } from '@/lib/db/persist';
import { t } from '@/lib/i18n';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * How much room the evidence takes and whether the browser may evict it under disk
 * pressure (issue #8). Unprotected storage is a warning with what to do: export a pack.
 */
export function StorageStatus({
  read = () =>
    storageProtection(navigator.storage, (p) =>
      browser.permissions.contains({ permissions: [p as 'unlimitedStorage'] }),
    ),
}: {
  read?: () => Promise<StorageProtection & { safe: boolean }>;
}) {
  const [state, setState] = useState<StorageProtection & { safe: boolean }>();
  useEffect(() => {
    void read().then(setState);
  }, [read]);
  if (!state) return null;
  return (
    <section
      className="storage-status"
      aria-label={t('storageHeading')}
      data-testid="storage-status"
      data-safe={state.safe}
    >
      <h3>{t('storageHeading')}</h3>
      {state.usage !== undefined && <p>{t('storageUsed', [mb(state.usage)])}</p>}
      {state.safe ? (
        <p>{t('storageProtected')}</p>
      ) : (
        <p role="alert" className="error">
          {t('persistentStorageDenied')}
        </p>
      )}
    </section>
  );
}
