import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { EvidenceCard } from '@/components/EvidenceCard';
import { getActiveCase, getDb, listEvidence } from '@/lib/db';
import { t } from '@/lib/i18n';
import { exportCaseBlob, importPack, packFileName } from '@/lib/pack';

type ExportStatus =
  | { state: 'idle' }
  | { state: 'busy'; done: number; total: number }
  | { state: 'done'; name: string }
  | { state: 'cancelled' }
  | { state: 'error'; detail: string };

type ImportStatus =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; title: string; added: number; already: boolean }
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
  const [importStatus, setImportStatus] = useState<ImportStatus>({ state: 'idle' });
  const cancelExport = useRef<AbortController | undefined>(undefined);
  const importInput = useRef<HTMLInputElement>(null);

  async function exportPack() {
    if (!activeCase) return;
    const now = new Date();
    const controller = new AbortController();
    cancelExport.current = controller;
    setStatus({ state: 'busy', done: 0, total: items?.length ?? 0 });
    try {
      // A Blob, handed straight to the download: a large pack is not copied again.
      const blob = await exportCaseBlob(db, activeCase.id, {
        toolVersion: browser.runtime.getManifest().version,
        now,
        signal: controller.signal,
        onProgress: (done, total) => setStatus({ state: 'busy', done, total }),
      });
      const name = packFileName(activeCase.title, now);
      const url = URL.createObjectURL(blob);
      await browser.downloads.download({ url, filename: name, saveAs: false });
      // The download has its own copy once it starts; release ours a little later.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus({ state: 'done', name });
    } catch (error) {
      if (controller.signal.aborted) setStatus({ state: 'cancelled' });
      else
        setStatus({
          state: 'error',
          detail: error instanceof Error ? error.message : String(error),
        });
    } finally {
      cancelExport.current = undefined;
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    setImportStatus({ state: 'busy' });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await importPack(db, bytes, { fileName: file.name });
      setImportStatus({
        state: 'done',
        title: result.title,
        added: result.added,
        already: result.status === 'already-present',
      });
    } catch (error) {
      // An ImportError explains itself, zh and en, file by file; nothing was written.
      setImportStatus({
        state: 'error',
        detail: error instanceof Error ? error.message : String(error),
      });
    } finally {
      if (importInput.current) importInput.current.value = '';
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
        {status.state === 'busy' && (
          <button
            type="button"
            data-testid="export-cancel"
            onClick={() => cancelExport.current?.abort()}
          >
            {t('exportCancel')}
          </button>
        )}
        <button
          type="button"
          data-testid="import-pack"
          disabled={importStatus.state === 'busy'}
          onClick={() => importInput.current?.click()}
        >
          {t('importButton')}
        </button>
        <input
          ref={importInput}
          type="file"
          accept=".zip,application/zip"
          hidden
          data-testid="import-pack-file"
          onChange={(event) => importFile(event.currentTarget.files?.[0])}
        />
        {status.state === 'busy' && (
          <progress
            data-testid="export-progress"
            aria-label={t('exportProgressLabel')}
            value={status.done}
            max={Math.max(status.total, 1)}
          />
        )}
        <output data-testid="export-status" data-state={status.state} aria-live="polite">
          {status.state === 'busy' && t('exporting', [String(status.done), String(status.total)])}
          {status.state === 'done' && t('exported', status.name)}
          {status.state === 'cancelled' && t('exportCancelled')}
          {status.state === 'error' && t('exportFailed', status.detail)}
        </output>
        <output
          data-testid="import-status"
          data-state={importStatus.state}
          aria-live="polite"
          className="import-status"
        >
          {importStatus.state === 'busy' && t('importing')}
          {importStatus.state === 'done' &&
            (importStatus.already
              ? t('importAlready', importStatus.title)
              : t('imported', [importStatus.title, String(importStatus.added)]))}
          {importStatus.state === 'error' && t('importFailed', importStatus.detail)}
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
