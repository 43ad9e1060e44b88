import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { EvidenceCard } from '@/components/EvidenceCard';
import { getActiveCase, getDb, listEvidence } from '@/lib/db';
import { t } from '@/lib/i18n';
import { exportCase, packFileName } from '@/lib/pack';

type ExportStatus =
  | { state: 'idle' }
  | { state: 'busy'; done: number; total: number }
  | { state: 'done'; name: string }
  | { state: 'error'; detail: string };

export function App() {
  const db = getDb();
  const activeCase = useLiveQuery(() => getActiveCase(db), [db]);
  // Live: a capture made from the popup appears here as soon as its transaction commits.
  const items = useLiveQuery(
    async () => (activeCase ? (await listEvidence(db, activeCase.id)).reverse() : []),
    [db, activeCase?.id],
  );
  const [status, setStatus] = useState<ExportStatus>({ state: 'idle' });

  async function exportPack() {
    if (!activeCase) return;
    const now = new Date();
    setStatus({ state: 'busy', done: 0, total: items?.length ?? 0 });
    try {
      const bytes = await exportCase(db, activeCase.id, {
        toolVersion: browser.runtime.getManifest().version,
        now,
        onProgress: (done, total) => setStatus({ state: 'busy', done, total }),
      });
      const name = packFileName(activeCase.title, now);
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
      await browser.downloads.download({ url, filename: name, saveAs: false });
      // The download has its own copy once it starts; release ours a little later.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus({ state: 'done', name });
    } catch (error) {
      setStatus({ state: 'error', detail: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <main className="panel">
      <header>
        <h1>{t('panelTitle')}</h1>
        <p data-testid="case-title">
          {t('activeCase')}: <strong>{activeCase?.title ?? t('noCaseYet')}</strong>
        </p>
        {items && items.length > 0 && (
          <p data-testid="item-count">{t('itemCount', String(items.length))}</p>
        )}
        <button
          type="button"
          className="primary"
          data-testid="export"
          disabled={!items?.length || status.state === 'busy'}
          onClick={exportPack}
        >
          {t('exportButton')}
        </button>
        <output data-testid="export-status" data-state={status.state} aria-live="polite">
          {status.state === 'busy' && t('exporting', [String(status.done), String(status.total)])}
          {status.state === 'done' && t('exported', status.name)}
          {status.state === 'error' && t('exportFailed', status.detail)}
        </output>
      </header>
      {items && items.length === 0 && <p className="empty">{t('noEvidence')}</p>}
      <ol className="evidence" aria-label={t('panelTitle')}>
        {items?.map((item) => (
          <EvidenceCard key={item.id} db={db} item={item} />
        ))}
      </ol>
    </main>
  );
}
