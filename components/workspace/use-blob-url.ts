import { useEffect, useState } from 'react';
import type { EvidenceDB } from '@/lib/db';

/** A stored blob as an object URL, released when the component goes away. */
export function useBlobUrl(db: EvidenceDB, sha256: string | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    setUrl(undefined);
    if (!sha256) return;
    let objectUrl: string | undefined;
    let live = true;
    db.blobs.get(sha256).then(
      (record) => {
        if (!live || !record) return;
        objectUrl = URL.createObjectURL(record.data);
        setUrl(objectUrl);
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [db, sha256]);
  return url;
}
