import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { KindSelect, kindLabel } from '@/components/KindSelect';
import { CAPTURE_SCRIPT } from '@/lib/capture/browser-env';
import { getActiveCase, getDb } from '@/lib/db';
import { PageKind } from '@/lib/extract/facts';
import { type MessageKey, t } from '@/lib/i18n';
import { sendRequest } from '@/lib/messaging';

interface Target {
  tabId: number;
  windowId: number;
  title: string;
  url: string;
}

type Status =
  | { state: 'idle' }
  | { state: 'busy'; progress?: string }
  | { state: 'done'; files: number }
  | { state: 'error'; code: string; detail: string };

/**
 * The tab to capture: the active tab of the window the popup belongs to. When the
 * popup page is opened on its own (by the command-line tool and the end-to-end tests,
 * which cannot click the toolbar), `?tabId=` names the tab instead.
 */
async function findTarget(): Promise<Target | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  const tab = param
    ? await browser.tabs.get(Number(param))
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return undefined;
  return { tabId: tab.id, windowId: tab.windowId, title: tab.title ?? '', url: tab.url ?? '' };
}

/**
 * The kind the page looks like, read by the same content script a capture injects
 * (nothing is stored). Undefined when the page cannot be read (chrome://, PDF...).
 */
async function suggestKind(tabId: number): Promise<PageKind | undefined> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    files: [CAPTURE_SCRIPT],
  });
  const result = first?.result as { facts?: { kind?: unknown } } | undefined;
  const parsed = PageKind.safeParse(result?.facts?.kind);
  return parsed.success ? parsed.data : undefined;
}

export function App() {
  const [target, setTarget] = useState<Target>();
  const [kind, setKind] = useState<PageKind | 'auto'>('auto');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [suggested, setSuggested] = useState<PageKind>();
  const activeCase = useLiveQuery(() => getActiveCase(getDb()), []);

  useEffect(() => {
    findTarget().then(setTarget, () => setTarget(undefined));
  }, []);

  // "Automatic" is preselected and says which kind it will be.
  useEffect(() => {
    if (target?.tabId === undefined) return;
    suggestKind(target.tabId).then(setSuggested, () => setSuggested(undefined));
  }, [target?.tabId]);

  // Long captures (a chat's history) report how far they are.
  useEffect(() => {
    const onProgress = (message: unknown) => {
      const m = message as { type?: string; tabId?: number; text?: string };
      if (m.type !== 'capture-progress' || m.tabId !== target?.tabId || !m.text) return;
      const [stage, count = ''] = m.text.split(':');
      const text = stage === 'history' ? t('progressHistory', count) : t('progressSlices', count);
      setStatus((s) => (s.state === 'busy' ? { state: 'busy', progress: text } : s));
    };
    browser.runtime.onMessage.addListener(onProgress);
    return () => browser.runtime.onMessage.removeListener(onProgress);
  }, [target?.tabId]);

  async function capture() {
    if (!target) return;
    setStatus({ state: 'busy' });
    const reply = await sendRequest(browser, {
      type: 'capture-tab',
      tabId: target.tabId,
      kind: kind === 'auto' ? undefined : kind,
    }).catch((e: unknown) => ({ ok: false as const, code: 'unknown' as const, detail: String(e) }));
    if (reply.ok) {
      const item = await getDb().evidence.get(reply.evidenceId);
      setStatus({ state: 'done', files: item?.artifacts.length ?? 0 });
    } else {
      setStatus({ state: 'error', code: reply.code, detail: reply.detail });
    }
  }

  async function openPanel() {
    if (!target) return;
    // Must run inside the click: Chrome only opens the panel on a user gesture.
    await browser.sidePanel.open({ windowId: target.windowId });
    window.close();
  }

  const busy = status.state === 'busy';
  return (
    <main className="popup">
      <h1>{t('extName')}</h1>
      <p className="case" data-testid="active-case">
        {t('activeCase')}: <strong>{activeCase?.title ?? t('noCaseYet')}</strong>
      </p>
      <p className="target" title={target?.url}>
        {t('targetPage')}: {target?.title || target?.url || '—'}
      </p>
      <KindSelect
        value={kind}
        onChange={setKind}
        disabled={busy}
        autoLabel={suggested ? t('kindSuggested', kindLabel(suggested)) : undefined}
      />
      <button
        type="button"
        className="primary"
        data-testid="capture"
        disabled={!target || busy}
        onClick={capture}
      >
        {busy ? t('capturing') : t('captureButton')}
      </button>
      <output data-testid="status" data-state={status.state} aria-live="polite">
        {status.state === 'busy' && status.progress}
        {status.state === 'done' && t('captured', String(status.files))}
        {status.state === 'error' && (
          <>
            <span data-code={status.code}>
              {t(`error_${status.code.replaceAll('-', '_')}` as MessageKey)}
            </span>
            {status.detail && <small className="detail">{status.detail}</small>}
          </>
        )}
      </output>
      <button
        type="button"
        className="link"
        data-testid="open-panel"
        onClick={openPanel}
        disabled={!target}
      >
        {t('openPanel')}
      </button>
    </main>
  );
}
