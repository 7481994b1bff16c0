import { afterEach, describe, expect, it } from 'vitest';
import type { SearchPage } from '../../shared/ipc/types';
import { render, unmountAll } from '../testing/dom';
import { ListNotes } from './ListNotes';

afterEach(unmountAll);

function notes(shown: Partial<SearchPage>): string {
  const page: SearchPage = {
    total: 0,
    items: [],
    totalEstimated: false,
    rankedNewest: null,
    commonTerms: [],
    newestFirst: false,
    ...shown,
  };
  const host = render(
    <ListNotes empty={false} queue={false} searching filtered={false} shown={page} />,
  );
  return host.textContent ?? '';
}

describe('what the list says about a search', () => {
  it('says a search made only of words in most stories comes newest first, and why', () => {
    const text = notes({ total: 96_000, commonTerms: ['the'], newestFirst: true });
    expect(text).toContain('Newest first: “the” is in most stories');
    expect(text).toContain('Add a rarer word');
    expect(text).not.toContain('Showing the best');
  });

  it('says a ranking left the common words out and covered only the newest matches', () => {
    const text = notes({ total: 23_000, rankedNewest: 1000, commonTerms: ['the', 'of'] });
    expect(text).toContain('Ranked among the newest 1,000 matches by the rarer words');
    expect(text).toContain('“the”, “of” are in most stories');
  });

  it('says only the best are shown when every match was ranked', () => {
    expect(notes({ total: 300, items: [] })).toContain('Showing the best 0');
  });
});
