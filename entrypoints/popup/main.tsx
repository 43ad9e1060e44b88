import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  document.documentElement.lang = browser.i18n.getUILanguage().startsWith('zh') ? 'zh-CN' : 'en';
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
