/** Why a page cannot be captured, or undefined when it can. */
export type RestrictedReason = 'browser-page' | 'web-store' | 'view-source' | 'pdf' | 'no-url';

const BROWSER_SCHEMES = [
  'chrome:',
  'chrome-untrusted:',
  'chrome-search:',
  'devtools:',
  'edge:',
  'about:',
  'chrome-extension:',
  'extension:',
  'moz-extension:',
  'javascript:',
  'data:',
];

// Browsers forbid extensions to script their own stores, whatever the permissions.
const STORE_PREFIXES = [
  'https://chrome.google.com/webstore',
  'https://chromewebstore.google.com',
  'https://microsoftedge.microsoft.com/addons',
];

/**
 * Pages an extension may not capture: browser-internal pages, the extension stores,
 * `view-source:` and the built-in PDF viewer. Checked before anything is stored.
 */
export function restrictedReason(url: string | undefined): RestrictedReason | undefined {
  if (!url) return 'no-url';
  const lower = url.toLowerCase();
  if (lower.startsWith('view-source:')) return 'view-source';
  if (BROWSER_SCHEMES.some((s) => lower.startsWith(s))) return 'browser-page';
  if (STORE_PREFIXES.some((p) => lower.startsWith(p))) return 'web-store';
  // Chrome shows PDFs in an internal viewer that pageCapture and scripts cannot read.
  if (/\.pdf([?#]|$)/.test(lower)) return 'pdf';
  return undefined;
}
