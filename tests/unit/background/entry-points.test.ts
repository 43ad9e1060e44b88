import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureFeedback } from '@/lib/background/entry-points';

const zh: Record<string, { message: string }> = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../public/_locales/zh_CN/messages.json'), 'utf8'),
);
const message = (key: string) => zh[key]?.message ?? '';

describe('captureFeedback (shortcut and context-menu captures)', () => {
  it('shows a green tick and says the capture was saved', () => {
    const f = captureFeedback({ ok: true, evidenceId: 'e', caseId: 'c', kind: 'order' }, message);
    expect(f).toEqual({ text: '✓', color: '#2e7d32', title: '已保存到当前案件' });
  });

  it.each([
    ['restricted', '浏览器内部页面'],
    ['no-tab', '找不到要采集的标签页'],
    ['storage-full', '存储空间已满'],
  ] as const)('explains %s in the tooltip, in Chinese', (code, words) => {
    const f = captureFeedback({ ok: false, code, detail: 'x' }, message);
    expect(f.text).toBe('!');
    expect(f.title).toContain(words);
    expect(f.title).toContain('未保存任何内容');
  });

  it('falls back to the detail when there is no message for the code', () => {
    expect(captureFeedback({ ok: false, code: 'unknown', detail: 'boom' }, () => '').title).toBe(
      'boom',
    );
  });
});
