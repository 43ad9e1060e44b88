import { useEffect, useRef } from 'react';
import type { EvidenceDB, EvidenceItem } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { CustodyEntry } from '@/lib/integrity/custody';
import { annotateEvidence, type ItemAnnotations, parseTags } from '@/lib/workspace';
import { kindLabel } from '../KindSelect';
import { AnnotationField } from './AnnotationField';
import { ArtifactView } from './ArtifactView';
import { CustodyLog } from './CustodyLog';
import { FactsView } from './FactsView';
import { KIND_ICONS, localDateTime } from './labels';

interface Props {
  db: EvidenceDB;
  item: EvidenceItem;
  annotations: ItemAnnotations | undefined;
  /** The case's custody chain; the entries about this item are shown. */
  chain: readonly CustodyEntry[];
  onClose(): void;
  onDelete(id: string): void;
}

/** Everything about one item: metadata, every artifact, facts, annotations and custody. */
export function EvidenceDetail({ db, item, annotations, chain, onClose, onDelete }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const now = () => new Date();
  return (
    <section
      className="evidence-detail"
      data-testid="evidence-detail"
      data-evidence-id={item.id}
      aria-labelledby="detail-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && (e.target as HTMLElement).tagName !== 'INPUT') onClose();
      }}
    >
      <div className="buttons">
        <button type="button" data-testid="close-detail" onClick={onClose}>
          ← {t('closeDetail')}
        </button>
        <button
          type="button"
          className="danger"
          data-testid="delete-item"
          onClick={() => onDelete(item.id)}
        >
          {t('deleteButton')}
        </button>
      </div>
      <h2 id="detail-title" ref={heading} tabIndex={-1}>
        <span aria-hidden="true" className={`kind-icon kind-${item.kind}`}>
          {KIND_ICONS[item.kind]}
        </span>{' '}
        {item.title}
      </h2>
      <h3>{t('metadataHeading')}</h3>
      <dl className="meta-list">
        <dt>{t('kindLabel')}</dt>
        <dd>{kindLabel(item.kind)}</dd>
        <dt>{t('sourceLabel')}</dt>
        <dd>{t(item.source === 'import' ? 'source_import' : 'source_capture')}</dd>
        <dt>{t('capturedAtLabel')}</dt>
        <dd>
          {localDateTime(item.capturedAtLocal)} (UTC+8) · {item.capturedAt}
        </dd>
        {item.url && (
          <>
            <dt>{t('urlLabel')}</dt>
            <dd className="url">{item.finalUrl || item.url}</dd>
          </>
        )}
      </dl>
      <AnnotationField
        label={t('purposeLabel')}
        placeholder={t('purposePlaceholder')}
        value={annotations?.purpose ?? ''}
        testId="detail-purpose"
        onSave={(value) => annotateEvidence(db, item.id, { field: 'purpose', value }, now())}
      />
      <AnnotationField
        label={t('notesLabel')}
        multiline
        value={annotations?.note ?? ''}
        testId="detail-note"
        onSave={(value) => annotateEvidence(db, item.id, { field: 'note', value }, now())}
      />
      <AnnotationField
        label={t('tagsLabel')}
        value={(annotations?.tags ?? []).join(', ')}
        testId="detail-tags"
        onSave={(value) =>
          annotateEvidence(db, item.id, { field: 'tags', value: parseTags(value) }, now())
        }
      />
      <h3>{t('factsHeading')}</h3>
      <FactsView db={db} item={item} annotations={annotations} />
      <h3>{t('artifactsHeading')}</h3>
      <ul className="artifacts">
        {item.artifacts.map((a) => (
          <ArtifactView key={`${a.role}-${a.fileName}`} db={db} artifact={a} />
        ))}
      </ul>
      <CustodyLog
        heading={t('custodyHeading')}
        entries={chain.filter((e) => e.evidenceId === item.id)}
      />
    </section>
  );
}
