import type { Pool } from 'pg';
import type { NewsroomSearchHit, SearchRequest } from '../../shared/newsroom/protocol';
import { newsroomTsQuery, snippetTerms } from '../../shared/newsroom/searchText';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/ipc/types';
import type { Story } from '../../shared/story/model';
import { storySearchText } from '../../shared/story/text';

/**
 * "Search the whole newsroom": PostgreSQL full-text search over every story the server holds,
 * ranked by cover density, newest first among equals. The index is a GIN index on the `simple`
 * tsvector of the story's tokens, with Korean, Chinese and Japanese cut into two-character pieces
 * (searchText.ts), so `김민지` finds `김민지가` as `Harbor` finds `harbor`.
 */
export async function searchNewsroom(
  pool: Pool,
  request: Required<Pick<SearchRequest, 'query' | 'limit'>> & Pick<SearchRequest, 'status'>,
): Promise<NewsroomSearchHit[]> {
  const tsquery = newsroomTsQuery(request.query);
  if (tsquery === null) return [];
  const params: unknown[] = [tsquery, request.limit];
  if (request.status) params.push(request.status);
  const { rows } = await pool.query<{ story: Story; updated_at: Date }>(
    `SELECT story, updated_at FROM stories, to_tsquery('simple', $1) q
     WHERE NOT deleted AND search @@ q ${request.status ? 'AND status = $3' : ''}
     ORDER BY ts_rank_cd(search, q) DESC, updated_at DESC LIMIT $2`,
    params,
  );
  const terms = snippetTerms(request.query);
  return rows.map(({ story }) => ({
    id: story.id,
    slug: story.slug,
    status: story.status,
    format: story.format,
    presenter: story.presenter,
    reporter: story.reporter,
    tags: story.tags,
    updatedAt: story.updatedAt,
    snippet: snippet(storySearchText(story), terms),
  }));
}

const AROUND = 60;

/** A few words around the first term found, the term marked as the desk's own search marks it. */
export function snippet(text: string, terms: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ');
  const lower = flat.toLocaleLowerCase();
  let at = -1;
  let length = 0;
  for (const term of terms) {
    const i = lower.indexOf(term.toLocaleLowerCase());
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      length = term.length;
    }
  }
  if (at < 0) return flat.slice(0, AROUND * 2);
  const start = Math.max(0, at - AROUND);
  const end = Math.min(flat.length, at + length + AROUND);
  return `${start > 0 ? '…' : ''}${flat.slice(start, at)}${SNIPPET_OPEN}${flat.slice(at, at + length)}${SNIPPET_CLOSE}${flat.slice(at + length, end)}${end < flat.length ? '…' : ''}`;
}
