import type { EvidenceItem } from '../db/schema';
import type { PageKind } from '../extract/facts';
import type { CaseAnnotations, ItemAnnotations } from './annotations';
import { correctedFacts, type FactRow, keyFacts } from './facts';

export type TimelineOrder = 'newest' | 'oldest';

/** One item ready for its timeline row: the item, its annotations and key facts. */
export interface TimelineEntry {
  item: EvidenceItem;
  annotations: ItemAnnotations | undefined;
  keyFacts: FactRow[];
  /** Lower-cased text the search looks in. */
  haystack: string;
}

export type TimelineRow =
  | { type: 'day'; day: string; count: number }
  | { type: 'item'; entry: TimelineEntry };

/** The calendar day of a capture in China time (YYYY-MM-DD). */
export function dayOf(item: EvidenceItem): string {
  return item.capturedAtLocal.slice(0, 10);
}

/** Prepares items for the timeline: corrections applied, key facts, search text. */
export function timelineEntries(
  items: readonly EvidenceItem[],
  annotations: CaseAnnotations | undefined,
): TimelineEntry[] {
  return items.map((item) => {
    const a = annotations?.byItem.get(item.id);
    const facts = keyFacts(item, correctedFacts(item.facts, a?.corrections));
    const haystack = [
      item.title,
      item.url,
      item.kind,
      ...facts.map((f) => f.value),
      a?.purpose,
      a?.note,
      ...(a?.tags ?? []),
      item.artifacts[0]?.sha256.slice(0, 12),
    ]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    return { item, annotations: a, keyFacts: facts, haystack };
  });
}

export interface TimelineQuery {
  kinds?: ReadonlySet<PageKind>;
  text?: string;
  order: TimelineOrder;
}

/** Filters, sorts and groups entries by day: a flat list of day headers and items. */
export function timelineRows(
  entries: readonly TimelineEntry[],
  query: TimelineQuery,
): TimelineRow[] {
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const kept = entries.filter(
    (e) =>
      (!query.kinds || query.kinds.size === 0 || query.kinds.has(e.item.kind)) &&
      words.every((w) => e.haystack.includes(w)),
  );
  kept.sort((a, b) =>
    query.order === 'newest'
      ? b.item.capturedAt.localeCompare(a.item.capturedAt)
      : a.item.capturedAt.localeCompare(b.item.capturedAt),
  );
  const rows: TimelineRow[] = [];
  let header: { type: 'day'; day: string; count: number } | undefined;
  for (const entry of kept) {
    const day = dayOf(entry.item);
    if (header?.day !== day) {
      header = { type: 'day', day, count: 0 };
      rows.push(header);
    }
    header.count++;
    rows.push({ type: 'item', entry });
  }
  return rows;
}
