// Runs the real inline script of verify.html in happy-dom (not a test file itself).
import { Window } from 'happy-dom';
import { renderVerifierPage } from '@/lib/pack/verifier-html';

export interface PageEntry {
  path: string;
  size: number;
  read(): Promise<ArrayBuffer>;
}

export interface PageResult {
  state: string | null;
  summary: string;
  problems: { path: string; text: string }[];
  rows: { path: string; status: string; text: string }[];
  custody: { seq: string; bad: boolean; text: string }[];
  html: string;
}

/** A verify.html page loaded from `html` (by default, as buildPack writes it). */
export async function openVerifierPage(html?: string) {
  const window = new Window({
    url: 'file:///home/user/pack/verify.html',
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
    } as never,
  });
  window.document.write(html ?? (await renderVerifierPage()));
  const run = (window as unknown as { kamengVerifyEntries?: (e: PageEntry[]) => Promise<unknown> })
    .kamengVerifyEntries;
  if (!run) throw new Error('the page script did not start');
  const doc = window.document;
  return {
    window,
    /** Selects a folder holding `files` (paths relative to the folder, prefixed by its name). */
    async verify(files: ReadonlyMap<string, Uint8Array>, folder = '证据包'): Promise<PageResult> {
      const entries = [...files].map(([path, bytes]) => ({
        path: `${folder}/${path}`,
        size: bytes.byteLength,
        read: async () => new Uint8Array(bytes).buffer,
      }));
      await run(entries);
      return {
        state: doc.getElementById('summary')?.getAttribute('data-state') ?? null,
        summary: doc.getElementById('summary')?.textContent ?? '',
        problems: [...doc.querySelectorAll('#problems li')].map((li) => ({
          path: li.getAttribute('data-path') ?? '',
          text: li.textContent ?? '',
        })),
        rows: [...doc.querySelectorAll('#files tr')].map((tr) => ({
          path: tr.getAttribute('data-path') ?? '',
          status: tr.getAttribute('data-status') ?? '',
          text: tr.textContent ?? '',
        })),
        custody: [...doc.querySelectorAll('#custody tr')].map((tr) => ({
          seq: tr.getAttribute('data-seq') ?? '',
          bad: tr.className === 'bad',
          text: tr.textContent ?? '',
        })),
        html: doc.body.innerHTML,
      };
    },
    close: () => window.happyDOM.close(),
  };
}
