import type { browser as extensionBrowser } from 'wxt/browser';
import { installPicker } from '../capture/picker-functions';
import { restrictedReason } from '../capture/restricted';

type Browser = typeof extensionBrowser;

/** Shows the element picker in a tab; the page reports the pick with `element-picked`. */
export async function startPicker(
  browser: Browser,
  tabId: number,
  mode: 'element' | 'chat' = 'element',
): Promise<void> {
  const tab = await browser.tabs.get(tabId);
  if (restrictedReason(tab.url)) throw new Error('restricted');
  await browser.scripting.executeScript({
    target: { tabId },
    func: installPicker,
    args: [
      browser.i18n.getMessage(mode === 'chat' ? 'pickerHintChat' : 'pickerHint') ||
        '点击要采集的元素，按 Esc 取消',
      mode,
    ],
  });
}
