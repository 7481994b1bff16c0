import type { ServiceHandlers } from '../../shared/ipc/contract';
import type { RundownDetail } from '../../shared/rundown/channels';
import { DAY_SEC } from '../../shared/rundown/clock';
import {
  budgetsText,
  recordedShowValue,
  type RundownHistoryEntry,
  type ShowFieldName,
} from '../../shared/rundown/history';
import {
  RundownSchema,
  storedEstSec,
  type Rundown,
  type RundownRow,
} from '../../shared/rundown/model';
import { moveRow, placeAfter, placeIndex } from '../../shared/rundown/rows';
import { rowsFromTemplate, templateFromRundown } from '../../shared/rundown/template';
import {
  addHistory,
  deleteRundown,
  deleteShowTemplate,
  getRundown,
  getShowTemplate,
  listHistory,
  listRundowns,
  listShowTemplates,
  putRundown,
  putShowTemplate,
  rowStories,
  rundownsHolding,
} from '../archive/rundowns';
import { getStory } from '../archive/stories';
import { ServiceError } from '../common/errors';
import { rundownRefusal } from '../../shared/newsroom/roles';
import type { ServiceKit } from './serviceKit';

type RundownChannels = Extract<
  keyof ServiceHandlers,
  `rundowns.${string}` | `showTemplates.${string}`
>;

type Change = Omit<RundownHistoryEntry, 'seq' | 'at' | 'author'>;

/** Shows: rundowns, their rows and templates. Every change is recorded with who and when. */
export function rundownServices({
  db,
  stamp,
  newId,
  author,
  changed,
  refuseUnlessAllowed,
  notify,
  write,
}: ServiceKit): Pick<ServiceHandlers, RundownChannels> {
  function detail(rundown: Rundown): RundownDetail {
    const ids = rundown.rows.flatMap((r) => (r.storyId === null ? [] : [r.storyId]));
    return { rundown, stories: rowStories(db, ids) };
  }

  function requireRundown(id: string): Rundown {
    const rundown = getRundown(db, id);
    if (!rundown)
      throw new ServiceError(
        'NOT_FOUND',
        'That rundown is not in the archive (it may have been deleted).',
      );
    return rundown;
  }

  function requireRow(rundown: Rundown, rowId: string): number {
    const index = rundown.rows.findIndex((r) => r.id === rowId);
    if (index < 0)
      throw new ServiceError(
        'NOT_FOUND',
        'That row is no longer in the rundown (someone may have removed it).',
      );
    return index;
  }

  function slugOf(row: RundownRow): string {
    if (row.storyId === null) return row.label;
    return getStory(db, row.storyId)?.slug || 'Untitled';
  }

  /**
   * Applies a change to a rundown in one write transaction: refused when it was made against an
   * older version, validated whole, stored, and recorded in the history.
   */
  function change(
    id: string,
    baseVersion: number | undefined,
    apply: (rundown: Rundown) => { rundown: Rundown; changes: Change[] },
  ): RundownDetail {
    refuseUnlessAllowed(rundownRefusal);
    return write(() => {
      const current = requireRundown(id);
      if (baseVersion !== undefined && baseVersion !== current.version)
        throw new ServiceError(
          'CONFLICT',
          `Someone changed “${current.title}” since you opened it: your change was not made. Look at the rundown again and redo it.`,
        );
      const { rundown, changes } = apply(current);
      // Nothing changed (a value set to what it was): no new version to store, send or show.
      if (changes.length === 0 && JSON.stringify(rundown) === JSON.stringify(current))
        return detail(current);
      const at = stamp(current.updatedAt);
      const next = RundownSchema.parse({
        ...rundown,
        updatedAt: at,
        version: current.version + 1,
      });
      putRundown(db, next);
      for (const c of changes) addHistory(db, id, { ...c, at, author: author() });
      notify({ kind: 'rundown', id, action: 'saved' });
      return detail(next);
    });
  }

  function requireStoryFor(storyId: string): void {
    if (!getStory(db, storyId))
      throw new ServiceError(
        'NOT_FOUND',
        'That story is not in the archive (it may have been deleted).',
      );
  }

  return {
    'rundowns.list': (range) => listRundowns(db, range),

    'rundowns.get': ({ id }) => detail(requireRundown(id)),

    'rundowns.create': (input) => {
      refuseUnlessAllowed(rundownRefusal);
      const template = input.template === undefined ? null : getShowTemplate(db, input.template);
      if (input.template !== undefined && !template)
        throw new ServiceError('NOT_FOUND', `There is no show template named “${input.template}”.`);
      const onAirSec = input.onAirSec ?? template?.onAirSec;
      if (onAirSec === undefined)
        throw new ServiceError(
          'INVALID_INPUT',
          'Give the show an on-air time (or a template that has one).',
        );
      let lengthSec = input.lengthSec ?? template?.lengthSec;
      if (input.offAirSec !== undefined) {
        if (input.lengthSec !== undefined)
          throw new ServiceError(
            'INVALID_INPUT',
            'Give either an off-air time or a length, not both.',
          );
        lengthSec = (input.offAirSec - onAirSec + DAY_SEC) % DAY_SEC || DAY_SEC;
      }
      if (lengthSec === undefined)
        throw new ServiceError(
          'INVALID_INPUT',
          'Give the show an off-air time or a length (or a template that has one).',
        );
      const title = input.title ?? template?.title;
      if (!title)
        throw new ServiceError(
          'INVALID_INPUT',
          'Give the rundown a title (or a template that has one).',
        );
      const at = stamp();
      const rows = template ? rowsFromTemplate({ ...template, onAirSec }, newId) : [];
      const rundown = RundownSchema.parse({
        id: newId(),
        title,
        airDate: input.airDate,
        onAirSec,
        lengthSec,
        blockBudgets: template?.blockBudgets ?? {},
        rows,
        createdAt: at,
        updatedAt: at,
        version: 0,
      });
      write(() => {
        putRundown(db, rundown);
        addHistory(db, rundown.id, {
          at,
          author: author(),
          action: 'created',
          rowId: null,
          detail: { to: template?.name ?? '' },
        });
        notify({ kind: 'rundown', id: rundown.id, action: 'saved' });
      });
      return detail(rundown);
    },

    'rundowns.update': ({ id, baseVersion, ...fields }) =>
      change(id, baseVersion, (rundown) => {
        // Budgets are the same whatever order their blocks come in.
        const text = (k: keyof typeof fields, v: unknown) =>
          k === 'blockBudgets' ? budgetsText(v as Rundown['blockBudgets']) : JSON.stringify(v);
        const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
          (k) => fields[k] !== undefined && text(k, fields[k]) !== text(k, rundown[k]),
        );
        const names = {
          title: 'title',
          airDate: 'air date',
          onAirSec: 'on-air time',
          lengthSec: 'length',
          blockBudgets: 'block budgets',
        } as const satisfies Record<keyof typeof fields, ShowFieldName>;
        const next: Rundown = {
          ...rundown,
          ...Object.fromEntries(changed.map((k) => [k, fields[k]])),
        };
        return {
          rundown: next,
          // The values before and after, so that the history says them and a clash with
          // another desk's change to the same detail can be found.
          changes: changed.map((k) => ({
            action: 'edited' as const,
            rowId: null,
            detail: {
              field: names[k],
              from: recordedShowValue(rundown, names[k]),
              to: recordedShowValue(next, names[k]),
            },
          })),
        };
      }),

    'rundowns.delete': ({ id }) => {
      refuseUnlessAllowed(rundownRefusal);
      if (!deleteRundown(db, id))
        throw new ServiceError('NOT_FOUND', 'That rundown is not in the archive.');
      notify({ kind: 'rundown', id, action: 'deleted' });
      return { id };
    },

    'rundowns.addRow': ({ id, baseVersion, at, after, row: input }) => {
      const rowId = input.id ?? newId();
      if (input.kind === 'story') {
        if (input.storyId === undefined)
          throw new ServiceError('INVALID_INPUT', 'Say which story to add to the rundown.');
        requireStoryFor(input.storyId);
      } else if (input.storyId !== undefined) {
        throw new ServiceError('INVALID_INPUT', `A ${input.kind} has no story.`);
      }
      if (input.kind !== 'story' && !input.label)
        throw new ServiceError('INVALID_INPUT', `Give the ${input.kind} a name.`);
      const detailOut = change(id, baseVersion, (rundown) => {
        if (rundown.rows.some((r) => r.id === rowId))
          throw new ServiceError('CONFLICT', 'That row is already in the rundown.');
        const row: RundownRow = {
          id: rowId,
          kind: input.kind,
          storyId: input.storyId ?? null,
          label: input.kind === 'story' ? '' : (input.label ?? ''),
          page: input.page ?? null,
          estSec: storedEstSec(input.kind, input.estSec),
          actualSec: input.actualSec ?? null,
          floated: input.floated ?? false,
          hitSec: input.hitSec ?? null,
        };
        const index = placeIndex(rundown.rows, after, at ?? rundown.rows.length);
        const rows = [...rundown.rows];
        rows.splice(index, 0, row);
        return {
          rundown: { ...rundown, rows },
          changes: [{ action: 'added', rowId, detail: { slug: slugOf(row), to: index + 1 } }],
        };
      });
      return { ...detailOut, rowId };
    },

    'rundowns.moveRow': ({ id, baseVersion, rowId, to, after }) =>
      change(id, baseVersion, (rundown) => {
        const from = requireRow(rundown, rowId);
        const row = rundown.rows[from]!;
        const rows =
          after === undefined
            ? moveRow(rundown.rows, rowId, to)
            : placeAfter(rundown.rows, rowId, after, to);
        const index = rows.indexOf(row);
        return {
          rundown: { ...rundown, rows },
          changes:
            index === from
              ? []
              : [
                  {
                    action: 'moved',
                    rowId,
                    detail: { slug: slugOf(row!), from: from + 1, to: index + 1 },
                  },
                ],
        };
      }),

    'rundowns.setRow': ({ id, baseVersion, rowId, ...fields }) =>
      change(id, baseVersion, (rundown) => {
        const index = requireRow(rundown, rowId);
        const row = rundown.rows[index]!;
        if (fields.label !== undefined && row.kind === 'story')
          throw new ServiceError(
            'INVALID_INPUT',
            'A story row is named by its story’s slug: change the slug in the story.',
          );
        if (fields.label !== undefined && fields.label === '')
          throw new ServiceError('INVALID_INPUT', `Give the ${row.kind} a name.`);
        const next: RundownRow = { ...row };
        const changes: Change[] = [];
        const slug = slugOf(row);
        if (fields.floated !== undefined && fields.floated !== row.floated) {
          next.floated = fields.floated;
          changes.push({
            action: fields.floated ? 'floated' : 'unfloated',
            rowId,
            detail: { slug },
          });
        }
        const simple = [
          ['hitSec', 'hit'],
          ['actualSec', 'actual'],
          ['estSec', 'estimate'],
          ['page', 'page'],
          ['label', 'label'],
        ] as const;
        for (const [key, action] of simple) {
          const value =
            key === 'estSec' && fields.estSec !== undefined
              ? storedEstSec(row.kind, fields.estSec)
              : fields[key];
          if (value === undefined || value === row[key]) continue;
          (next as Record<typeof key, unknown>)[key] = value;
          changes.push({ action, rowId, detail: { slug, from: row[key], to: value } });
        }
        const rows = [...rundown.rows];
        rows[index] = next;
        return { rundown: { ...rundown, rows }, changes };
      }),

    'rundowns.removeRow': ({ id, baseVersion, rowId }) =>
      change(id, baseVersion, (rundown) => {
        const index = requireRow(rundown, rowId);
        const row = rundown.rows[index]!;
        return {
          rundown: { ...rundown, rows: rundown.rows.filter((r) => r.id !== rowId) },
          changes: [{ action: 'removed', rowId, detail: { slug: slugOf(row), from: index + 1 } }],
        };
      }),

    'rundowns.history': ({ id }) => {
      requireRundown(id);
      return listHistory(db, id);
    },

    'rundowns.holding': ({ storyId }) => rundownsHolding(db, storyId),

    'showTemplates.list': () => listShowTemplates(db),

    'showTemplates.save': (template) => {
      refuseUnlessAllowed(rundownRefusal);
      db.transaction(() => putShowTemplate(db, template, stamp())).immediate();
      changed('showTemplate', template.name);
      return template;
    },

    'showTemplates.fromRundown': ({ id, name }) => {
      refuseUnlessAllowed(rundownRefusal);
      const template = templateFromRundown(name, requireRundown(id));
      db.transaction(() => putShowTemplate(db, template, stamp())).immediate();
      changed('showTemplate', template.name);
      return template;
    },

    'showTemplates.delete': ({ name }) => {
      refuseUnlessAllowed(rundownRefusal);
      if (!deleteShowTemplate(db, name))
        throw new ServiceError('NOT_FOUND', `There is no show template named “${name}”.`);
      changed('showTemplate', name);
      return { name };
    },
  };
}
