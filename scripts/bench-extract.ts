/**
 * `npm run bench:extract [-- --verbose] [--dir other-corpus] [name-filter]`: runs extractPage over the fixture
 * corpus in tests/fixtures/extract (each page.html beside page.json holding the expected
 * facts) and prints, per field, how many expected facts were found and how many wrong
 * ones were reported. Issue #4 asks for >= 95% found and almost no wrong ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { extractPage, type PageFacts } from '../lib/extract';

export const CORPUS_DIR = resolve(import.meta.dirname, '../tests/fixtures/extract');

/** One corpus page: where it is, how it was "captured", and what it should yield. */
export interface CorpusCase {
  name: string;
  html: string;
  url: string;
  capturedAt: string;
  expected: Omit<PageFacts, 'sources'>;
}

/** Every page of the corpus, sorted by name. */
export function loadCorpus(dir = CORPUS_DIR): CorpusCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const spec = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        page?: string;
        url: string;
        capturedAt: string;
        expected: CorpusCase['expected'];
      };
      const page = spec.page ?? f.replace(/\.json$/, '.html');
      return {
        name: basename(f, '.json'),
        html: readFileSync(join(dir, page), 'utf8'),
        url: spec.url,
        capturedAt: spec.capturedAt,
        expected: spec.expected,
      };
    });
}

/** Parses a page in happy-dom with scripts and external files off (no layout engine). */
export function parsePage(html: string, url: string): { doc: Document; close: () => void } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: false,
    },
  });
  window.document.write(html);
  return {
    doc: window.document as unknown as Document,
    close: () => void window.happyDOM.abort(),
  };
}

/** Runs extractPage on a corpus page. */
export function extractCase(c: CorpusCase): PageFacts {
  const { doc, close } = parsePage(c.html, c.url);
  try {
    return extractPage(doc, { url: c.url, capturedAt: c.capturedAt });
  } finally {
    close();
  }
}

/** Found / expected / wrong counts for one field. */
export interface FieldScore {
  expected: number;
  found: number;
  wrong: number;
}

/** Per-field totals, and per page the lines that explain each miss and wrong fact. */
export interface Score {
  fields: Map<string, FieldScore>;
  notes: Map<string, string[]>;
}

const SCALARS = {
  order: [
    'orderId',
    'amount',
    'placedAt',
    'product',
    'quantity',
    'status',
    'paymentMethod',
    'tradeNo',
  ],
  payment: [
    'tradeNo',
    'merchantOrderNo',
    'merchant',
    'amount',
    'createdAt',
    'paidAt',
    'status',
    'method',
  ],
  site: ['name', 'icp', 'company', 'creditCode'],
} as const;

const clean = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** Compares extracted facts with the expected ones, adding to `score`. */
export function scorePage(
  name: string,
  expected: CorpusCase['expected'],
  actual: PageFacts,
  score: Score,
): void {
  const notes: string[] = [];
  const field = (key: string) => {
    let f = score.fields.get(key);
    if (!f) {
      f = { expected: 0, found: 0, wrong: 0 };
      score.fields.set(key, f);
    }
    return f;
  };
  const compare = (key: string, want: unknown, got: unknown) => {
    const f = field(key);
    const same =
      typeof want === 'string' && typeof got === 'string'
        ? clean(want) === clean(got)
        : want === got;
    if (want !== undefined) {
      f.expected++;
      if (same) f.found++;
      else notes.push(`miss  ${key}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
    if (got !== undefined && !same) {
      f.wrong++;
      if (want === undefined) notes.push(`wrong ${key}: got ${JSON.stringify(got)}`);
    }
  };
  const compareSet = (key: string, want: readonly string[], got: readonly string[]) => {
    const f = field(key);
    const g = got.map(clean);
    const w = want.map(clean);
    for (const x of w) {
      f.expected++;
      if (g.includes(x)) f.found++;
      else notes.push(`miss  ${key}: ${x}`);
    }
    for (const x of g) {
      if (!w.includes(x)) {
        f.wrong++;
        notes.push(`wrong ${key}: ${x}`);
      }
    }
  };

  compare('kind', expected.kind, actual.kind);
  for (const [group, keys] of Object.entries(SCALARS)) {
    const want = (expected as unknown as Record<string, Record<string, unknown> | undefined>)[
      group
    ];
    const got = (actual as unknown as Record<string, Record<string, unknown> | undefined>)[group];
    for (const key of keys) compare(`${group}.${key}`, want?.[key], got?.[key]);
  }
  compareSet('order.cardKeys', expected.order?.cardKeys ?? [], actual.order?.cardKeys ?? []);

  // Orders of a list are paired by order number (else by position); each field of each
  // order then counts under `orders.<field>`, and every field of an extra order is wrong.
  const wantOrders = expected.orders ?? [];
  const gotOrders = actual.orders ?? [];
  const paired = new Set<number>();
  wantOrders.forEach((w, i) => {
    let j = gotOrders.findIndex((g, k) => !paired.has(k) && w.orderId && g.orderId === w.orderId);
    if (j < 0 && !paired.has(i) && i < gotOrders.length && !gotOrders[i]?.orderId) j = i;
    if (j >= 0) paired.add(j);
    const g = j >= 0 ? gotOrders[j] : undefined;
    for (const key of SCALARS.order) compare(`orders.${key}`, w[key], g?.[key]);
    compareSet('orders.cardKeys', w.cardKeys ?? [], g?.cardKeys ?? []);
  });
  gotOrders.forEach((g, j) => {
    if (paired.has(j)) return;
    for (const key of SCALARS.order) compare(`orders.${key}`, undefined, g[key]);
    compareSet('orders.cardKeys', [], g.cardKeys ?? []);
  });
  compareSet('site.contacts', expected.site.contacts, actual.site.contacts);
  compareSet(
    'promises',
    expected.promises.map((p) => `${p.category}: ${p.text}`),
    actual.promises.map((p) => `${p.category}: ${p.text}`),
  );

  // Chat messages are matched in order by text; side, name and time are then compared.
  const want = expected.chat?.messages ?? [];
  const got = actual.chat?.messages ?? [];
  let from = 0;
  const matched = new Set<number>();
  for (const w of want) {
    const i = got.findIndex((g, j) => j >= from && clean(g.text) === clean(w.text));
    const text = field('chat.text');
    text.expected++;
    if (i < 0) {
      notes.push(`miss  chat.text: ${w.text}`);
      for (const k of ['from', 'name', 'at'] as const) {
        if (w[k] !== undefined) {
          field(`chat.${k}`).expected++;
        }
      }
      continue;
    }
    text.found++;
    matched.add(i);
    from = i + 1;
    const g = got[i];
    for (const k of ['from', 'name', 'at'] as const) compare(`chat.${k}`, w[k], g?.[k]);
  }
  got.forEach((g, i) => {
    if (!matched.has(i)) {
      field('chat.text').wrong++;
      notes.push(`wrong chat.text: ${g.from} ${g.text}`);
    }
  });
  if (notes.length) score.notes.set(name, notes);
}

/** Scores every page of a corpus. */
export function scoreCorpus(cases: readonly CorpusCase[]): Score {
  const score: Score = { fields: new Map(), notes: new Map() };
  for (const c of cases) scorePage(c.name, c.expected, extractCase(c), score);
  return score;
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(1)}%` : '-';
}

/** The per-field table printed by `npm run bench:extract`. */
export function formatScore(score: Score, pages: number): string {
  const rows = [...score.fields.entries()].sort(([a], [b]) => a.localeCompare(b));
  const lines = [
    `extract bench: ${pages} pages`,
    `${'field'.padEnd(24)}${'expected'.padStart(9)}${'found'.padStart(8)}${'found%'.padStart(9)}${'wrong'.padStart(8)}`,
  ];
  let e = 0;
  let f = 0;
  let w = 0;
  for (const [key, s] of rows) {
    e += s.expected;
    f += s.found;
    w += s.wrong;
    lines.push(
      `${key.padEnd(24)}${String(s.expected).padStart(9)}${String(s.found).padStart(8)}${pct(s.found, s.expected).padStart(9)}${String(s.wrong).padStart(8)}`,
    );
  }
  lines.push(
    `${'total'.padEnd(24)}${String(e).padStart(9)}${String(f).padStart(8)}${pct(f, e).padStart(9)}${String(w).padStart(8)}`,
  );
  return lines.join('\n');
}

/** The corpus and options a bench command line names: `[--verbose] [--dir D] [filter]`. */
export function benchOptions(argv: readonly string[]): {
  cases: CorpusCase[];
  verbose: boolean;
} {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const dirAt = argv.indexOf('--dir');
  const dir = dirAt >= 0 ? argv[dirAt + 1] : undefined;
  const filter = argv.find((a, i) => !a.startsWith('-') && (dirAt < 0 || i !== dirAt + 1));
  const cases = loadCorpus(dir ? resolve(dir) : CORPUS_DIR).filter(
    (c) => !filter || c.name.includes(filter),
  );
  return { cases, verbose };
}

/** Prints the notes of each page (when verbose), then the per-field table. */
export function printScore(score: Score, pages: number, verbose: boolean, title?: string): void {
  if (verbose) {
    for (const [name, notes] of score.notes) {
      console.log(`\n${name}`);
      for (const n of notes) console.log(`  ${n}`);
    }
    console.log('');
  }
  const table = formatScore(score, pages);
  console.log(title ? table.replace('extract bench:', title) : table);
}

function main(argv: readonly string[]): void {
  const { cases, verbose } = benchOptions(argv);
  printScore(scoreCorpus(cases), cases.length, verbose);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
