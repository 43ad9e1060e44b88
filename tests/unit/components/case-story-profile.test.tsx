// @vitest-environment happy-dom
// The case tab's account of the dispute, the profile's court and police fields, and the
// panel opened at `?case=ID&tab=complaints` by a reminder.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseDetailsForm } from '@/components/workspace/CaseDetailsForm';
import { ProfileForm } from '@/components/workspace/ProfileForm';
import { App } from '@/entrypoints/sidepanel/App';
import { getDb } from '@/lib/db/database';
import { ensureActiveCase, getActiveCase } from '@/lib/db/repo';
import { createCase, loadProfile, saveProfile } from '@/lib/workspace';
import { testDb } from '../helpers';

vi.mock('@/lib/i18n', () => ({
  t: (key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key}:${[subs].flat().join('|')}`,
}));

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const NOW = new Date('2026-11-21T04:00:00.000Z');

describe('case tab: what happened', () => {
  it('saves the description, the deceit, the harm date and the negotiation', async () => {
    const db = testDb();
    const theCase = await ensureActiveCase(db, NOW, '案件');
    render(
      <CaseDetailsForm
        db={db}
        theCase={theCase}
        suggestedPlatform={{ contacts: [], payeeAccounts: [] }}
      />,
    );
    // The details box appears only once the user says they were deceived.
    expect(screen.queryByTestId('case-deceitDetails')).toBeNull();
    const deceived = screen.getByLabelText('caseMerchantDeceived');
    expect(deceived.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(deceived);
    fireEvent.change(screen.getByLabelText('caseDescription'), {
      target: { value: '付款后卡密无效' },
    });
    fireEvent.change(screen.getByLabelText('caseHarmKnownAt'), {
      target: { value: '2026-11-02' },
    });
    fireEvent.change(screen.getByLabelText('caseNegotiation'), {
      target: { value: '客服不再回复' },
    });
    fireEvent.change(screen.getByTestId('case-deceitDetails'), {
      target: { value: '谎称卡密未售出' },
    });
    fireEvent.click(screen.getByTestId('save-case'));
    await waitFor(() =>
      expect(screen.getByTestId('case-details-status').getAttribute('data-state')).toBe('saved'),
    );
    expect(await db.cases.get(theCase.id)).toMatchObject({
      description: '付款后卡密无效',
      merchantDeceived: true,
      deceitDetails: '谎称卡密未售出',
      harmKnownAt: '2026-11-02',
      negotiation: '客服不再回复',
    });
  });
});

describe('profile: the fields court and police drafts use', () => {
  it('edits sex, birth date, ethnicity, occupation, employer, province, city and account', async () => {
    const db = testDb();
    await saveProfile(db, { name: '李四' });
    render(<ProfileForm db={db} />);
    await waitFor(() =>
      expect((screen.getByTestId('profile-name') as HTMLInputElement).value).toBe('李四'),
    );
    fireEvent.change(screen.getByLabelText('profileSex'), { target: { value: '女' } });
    fireEvent.change(screen.getByLabelText('profileBirthDate'), {
      target: { value: '1990-05-01' },
    });
    const text = {
      profileEthnicity: '汉族',
      profileOccupation: '职员',
      profileEmployer: '某公司',
      profileProvince: '江苏省',
      profileCity: '南京市',
      profilePlatformAccount: 'user_8848',
    };
    for (const [label, value] of Object.entries(text)) {
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    }
    fireEvent.click(screen.getByTestId('save-profile'));
    await waitFor(async () =>
      expect(await loadProfile(db)).toEqual({
        name: '李四',
        sex: '女',
        birthDate: '1990-05-01',
        ethnicity: '汉族',
        occupation: '职员',
        employer: '某公司',
        province: '江苏省',
        city: '南京市',
        platformAccount: 'user_8848',
      }),
    );
  });
});

describe('panel location', () => {
  it('opens ?case=ID&tab=complaints on that case and tab', async () => {
    const db = getDb();
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.clear();
    });
    const first = await createCase(db, '第一个案件', NOW);
    await createCase(db, '第二个案件', NOW);
    window.history.replaceState(null, '', `/sidepanel.html?case=${first.id}&tab=complaints`);
    render(<App />);
    const workspace = await screen.findByTestId('complaint-workspace');
    await waitFor(() => expect(workspace.getAttribute('data-case-id')).toBe(first.id));
    expect(screen.getByTestId('tab-complaints').getAttribute('aria-selected')).toBe('true');
    expect((await getActiveCase(db))?.id).toBe(first.id);
  });
});
