import { useEffect, useState } from 'react';
import type { Artifact, EvidenceDB } from '@/lib/db';
import { t } from '@/lib/i18n';
import { useBlobUrl } from './use-blob-url';

const ZOOMS = [0.5, 1, 1.5, 2, 3];

/** A screenshot that can be zoomed (buttons) and scrolled. */
function ZoomableImage({ src, alt }: { src: string; alt: string }) {
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const step = (dir: 1 | -1) =>
    setZoom((z) => {
      const i = z === 'fit' ? 1 : ZOOMS.indexOf(z);
      return ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, i + dir))] ?? 1;
    });
  return (
    <div className="zoomable">
      <div className="buttons">
        <button type="button" data-testid="zoom-in" onClick={() => step(1)}>
          {t('zoomIn')}
        </button>
        <button type="button" data-testid="zoom-out" onClick={() => step(-1)}>
          {t('zoomOut')}
        </button>
        <button type="button" onClick={() => setZoom('fit')}>
          {t('zoomReset')}
        </button>
        <span>{zoom === 'fit' ? '' : `${Math.round(zoom * 100)}%`}</span>
      </div>
      {/* A scroll container: Chrome lets the keyboard focus and scroll it. */}
      <div className="zoom-frame">
        <img
          src={src}
          alt={alt}
          data-testid="zoom-image"
          style={zoom === 'fit' ? { width: '100%' } : { width: `${zoom * 100}%`, maxWidth: 'none' }}
        />
      </div>
    </div>
  );
}

/**
 * HTML from a captured page shown in a frame with an opaque origin and no scripts
 * (`sandbox=""`), never in the extension's own origin.
 */
function SandboxedHtml({ db, sha256 }: { db: EvidenceDB; sha256: string }) {
  const [html, setHtml] = useState<string>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let live = true;
    db.blobs
      .get(sha256)
      .then(async (r) => {
        if (!r) throw new Error(`no stored file ${sha256}`);
        const text = await r.data.text();
        if (live) setHtml(text);
      })
      .catch((error: unknown) => {
        if (live) setFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      live = false;
    };
  }, [db, sha256]);
  if (failure !== undefined) {
    return (
      <p role="alert" className="error" data-testid="sandboxed-error">
        {t('previewFailed')} {failure}
      </p>
    );
  }
  if (html === undefined) return null;
  return (
    <iframe
      className="sandboxed"
      sandbox=""
      srcDoc={html}
      title={t('viewSandboxed')}
      data-testid="sandboxed-frame"
      referrerPolicy="no-referrer"
    />
  );
}

/** One artifact: its hash, size, type and method, with a view or a download. */
export function ArtifactView({ db, artifact }: { db: EvidenceDB; artifact: Artifact }) {
  const url = useBlobUrl(db, artifact.sha256);
  const [showHtml, setShowHtml] = useState(false);
  const image = artifact.mediaType.startsWith('image/');
  const html = artifact.mediaType === 'text/html';
  return (
    <li className="artifact" data-testid="artifact" data-role={artifact.role}>
      <div className="line">
        <strong>{artifact.fileName}</strong>
        <span>
          {artifact.mediaType} · {artifact.bytes.toLocaleString()} {t('bytesLabel')}
        </span>
      </div>
      <div className="meta">
        {t('methodLabel')}: {artifact.method}
      </div>
      <code className="hash full" data-testid="artifact-sha256">
        SHA-256 {artifact.sha256}
      </code>
      <div className="buttons">
        {/* A download, never a navigation: MHTML and HTML must not open in this origin. */}
        {url && (
          <a href={url} download={artifact.fileName} className="button" data-testid="download">
            {t('downloadFile')}
          </a>
        )}
        {html && (
          <button
            type="button"
            data-testid="view-sandboxed"
            aria-expanded={showHtml}
            onClick={() => setShowHtml((s) => !s)}
          >
            {showHtml ? t('hideSandboxed') : t('viewSandboxed')}
          </button>
        )}
      </div>
      {image && url && <ZoomableImage src={url} alt={artifact.fileName} />}
      {html && showHtml && <SandboxedHtml db={db} sha256={artifact.sha256} />}
    </li>
  );
}
