import { z } from 'zod';
import { LineTextSchema, MAX_LENGTH_SEC } from '../story/model';
import {
  BlockBudgetsSchema,
  PageSchema,
  RowLabelSchema,
  RundownSchema,
  type Rundown,
  type RundownRow,
} from './model';

/**
 * A show template: what a show is every day before the stories go in — its title, air time,
 * length, block budgets, and its breaks and standing items (HEADLINES, WEATHER, the breaks).
 */
export const TemplateRowSchema = z.strictObject({
  kind: z.enum(['break', 'item']),
  label: RowLabelSchema.pipe(z.string().min(1, 'a break or item needs a name')),
  estSec: z.int().min(0).max(MAX_LENGTH_SEC),
  page: PageSchema.nullable(),
  floated: z.boolean(),
  /** A hard hit, as an offset from on-air, so the template fits any air time. */
  hitOffsetSec: z
    .int()
    .min(0)
    .max(24 * 3600)
    .nullable(),
});
export type TemplateRow = z.infer<typeof TemplateRowSchema>;

export const TEMPLATE_NAME_CHARS = 80;
export const TemplateNameSchema = LineTextSchema.transform((s) => s.trim()).pipe(
  z
    .string()
    .min(1, 'a template needs a name')
    .max(TEMPLATE_NAME_CHARS, `a template name is ${TEMPLATE_NAME_CHARS} characters at most`),
);

export const ShowTemplateSchema = z.strictObject({
  name: TemplateNameSchema,
  title: RundownSchema.shape.title,
  onAirSec: RundownSchema.shape.onAirSec,
  lengthSec: RundownSchema.shape.lengthSec,
  blockBudgets: BlockBudgetsSchema,
  rows: z.array(TemplateRowSchema).max(200),
});
export type ShowTemplate = z.infer<typeof ShowTemplateSchema>;

/** The rows a new rundown starts with: the template's breaks and standing items. */
export function rowsFromTemplate(template: ShowTemplate, newId: () => string): RundownRow[] {
  return template.rows.map((row) => ({
    id: newId(),
    kind: row.kind,
    storyId: null,
    label: row.label,
    page: row.page,
    estSec: row.estSec,
    actualSec: null,
    floated: row.floated,
    hitSec: row.hitOffsetSec === null ? null : template.onAirSec + row.hitOffsetSec,
  }));
}

/**
 * A rundown kept as a template: everything but its stories. Story rows are left out (tomorrow's
 * show has other stories); breaks and items keep their names, lengths, pages and hits.
 */
export function templateFromRundown(name: string, rundown: Rundown): ShowTemplate {
  return {
    name,
    title: rundown.title,
    onAirSec: rundown.onAirSec,
    lengthSec: rundown.lengthSec,
    blockBudgets: rundown.blockBudgets,
    rows: rundown.rows.flatMap((row): TemplateRow[] =>
      row.kind === 'story'
        ? []
        : [
            {
              kind: row.kind,
              label: row.label,
              estSec: row.estSec ?? 0,
              page: row.page,
              floated: row.floated,
              hitOffsetSec: row.hitSec === null ? null : Math.max(0, row.hitSec - rundown.onAirSec),
            },
          ],
    ),
  };
}
