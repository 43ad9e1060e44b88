import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { CaseBar } from '@/components/workspace/CaseBar';
import { CaseDetailsForm } from '@/components/workspace/CaseDetailsForm';
import { CaseFactsView, MissingChecklist } from '@/components/workspace/CaseOverview';
import { CustodyLog } from '@/components/workspace/CustodyLog';
import { DeleteDialog } from '@/components/workspace/DeleteDialog';
import { EvidenceDetail } from '@/components/workspace/EvidenceDetail';
import { ImportFiles } from '@/components/workspace/ImportFiles';
import { ProfileForm } from '@/components/workspace/ProfileForm';
import { StorageStatus } from '@/components/workspace/StorageStatus';
import { Timeline } from '@/components/workspace/Timeline';
import { getActiveCase, getDb, listCustody, listEvidence } from '@/lib/db';
import { type MessageKey, t } from '@/lib/i18n';
import { sendRequest } from '@/lib/messaging';
import {
  complaintChecklist,
  deleteEvidence,
  foldAnnotations,
  gatherCaseFacts,
  listCases,
  PANEL_TABS,
  type PanelTab,
  parsePanelLocation,
  switchCase,
} from '@/lib/workspace';

// Loaded when first needed, so the panel's first paint does not wait for them.
const ComplaintWorkspace = lazy(() =>
  import('@/components/complaint/ComplaintWorkspace').then((m) => ({
    default: m.ComplaintWorkspace,
  })),
);
const loadPack = () => import('@/lib/pack');

/** How many of the newest items are read first, so the timeline shows before the rest loads. */
const FIRST_SCREEN = 40;

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

type CaptureStatus =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; title: string }
  | { state: 'error'; code: string; detail: string };

const TABS = PANEL_TABS;
type Tab = PanelTab;

/**
 * The tab the panel's capture button takes: the active tab of the panel's window. When
 * this page is open as a tab itself (tests, or a user who opened it so), the tab used
 * last in its window other than this one.
 */
async function captureTarget(): Promise<number | undefined> {
  const self = await browser.tabs.getCurrent();
  if (!self) {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  }
  const tabs = await browser.tabs.query({ windowId: self.windowId });
  return tabs
    .filter((tab) => tab.id !== self.id)
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]?.id;
}

export function App() {
  const db = getDb();
  // Live: a capture made from the popup appears here as soon as its transaction commits.
  // First the active case, its item count and its newest screenful, in one small query:
  // a case of thousands of items shows at once. The whole list and the custody log are
  // read after that first paint (below) and replace the screenful.
  const head = useLiveQuery(async () => {
    const theCase = await getActiveCase(db);
    if (!theCase) return { theCase, newest: [], total: 0 };
    const range = db.evidence
      .where('[caseId+capturedAt]')
      .between([theCase.id, Dexie.minKey], [theCase.id, Dexie.maxKey]);
    const [newest, total] = await Promise.all([
      range.clone().reverse().limit(FIRST_SCREEN).toArray(),
      range.count(),
    ]);
    return { theCase, newest: newest.reverse(), total };
  }, [db]);
  const activeCase = head?.theCase;
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!head || painted) return;
    // After the browser has painted the first screen.
    const frame = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [head, painted]);
  const cases = useLiveQuery(() => (painted ? listCases(db) : undefined), [db, painted]);
  const allItems = useLiveQuery(
    async () => (painted && activeCase ? await listEvidence(db, activeCase.id) : undefined),
    [db, activeCase?.id, painted],
  );
  // A list left from another case must not show under this one's title.
  const fresh =
    allItems && (allItems.length > 0 ? allItems[0]?.caseId === activeCase?.id : head?.total === 0);
  const items = fresh ? allItems : head?.newest;
  const itemTotal = head?.total;
  const chain = useLiveQuery(
    async () => (painted && activeCase ? await listCustody(db, activeCase.id) : undefined),
    [db, activeCase?.id, painted],
  );
  const annotations = useMemo(() => (chain ? foldAnnotations(chain) : undefined), [chain]);
  const caseFacts = useMemo(
    () => (allItems ? gatherCaseFacts(allItems, annotations) : undefined),
    [allItems, annotations],
  );
  // Opened at `?case=ID&tab=complaints` (a reminder's notification): show that case's tab.
  const [opened] = useState(() => parsePanelLocation(window.location.search));
  const [tab, setTab] = useState<Tab>(opened.tab ?? 'timeline');
  useEffect(() => {
    // A case deleted since the reminder was set leaves the active one as it is.
    if (opened.caseId) switchCase(db, opened.caseId).catch(() => undefined);
  }, [db, opened.caseId]);
  const [openId, setOpenId] = useState<string>();
  const [deleteId, setDeleteId] = useState<string>();
  const [status, setStatus] = useState<ExportStatus>({ state: 'idle' });
  const [importStatus, setImportStatus] = useState<ImportStatus>({ state: 'idle' });
  const [capture, setCapture] = useState<CaptureStatus>({ state: 'idle' });
  const cancelExport = useRef<AbortController | undefined>(undefined);
  const importInput = useRef<HTMLInputElement>(null);
  const openItem = items?.find((i) => i.id === openId);
  const deleteItem = items?.find((i) => i.id === deleteId);

  async function exportPack() {
    if (!activeCase) return;
    const now = new Date();
    const controller = new AbortController();
    cancelExport.current = controller;
    setStatus({ state: 'busy', done: 0, total: items?.length ?? 0 });
    try {
      const { exportCaseBlob, packFileName } = await loadPack();
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
      const { importPack } = await loadPack();
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

  async function captureTab() {
    setCapture({ state: 'busy' });
    try {
      const tabId = await captureTarget();
      if (tabId === undefined) {
        setCapture({ state: 'error', code: 'no-tab', detail: '' });
        return;
      }
      const reply = await sendRequest(browser, { type: 'capture-tab', tabId });
      if (reply.ok) {
        const item = await db.evidence.get(reply.evidenceId);
        setCapture({ state: 'done', title: item?.title ?? '' });
      } else setCapture({ state: 'error', code: reply.code, detail: reply.detail });
    } catch (error) {
      setCapture({ state: 'error', code: 'unknown', detail: String(error) });
    }
  }

  return (
    <main className="panel">
      <header>
        <h1>{t('panelTitle')}</h1>
        <CaseBar db={db} cases={cases ?? []} active={activeCase} />
        <p data-testid="case-title">
          {t('activeCase')}: <strong>{activeCase?.title ?? t('noCaseYet')}</strong>
        </p>
        {itemTotal !== undefined && itemTotal > 0 && (
          <p data-testid="item-count">{t('itemCount', String(itemTotal))}</p>
        )}
        <div className="buttons">
          <button
            type="button"
            className="primary"
            data-testid="panel-capture"
            disabled={capture.state === 'busy'}
            onClick={captureTab}
          >
            {capture.state === 'busy' ? t('panelCaptureBusy') : t('panelCapture')}
          </button>
          <button
            type="button"
            data-testid="export"
            disabled={!itemTotal || status.state === 'busy'}
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
        </div>
        <input
          ref={importInput}
          type="file"
          accept=".zip,application/zip"
          hidden
          data-testid="import-pack-file"
          onChange={(event) => importFile(event.currentTarget.files?.[0])}
        />
        <output data-testid="panel-capture-status" data-state={capture.state} aria-live="polite">
          {capture.state === 'done' && t('panelCaptureDone', capture.title)}
          {capture.state === 'error' && (
            <>
              <span data-code={capture.code}>
                {t(`error_${capture.code.replaceAll('-', '_')}` as MessageKey)}
              </span>
              {capture.detail && <small className="detail"> {capture.detail}</small>}
            </>
          )}
        </output>
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
      <div className="tabs" role="tablist" aria-label={t('panelTabs')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            data-testid={`tab-${id}`}
            onClick={() => setTab(id)}
            onKeyDown={(e) => {
              const i = TABS.indexOf(id);
              const next =
                e.key === 'ArrowRight'
                  ? TABS[(i + 1) % TABS.length]
                  : e.key === 'ArrowLeft'
                    ? TABS[(i + TABS.length - 1) % TABS.length]
                    : undefined;
              if (next) {
                setTab(next);
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {t(`tab_${id}` as MessageKey)}
          </button>
        ))}
      </div>
      <div
        className="tabpanel"
        role="tabpanel"
        id={`tabpanel-${tab}`}
        aria-labelledby={`tab-${tab}`}
      >
        {tab === 'timeline' &&
          (openItem ? (
            <EvidenceDetail
              db={db}
              item={openItem}
              annotations={annotations?.byItem.get(openItem.id)}
              chain={chain ?? []}
              onClose={() => setOpenId(undefined)}
              onDelete={setDeleteId}
            />
          ) : (
            <>
              {activeCase && allItems && caseFacts && (
                <MissingChecklist entries={complaintChecklist(activeCase, allItems, caseFacts)} />
              )}
              {activeCase && <ImportFiles db={db} caseId={activeCase.id} />}
              {items && items.length === 0 && <p className="empty">{t('noEvidence')}</p>}
              {items && items.length > 0 && (
                <Timeline
                  db={db}
                  items={items}
                  annotations={annotations}
                  onOpen={setOpenId}
                  onDelete={setDeleteId}
                />
              )}
            </>
          ))}
        {tab === 'case' && activeCase && allItems && caseFacts && (
          <>
            <CaseDetailsForm db={db} theCase={activeCase} suggestedPlatform={caseFacts.platform} />
            <CaseFactsView facts={caseFacts} />
            <CustodyLog heading={t('caseLogHeading')} entries={chain ?? []} />
          </>
        )}
        {tab === 'case' && !activeCase && <p className="empty">{t('noCaseYet')}</p>}
        {tab === 'complaints' &&
          (activeCase ? (
            <Suspense fallback={null}>
              <ComplaintWorkspace db={db} caseId={activeCase.id} />
            </Suspense>
          ) : (
            <p className="empty">{t('noCaseYet')}</p>
          ))}
        {tab === 'profile' && (
          <>
            <ProfileForm db={db} />
            <StorageStatus />
          </>
        )}
      </div>
      {deleteItem && (
        <DeleteDialog
          item={deleteItem}
          onCancel={() => setDeleteId(undefined)}
          onConfirm={async (reason) => {
            await deleteEvidence(db, deleteItem.id, {
              now: new Date(),
              reason: reason || undefined,
            });
            if (openId === deleteItem.id) setOpenId(undefined);
            setDeleteId(undefined);
          }}
        />
      )}
    </main>
  );
}
