import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { EvidenceDB, EvidenceItem } from '@/lib/db';
import type { PageKind } from '@/lib/extract/facts';
import { t } from '@/lib/i18n';
import {
  type CaseAnnotations,
  type TimelineOrder,
  timelineEntries,
  timelineRows,
} from '@/lib/workspace';
import { KINDS, kindLabel } from '../KindSelect';
import { TimelineItem } from './TimelineItem';

interface Props {
  db: EvidenceDB;
  items: readonly EvidenceItem[];
  annotations: CaseAnnotations | undefined;
  onOpen(id: string): void;
  onDelete(id: string): void;
  /** The size the list assumes before it is measured (tests and the first paint). */
  initialHeight?: number;
}

/**
 * The case's items grouped by day. Virtualized: only the rows in view (and a few
 * around) are in the DOM, so a case of thousands of items opens and scrolls at once.
 */
export function Timeline({ db, items, annotations, onOpen, onDelete, initialHeight = 600 }: Props) {
  const [kind, setKind] = useState<PageKind | 'all'>('all');
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<TimelineOrder>('newest');
  const text = useDeferredValue(query);
  const entries = useMemo(() => timelineEntries(items, annotations), [items, annotations]);
  const rows = useMemo(
    () =>
      timelineRows(entries, {
        order,
        text,
        kinds: kind === 'all' ? undefined : new Set([kind]),
      }),
    [entries, order, text, kind],
  );
  const shown = rows.reduce((n, r) => n + (r.type === 'item' ? 1 : 0), 0);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.type === 'day' ? 30 : 170),
    getItemKey: (i) => {
      const row = rows[i];
      return row?.type === 'day' ? `day-${row.day}` : (row?.entry.item.id ?? i);
    },
    overscan: 4,
    // Rows are measured once laid out; one that measures 0 (no layout yet) keeps its estimate.
    measureElement: (el, _entry, instance) =>
      el.getBoundingClientRect().height ||
      instance.options.estimateSize(Number(el.getAttribute('data-index'))),
    initialRect: { width: 360, height: initialHeight },
    // A list not laid out yet (a hidden panel, a DOM without layout) measures 0 high;
    // render a first window anyway instead of nothing.
    observeElementRect: (instance, onChange) =>
      observeElementRect(instance, (rect) =>
        onChange(rect.height > 0 ? rect : { width: rect.width || 360, height: initialHeight }),
      ),
  });

  return (
    <section className="timeline" aria-label={t('timelineLabel')}>
      <div className="filters">
        <label className="field">
          <span>{t('filterKindLabel')}</span>
          <select
            data-testid="kind-filter"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as PageKind | 'all')}
          >
            <option value="all">{t('allKinds')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('sortLabel')}</span>
          <select
            data-testid="sort-order"
            value={order}
            onChange={(e) => setOrder(e.currentTarget.value as TimelineOrder)}
          >
            <option value="newest">{t('sortNewest')}</option>
            <option value="oldest">{t('sortOldest')}</option>
          </select>
        </label>
        <label className="field search">
          <span>{t('searchLabel')}</span>
          <input
            type="search"
            data-testid="search"
            placeholder={t('searchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
        <output data-testid="shown-count" aria-live="polite">
          {t('shownCount', [String(shown), String(items.length)])}
        </output>
      </div>
      <div ref={scroller} className="timeline-scroll" data-testid="timeline-scroll">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((v) => {
            const row = rows[v.index];
            if (!row) return null;
            return (
              <div
                key={v.key}
                data-index={v.index}
                ref={virtual.measureElement}
                className="timeline-row"
                style={{ transform: `translateY(${v.start}px)` }}
              >
                {row.type === 'day' ? (
                  <h3 className="day" data-testid="day-heading">
                    <time dateTime={row.day}>{row.day}</time>
                    <span className="count">{t('dayCount', String(row.count))}</span>
                  </h3>
                ) : (
                  <TimelineItem db={db} entry={row.entry} onOpen={onOpen} onDelete={onDelete} />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
