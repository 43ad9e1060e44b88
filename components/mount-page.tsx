import '@/lib/zod-setup';
import { type ComponentType, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { openDb, toDbOpenError } from '@/lib/db/database';
import { requestPersistentStorage } from '@/lib/db/persist';
import { type MessageKey, t } from '@/lib/i18n';

/**
 * Starts an extension page: its language, the database check (a database written by a
 * newer version of the extension, or an upgrade that failed, is shown as an error and
 * nothing else runs), and a request that the browser never evict the evidence.
 */
export async function mountPage(App: ComponentType, options: { persist: boolean }): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  document.documentElement.lang = browser.i18n.getUILanguage().startsWith('zh') ? 'zh-CN' : 'en';
  const reactRoot = createRoot(root);
  try {
    await openDb();
  } catch (error) {
    const failure = toDbOpenError(error);
    reactRoot.render(
      <p role="alert" data-testid="db-error" data-code={failure.code} className="db-error">
        {t(failure.messageKey as MessageKey)} <small>{failure.detail}</small>
      </p>,
    );
    return;
  }
  reactRoot.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  if (options.persist && (await requestPersistentStorage()) === 'denied') {
    console.info(t('persistentStorageDenied'));
  }
}
