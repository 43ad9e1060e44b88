// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ComplaintWorkspace } from '@/components/complaint/ComplaintWorkspace';
import { REMINDER_PREFIX } from '@/lib/background/reminders';
import { testDb } from '../helpers';
import { CASE_ID, seedCase } from './case-db';

const NOW = new Date('2026-11-10T02:00:00Z');
const now = () => NOW;

// The reminder permissions are optional: none is granted at first, and a request is
// granted (Chrome grants `alarms` without a prompt; the user accepts notifications here).
beforeEach(() => {
  fakeBrowser.reset();
  const granted = new Set<string>();
  const noop = { addListener() {}, removeListener() {} };
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ permissions = [] }: { permissions?: string[] }) =>
      permissions.every((p) => granted.has(p)),
    request: async ({ permissions = [] }: { permissions?: string[] }) => {
      for (const p of permissions) granted.add(p);
      return true;
    },
    onAdded: noop,
    onRemoved: noop,
  });
});
afterEach(cleanup);

async function mount() {
  const db = testDb();
  await seedCase(db);
  render(<ComplaintWorkspace db={db} caseId={CASE_ID} now={now} />);
  await screen.findByTestId('draft');
  return db;
}

describe('ComplaintWorkspace', () => {
  it('guides to the platform first and drafts it with each field copyable', async () => {
    await mount();
    const guide = screen.getByTestId('channel-guide');
    expect(within(guide).getAllByRole('listitem')[0]?.getAttribute('data-channel')).toBe(
      'platform',
    );
    const text = screen.getByLabelText(/全文/) as HTMLTextAreaElement;
    expect(text.value).toContain('KM20261102140305881');
    expect(screen.getAllByRole('button', { name: /^复制 Copy / }).length).toBeGreaterThan(0);
    expect(screen.getByTestId('draft-legal').textContent).toContain('电子商务法');
    expect(screen.getByTestId('draft-claims').textContent).toContain('98.5');
  });

  it('lets any channel be chosen and shows its warnings (heimao is public)', async () => {
    await mount();
    fireEvent.change(screen.getByTestId('channel-select'), { target: { value: 'heimao' } });
    await waitFor(() =>
      expect(screen.getByTestId('draft').getAttribute('data-channel')).toBe('heimao'),
    );
    expect(screen.getByTestId('draft-warnings').textContent).toMatch(/公开/);
  });

  it('saves the edited text, records it sent, schedules the reminder and offers the next step', async () => {
    const db = await mount();
    const text = screen.getByLabelText(/全文/) as HTMLTextAreaElement;
    fireEvent.change(text, { target: { value: `${text.value}\n补充说明` } });
    fireEvent.click(screen.getByTestId('save-draft'));
    await waitFor(() =>
      expect(screen.getByTestId('save-status').getAttribute('data-state')).toBe('done'),
    );
    const [saved] = await db.complaints.toArray();
    expect(saved?.text).toContain('补充说明');

    const row = await screen.findByTestId('complaint-record');
    fireEvent.change(within(row).getByLabelText(/发送时间/), {
      target: { value: '2026-11-05T10:00' },
    });
    fireEvent.change(within(row).getByLabelText(/投诉编号/), { target: { value: 'T-7' } });
    fireEvent.click(within(row).getByTestId('mark-sent'));
    await waitFor(() => expect(row.getAttribute('data-status')).toBe('sent'));
    expect(row.getAttribute('data-overdue')).toBe('true');
    await waitFor(async () =>
      expect(await browser.alarms.get(`${REMINDER_PREFIX}${saved?.id}`)).toBeDefined(),
    );
    const escalation = await screen.findByTestId('escalation');
    expect(escalation.getAttribute('data-next')).toBe('alipay');
    fireEvent.click(within(escalation).getByTestId('escalate'));
    await waitFor(() =>
      expect((screen.getByLabelText(/全文/) as HTMLTextAreaElement).value).toContain(
        '于2026年11月5日向平台客服投诉（编号T-7），至今未获处理',
      ),
    );
  });
});
