import { useRef, useState } from 'react';
import type { EvidenceDB } from '@/lib/db';
import { t } from '@/lib/i18n';
import { importFile } from '@/lib/workspace';

type Status =
  | { state: 'idle' }
  | { state: 'busy'; count: number }
  | { state: 'done'; count: number }
  | { state: 'error'; detail: string };

/** Imports the user's own files into the case, by picker or drag-and-drop. */
export function ImportFiles({ db, caseId }: { db: EvidenceDB; caseId: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [over, setOver] = useState(false);

  async function add(files: readonly File[], via: 'picker' | 'drop') {
    if (files.length === 0) return;
    setStatus({ state: 'busy', count: files.length });
    try {
      // One item per file, each landing whole with its own custody entry.
      for (const file of files) await importFile(db, caseId, file, { now: new Date(), via });
      setStatus({ state: 'done', count: files.length });
    } catch (error) {
      setStatus({
        state: 'error',
        detail: error instanceof Error ? error.message : String(error),
      });
    } finally {
      if (input.current) input.current.value = '';
    }
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target; the button inside is the keyboard path
    <div
      className={`dropzone${over ? ' over' : ''}`}
      data-testid="dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void add(Array.from(e.dataTransfer.files), 'drop');
      }}
    >
      <button
        type="button"
        data-testid="import-files"
        disabled={status.state === 'busy'}
        onClick={() => input.current?.click()}
      >
        {t('importFiles')}
      </button>
      <span className="hint">{t('dropHint')}</span>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="import-files-input"
        onChange={(e) => add(Array.from(e.currentTarget.files ?? []), 'picker')}
      />
      <output data-testid="import-files-status" data-state={status.state} aria-live="polite">
        {status.state === 'busy' && t('importingFiles', String(status.count))}
        {status.state === 'done' && t('importedFiles', String(status.count))}
        {status.state === 'error' && t('importFilesFailed', status.detail)}
      </output>
    </div>
  );
}
