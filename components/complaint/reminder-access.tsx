import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import {
  type ReminderPermission,
  reminderAccess,
  requestReminderPermission,
} from '@/lib/background/reminders';

/** Whether reminders may run, and where the last request for them stands. */
export interface ReminderAccess {
  /** Unknown until the browser answered the first check. */
  known: boolean;
  alarms: boolean;
  notifications: boolean;
  /** A request is waiting for the user's answer in the browser's prompt. */
  asking: ReminderPermission | undefined;
  /** The browser refused the request itself (not the user): its message. */
  error: string | undefined;
}

/**
 * The reminder permissions, kept current (the user can revoke them in the browser's
 * extension settings), and `ask`, which must run inside a click or submit handler.
 * `ask` asks for `alarms` (answered at once, no prompt), then for `notifications`
 * (a prompt) without waiting for that answer: the caller goes on as soon as alarms may
 * be set. Resolves with whether alarms may be set.
 */
export function useReminderAccess(): {
  access: ReminderAccess;
  ask(): Promise<boolean>;
} {
  const [access, setAccess] = useState<ReminderAccess>({
    known: false,
    alarms: false,
    notifications: false,
    asking: undefined,
    error: undefined,
  });
  const refresh = useCallback(async () => {
    const now = await reminderAccess(browser);
    setAccess((a) => ({ ...a, ...now, known: true }));
  }, []);
  useEffect(() => {
    void refresh();
    const changed = () => void refresh();
    try {
      browser.permissions.onAdded.addListener(changed);
      browser.permissions.onRemoved.addListener(changed);
    } catch {
      // No permission events in this context (a test DOM): the first check stands.
      return;
    }
    return () => {
      browser.permissions.onAdded.removeListener(changed);
      browser.permissions.onRemoved.removeListener(changed);
    };
  }, [refresh]);

  const ask = useCallback((): Promise<boolean> => {
    // Both requests start from the user's gesture: no await before the first one.
    const failed = (error: unknown) => {
      setAccess((a) => ({
        ...a,
        asking: undefined,
        error: error instanceof Error ? error.message : String(error),
      }));
      return false;
    };
    setAccess((a) => ({ ...a, asking: 'alarms', error: undefined }));
    return requestReminderPermission(browser, 'alarms').then(async (alarms) => {
      // Complaints already waiting for an answer get their alarms from the worker, which
      // syncs them on permissions.onAdded (lib/background/reminders.ts).
      setAccess((a) => ({ ...a, alarms, asking: undefined }));
      if (!(await reminderAccess(browser)).notifications) {
        setAccess((a) => ({ ...a, asking: 'notifications' }));
        requestReminderPermission(browser, 'notifications').then(
          (notifications) => setAccess((a) => ({ ...a, notifications, asking: undefined })),
          failed,
        );
      }
      return alarms;
    }, failed);
  }, []);

  return { access, ask };
}

/**
 * What the user should know about reminders while complaints await an answer: off,
 * badge only, or waiting for the browser's prompt, with a button to turn them on.
 */
export function ReminderAccessNotice({ access, onAsk }: { access: ReminderAccess; onAsk(): void }) {
  const state = !access.known
    ? 'unknown'
    : access.asking
      ? 'asking'
      : !access.alarms
        ? 'off'
        : !access.notifications
          ? 'badge-only'
          : 'on';
  if (state === 'on' || state === 'unknown') return null;
  return (
    <div
      className="reminder-access"
      data-testid="reminder-access"
      data-state={state}
      data-asking={access.asking ?? ''}
      role="status"
    >
      {state === 'asking' && (
        <p>
          请在浏览器弹出的提示中选择是否允许通知。 Answer the browser's prompt to allow
          notifications.
        </p>
      )}
      {state === 'off' && (
        <p>
          到期提醒未开启：答复期限到了不会提醒你，只在这里显示“已超期”。 Reminders are off: a passed
          deadline only shows here.
        </p>
      )}
      {state === 'badge-only' && (
        <p>
          未允许通知：答复期限到了，工具栏按钮上会显示红色“!”。 Notifications are not allowed: the
          toolbar button shows a red “!” when a deadline passes.
        </p>
      )}
      {access.error && (
        <p role="alert" className="error">
          浏览器拒绝了权限请求 The browser refused the request: {access.error}
        </p>
      )}
      {state !== 'asking' && (
        <button type="button" data-testid="reminder-enable" onClick={onAsk}>
          {state === 'off' ? '开启到期提醒 Turn on reminders' : '允许通知 Allow notifications'}
        </button>
      )}
    </div>
  );
}
