import { describe, expect, it } from 'vitest';
import { panelPath, parsePanelLocation } from '@/lib/workspace';

describe('panel location', () => {
  it('round-trips a case and a tab through the query string', () => {
    const path = panelPath({ caseId: 'a b&c', tab: 'complaints' });
    expect(path).toBe('/sidepanel.html?case=a+b%26c&tab=complaints');
    expect(parsePanelLocation(path.slice(path.indexOf('?')))).toEqual({
      caseId: 'a b&c',
      tab: 'complaints',
    });
    expect(panelPath({})).toBe('/sidepanel.html');
  });

  it.each([
    ['', { caseId: undefined, tab: undefined }],
    ['?tab=settings', { caseId: undefined, tab: undefined }],
    ['?case=&tab=case', { caseId: undefined, tab: 'case' }],
  ])('ignores what it does not know: %s', (search, expected) => {
    expect(parsePanelLocation(search)).toEqual(expected);
  });
});
