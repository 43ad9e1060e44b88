import { t } from '@/lib/i18n';
import type { CustodyEntry } from '@/lib/integrity/custody';
import { custodyLabel } from './labels';

/** A short human reading of an entry's details (the full JSON is one click away). */
function summary(entry: CustodyEntry): string {
  const d = entry.details as Record<string, unknown>;
  if (entry.action === 'annotate' && d.field === 'case') return JSON.stringify(d.changes);
  if (entry.action === 'annotate') return `${String(d.field)}: ${JSON.stringify(d.value)}`;
  if (entry.action === 'correct-fact')
    return `${String(d.path)}: ${JSON.stringify(d.original)} → ${JSON.stringify(d.value)}`;
  if (entry.action === 'delete')
    return `${String(d.title ?? '')} · ${String(d.itemSha256 ?? '').slice(0, 12)}…`;
  if (typeof d.title === 'string') return d.title;
  if (typeof d.url === 'string') return d.url;
  return '';
}

/** Custody entries as a table: number, time, action, what, and the entry's own hash. */
export function CustodyLog({
  entries,
  heading,
}: {
  entries: readonly CustodyEntry[];
  heading: string;
}) {
  return (
    <section className="custody" aria-label={heading}>
      <h3>{heading}</h3>
      <table data-testid="custody-log">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('capturedAtLabel')}</th>
            <th scope="col">{t('custodyHeading')}</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq} data-action={e.action} data-testid="custody-entry">
              <td>{e.seq}</td>
              <td>
                <time dateTime={e.at}>{e.at.slice(0, 19).replace('T', ' ')}Z</time>
              </td>
              <td>
                <strong>{custodyLabel(e.action)}</strong> <span>{summary(e)}</span>
              </td>
              <td>
                <code title={e.hash}>{e.hash.slice(0, 10)}…</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
