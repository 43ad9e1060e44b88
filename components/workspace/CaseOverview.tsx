import { t } from '@/lib/i18n';
import type { CaseFacts, ChecklistEntry } from '@/lib/workspace';
import { fromLabel, missingLabel, promiseCategoryLabel } from './labels';

type Order = CaseFacts['orders'][number]['order'];

/** An order in one line: id, amount, product, time, status. */
const orderLine = (order: Order) =>
  [
    order.orderId,
    order.amount !== undefined && `¥${order.amount.toFixed(2)}`,
    order.product,
    order.placedAt,
    order.status,
  ]
    .filter(Boolean)
    .join(' · ');

/** "Still missing for a complaint": what to go and capture or fill in next. */
export function MissingChecklist({ entries }: { entries: readonly ChecklistEntry[] }) {
  const missing = entries.filter((e) => !e.done);
  return (
    <section className="checklist" data-testid="checklist" aria-label={t('checklistHeading')}>
      {missing.length === 0 ? (
        <p>✓ {t('checklistAllDone')}</p>
      ) : (
        <>
          <strong>{t('checklistHeading')}:</strong>
          <ul>
            {missing.map((e) => (
              <li key={e.id} data-testid="missing" data-missing={e.id}>
                {missingLabel(e.id)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The case's gathered facts: orders, payments, promises and the chat transcript. */
export function CaseFactsView({ facts }: { facts: CaseFacts }) {
  const none = <p className="hint">{t('none')}</p>;
  return (
    <section className="case-facts" data-testid="case-facts" aria-label={t('caseFactsHeading')}>
      <h2>{t('caseFactsHeading')}</h2>
      <h3>{t('ordersHeading')}</h3>
      {facts.orders.length === 0 ? (
        none
      ) : (
        <ul>
          {facts.orders.map(({ evidenceId, order }) => (
            <li key={`${evidenceId}-${order.orderId}`} data-testid="case-order">
              {orderLine(order)}
            </li>
          ))}
        </ul>
      )}
      {facts.listedOrders.length > 0 && (
        // Closed by default: a list shows every purchase, most not part of the dispute.
        <details className="listed-orders" data-testid="listed-orders">
          <summary>{t('listedOrdersHeading', String(facts.listedOrders.length))}</summary>
          <p className="hint">{t('listedOrdersHint')}</p>
          <ul>
            {facts.listedOrders.map(({ evidenceId, order }, i) => (
              <li key={`${evidenceId}-${order.orderId ?? i}`} data-testid="case-listed-order">
                {orderLine(order)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <h3>{t('paymentsHeading')}</h3>
      {facts.payments.length === 0 ? (
        none
      ) : (
        <ul>
          {facts.payments.map(({ evidenceId, payment }) => (
            <li key={`${evidenceId}-${payment.tradeNo}`}>
              {[
                payment.provider,
                payment.tradeNo,
                payment.amount !== undefined && `¥${payment.amount.toFixed(2)}`,
                payment.merchant,
                payment.paidAt,
              ]
                .filter(Boolean)
                .join(' · ')}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('promisesHeading')}</h3>
      {facts.promises.length === 0 ? (
        none
      ) : (
        <ul>
          {facts.promises.map((p) => (
            <li key={p.text} data-testid="case-promise">
              “{p.text}” <small className="hint">{promiseCategoryLabel(p.category)}</small>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('transcriptHeading')}</h3>
      {facts.transcript.length === 0 ? (
        none
      ) : (
        <ol className="transcript">
          {facts.transcript.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the transcript is fixed for one render
            <li key={i} className={`msg from-${m.from}`}>
              <span className="who">{m.name ?? fromLabel(m.from)}</span>
              {m.at && <time dateTime={m.at}> {m.at.slice(0, 16).replace('T', ' ')}</time>}
              <div>{m.text}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
