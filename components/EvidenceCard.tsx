import { useEffect, useState } from 'react';
import type { EvidenceDB, EvidenceItem } from '@/lib/db';
import { t } from '@/lib/i18n';
import { kindLabel } from './KindSelect';

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The screenshot of an item as an object URL, released when the card goes away. */
function useThumbnail(db: EvidenceDB, sha256: string | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!sha256) return;
    let objectUrl: string | undefined;
    let live = true;
    db.blobs.get(sha256).then((record) => {
      if (!live || !record) return;
      objectUrl = URL.createObjectURL(record.data);
      setUrl(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [db, sha256]);
  return url;
}

/** One evidence item in the case list: thumbnail, kind, time, title, source and hash. */
export function EvidenceCard({ db, item }: { db: EvidenceDB; item: EvidenceItem }) {
  const screenshot = item.artifacts.find((a) => a.role === 'screenshot-viewport');
  const thumbnail = useThumbnail(db, screenshot?.sha256);
  return (
    <li className="card" data-testid="evidence-item" data-evidence-id={item.id}>
      {thumbnail ? <img src={thumbnail} alt="" className="thumb" /> : <div className="thumb" />}
      <div className="body">
        <div className="line">
          <span className={`kind kind-${item.kind}`}>{kindLabel(item.kind)}</span>
          <time dateTime={item.capturedAt}>
            {item.capturedAtLocal.slice(0, 19).replace('T', ' ')}
          </time>
        </div>
        <div className="title" title={item.title}>
          {item.title}
        </div>
        <div className="source" title={item.url}>
          {host(item.url)} · {item.artifacts.length} {t('files')}
        </div>
        {screenshot && (
          <code className="hash" title={screenshot.sha256}>
            {t('hashLabel')} {screenshot.sha256.slice(0, 16)}…
          </code>
        )}
      </div>
    </li>
  );
}
