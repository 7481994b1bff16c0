import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScriptText } from './scriptText';
import {
  EMPTY_SCRIPT_META,
  reapplyScriptMeta,
  revertScriptMeta,
  scriptMetaPatch,
  scriptStoryFields,
  type ScriptMeta,
} from './scriptMerge';
import { MAX_TAGS } from '../story/model';

const harbor = parseScriptText(
  readFileSync(new URL('../../fixtures/harbor-bridge.txt', import.meta.url), 'utf8'),
);
const meta = (m: Partial<ScriptMeta> = {}): ScriptMeta => ({ ...EMPTY_SCRIPT_META, ...m });

describe('one rule for a script’s metadata, for import and paste', () => {
  it('a whole script on an empty story gives what the import gives', () => {
    const fields = scriptStoryFields(harbor);
    expect(fields).toMatchObject({
      slug: 'HARBOR BRIDGE',
      format: 'PKG',
      reporter: 'Park Ji-won',
      presenter: '',
      tags: ['transport', 'HarborBridge', 'infrastructure'],
    });
    expect(fields.body).toBe(harbor.body);
    // A new story's chosen format gives way to the script's, as in an import.
    const { body: _, ...fieldMeta } = fields;
    const onNew = meta({ format: 'VO' });
    expect({ ...onNew, ...scriptMetaPatch(onNew, harbor, 'whole') }).toEqual(fieldMeta);
  });

  it('never overwrites what a person typed; adds tags without case duplicates', () => {
    const current = meta({ slug: 'MY SLUG', reporter: 'Lee Jun', tags: ['Transport', 'local'] });
    const patch = scriptMetaPatch(current, harbor, 'insert');
    expect(patch).toEqual({
      tags: ['Transport', 'local', 'HarborBridge', 'infrastructure'],
      format: 'PKG',
    });
  });

  it('into copy, a one-line script brings no slug; a stated SLUG line does', () => {
    const oneLine = parseScriptText('A sentence pasted into the middle.');
    expect(scriptMetaPatch(meta(), oneLine, 'insert')).toEqual({});
    const stated = parseScriptText('SLUG: COUNCIL VOTE\nThe council voted.');
    expect(scriptMetaPatch(meta(), stated, 'insert')).toEqual({ slug: 'COUNCIL VOTE' });
    // A format other than READER is kept when copy is inserted.
    expect(scriptMetaPatch(meta({ format: 'VO' }), harbor, 'insert').format).toBeUndefined();
  });

  it('keeps to the model’s tag limit', () => {
    const many = parseScriptText(
      `Copy.\n${Array.from({ length: 40 }, (_, i) => `#tag${i}`).join(' ')}`,
    );
    expect(scriptStoryFields(many).tags).toHaveLength(MAX_TAGS);
  });
});

describe('taking a merge back and doing it again', () => {
  it('undo removes exactly what the paste set; redo sets it again', () => {
    const before = meta({ tags: ['local'] });
    const patch = scriptMetaPatch(before, harbor, 'whole');
    const after = { ...before, ...patch };
    const reverted = { ...after, ...revertScriptMeta(after, before, patch) };
    expect(reverted).toEqual(before);
    expect({ ...reverted, ...reapplyScriptMeta(reverted, before, patch) }).toEqual(after);
  });

  it('keeps what a person changed after the paste', () => {
    const before = meta();
    const patch = scriptMetaPatch(before, harbor, 'whole');
    const edited = { ...before, ...patch, slug: 'BRIDGE SHUT', tags: [...patch.tags!, 'mine'] };
    expect(revertScriptMeta(edited, before, patch)).toEqual({
      format: 'READER',
      reporter: '',
      tags: ['mine'],
    });
  });

  it('undo then redo is the identity for any script and story', () => {
    const text = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\n\r#,]/g, ''));
    fc.assert(
      fc.property(
        fc.record({
          slug: text,
          presenter: text,
          reporter: text,
          tags: fc.uniqueArray(fc.stringMatching(/^[a-zA-Z]{1,6}$/), {
            maxLength: 5,
            selector: (t) => t.toLowerCase(),
          }),
        }),
        fc.array(fc.stringMatching(/^[a-zA-Z]{1,6}$/), { maxLength: 6 }),
        fc.constantFrom('whole' as const, 'insert' as const),
        (m, hashtags, scope) => {
          const before = meta(m);
          const script = parseScriptText(
            `SLUG: PASTED\nREPORTER: Kim\nCopy line one.\nCopy line two.\n${hashtags.map((h) => `#${h}`).join(' ')}`,
          );
          const patch = scriptMetaPatch(before, script, scope);
          const after = { ...before, ...patch };
          const undone = { ...after, ...revertScriptMeta(after, before, patch) };
          expect(undone).toEqual(before);
          expect({ ...undone, ...reapplyScriptMeta(undone, before, patch) }).toEqual(after);
        },
      ),
    );
  });
});
