import { mergeTags, MAX_TAGS, type Block, type Story } from '../story/model';
import type { ParsedScript } from './scriptText';
import { foldCase } from '../text/foldCase';

/** The story fields a script can set besides its body. */
export type ScriptMeta = Pick<Story, 'slug' | 'format' | 'presenter' | 'reporter' | 'tags'>;

/**
 * Where a script lands: `whole` when it becomes the story's whole body (a file import, a paste
 * into a story with nothing written yet, a paste over everything), `insert` when it goes into a
 * story that already has copy.
 */
export type ScriptScope = 'whole' | 'insert';

export const EMPTY_SCRIPT_META: ScriptMeta = {
  slug: '',
  format: 'READER',
  presenter: '',
  reporter: '',
  tags: [],
};

/**
 * How a script's metadata merges into a story: the one rule for an imported file and a paste.
 * Tags are added (without case, up to the model's limit); slug, presenter and reporter fill only
 * fields that are empty, so nothing a person typed is overwritten. A script that becomes the whole
 * story brings its format (stated or recognised); one inserted into copy changes the format only
 * of a plain READER, and only to what the script states or holds (a package, a bite). Header
 * lines (`SLUG:`, `FORMAT:`…) are metadata wherever the script lands, never read text.
 * Returns only the fields that change.
 */
export function scriptMetaPatch(
  current: ScriptMeta,
  script: ParsedScript,
  scope: ScriptScope,
): Partial<ScriptMeta> {
  const patch: Partial<ScriptMeta> = {};
  const tags = mergeTags(current.tags, script.tags).slice(
    0,
    Math.max(MAX_TAGS, current.tags.length),
  );
  if (tags.length !== current.tags.length) patch.tags = tags;
  const slugWanted = scope === 'whole' || script.statedSlug || script.body.length > 1;
  if (!current.slug.trim() && script.slug && slugWanted) patch.slug = script.slug;
  if (!current.presenter.trim() && script.presenter) patch.presenter = script.presenter;
  if (!current.reporter.trim() && script.reporter) patch.reporter = script.reporter;
  const format =
    scope === 'whole'
      ? script.format
      : current.format === 'READER' && script.format !== 'READER'
        ? script.format
        : current.format;
  if (format !== current.format) patch.format = format;
  return patch;
}

/** A story made from a script alone (a file import): the same rule, on an empty story. */
export function scriptStoryFields(script: ParsedScript): ScriptMeta & { body: Block[] } {
  return {
    ...EMPTY_SCRIPT_META,
    ...scriptMetaPatch(EMPTY_SCRIPT_META, script, 'whole'),
    body: script.body,
  };
}

/**
 * Taking a merge back (undo) or doing it again (redo): each field the merge set goes back to what
 * it was, but only while it still holds what the merge put there; tags the merge added are
 * removed (or added again) one by one, so tags a person added since stay.
 */
export function revertScriptMeta(
  current: ScriptMeta,
  before: ScriptMeta,
  patch: Partial<ScriptMeta>,
): Partial<ScriptMeta> {
  return swapMeta(current, patch, before);
}

export function reapplyScriptMeta(
  current: ScriptMeta,
  before: ScriptMeta,
  patch: Partial<ScriptMeta>,
): Partial<ScriptMeta> {
  return swapMeta(current, before, patch);
}

function swapMeta(
  current: ScriptMeta,
  from: Partial<ScriptMeta>,
  to: Partial<ScriptMeta>,
): Partial<ScriptMeta> {
  const out: Partial<ScriptMeta> = {};
  for (const key of ['slug', 'format', 'presenter', 'reporter'] as const) {
    const target = to[key];
    if (target === undefined || from[key] === undefined || current[key] !== from[key]) continue;
    if (target !== current[key]) Object.assign(out, { [key]: target });
  }
  if (from.tags && to.tags) {
    const fold = foldCase;
    const fromKeys = new Set(from.tags.map(fold));
    const toKeys = new Set(to.tags.map(fold));
    // Tags in `from` but not in `to` leave; tags in `to` but not `from` come (back).
    const kept = current.tags.filter((t) => !(fromKeys.has(fold(t)) && !toKeys.has(fold(t))));
    const tags = mergeTags(
      kept,
      to.tags.filter((t) => !fromKeys.has(fold(t))),
    );
    if (tags.length !== current.tags.length || tags.some((t, i) => t !== current.tags[i]))
      out.tags = tags;
  }
  return out;
}
