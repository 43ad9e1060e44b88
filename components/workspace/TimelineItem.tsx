import type { EvidenceDB } from '@/lib/db';
import { t } from '@/lib/i18n';
import { annotateEvidence, type TimelineEntry } from '@/lib/workspace';
import { kindLabel } from '../KindSelect';
import { AnnotationField } from './AnnotationField';
import { factLabel, hostOf, KIND_ICONS, localTime } from './labels';
import { useBlobUrl } from './use-blob-url';

interface Props {
  db: EvidenceDB;
  entry: TimelineEntry;
  onOpen(id: string): void;
  onDelete(id: string): void;
}

/** One item of the timeline: what it is, when, from where, what it shows and proves. */
export function TimelineItem({ db, entry, onOpen, onDelete }: Props) {
  const { item, annotations: a, keyFacts } = entry;
  const picture =
    item.artifacts.find((x) => x.role === 'screenshot-viewport') ??
    item.artifacts.find((x) => x.role === 'imported' && x.mediaType.startsWith('image/'));
  const thumb = useBlobUrl(db, picture?.sha256);
  const main = picture ?? item.artifacts[0];
  const titleId = `title-${item.id}`;
  return (
    <article
      className="card"
      data-testid="evidence-item"
      data-evidence-id={item.id}
      aria-labelledby={titleId}
    >
      {thumb ? <img src={thumb} alt="" className="thumb" /> : <div className="thumb" />}
      <div className="body">
        <div className="line">
          <span className={`kind kind-${item.kind}`}>
            <span aria-hidden="true" className={`kind-icon kind-${item.kind}`}>
              {KIND_ICONS[item.kind]}
            </span>{' '}
            {kindLabel(item.kind)}
          </span>
          {item.source === 'import' && <span className="badge">{t('importedBadge')}</span>}
          <time dateTime={item.capturedAt}>{localTime(item.capturedAtLocal)}</time>
        </div>
        <div className="title" id={titleId} title={item.title}>
          {item.title}
        </div>
        {item.url && (
          <div className="source" title={item.url}>
            {hostOf(item.url)} · {item.artifacts.length} {t('files')}
          </div>
        )}
        {keyFacts.length > 0 && (
          <dl className="key-facts" data-testid="key-facts">
            {keyFacts.map((f) => (
              <div key={f.path}>
                <dt>{factLabel(f.path)}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        )}
        <AnnotationField
          label={t('purposeLabel')}
          placeholder={t('purposePlaceholder')}
          value={a?.purpose ?? ''}
          testId="purpose-input"
          onSave={(value) => annotateEvidence(db, item.id, { field: 'purpose', value }, new Date())}
        />
        {(a?.note || (a?.tags.length ?? 0) > 0) && (
          <div className="notes">
            {a?.note && <span data-testid="item-note">{a.note}</span>}
            {a?.tags.map((tag) => (
              <span key={tag} className="tag">
                #{tag}
              </span>
            ))}
          </div>
        )}
        <div className="line">
          {main && (
            <code className="hash" title={main.sha256}>
              {t('hashLabel')} {main.sha256.slice(0, 12)}…
            </code>
          )}
          <span className="actions">
            <button type="button" data-testid="open-detail" onClick={() => onOpen(item.id)}>
              {t('openDetail')}
            </button>
            <button
              type="button"
              className="danger"
              data-testid="delete-item"
              onClick={() => onDelete(item.id)}
            >
              {t('deleteButton')}
            </button>
          </span>
        </div>
      </div>
    </article>
  );
}
