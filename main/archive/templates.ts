import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { BlockSchema, STORY_FORMATS, type Block, type StoryFormat } from '../../shared/story/model';
import { DEFAULT_TEMPLATES } from '../../shared/story/templates';
import { ArchiveError } from './errors';

export type Template = { format: StoryFormat; body: Block[]; custom: boolean };

type TemplateRow = { format: string; body_json: string };

/** The template of every format: the user's own where there is one, the built-in default otherwise. */
export function listTemplates(db: Database): Template[] {
  const rows = db.prepare('SELECT format, body_json FROM templates').all() as TemplateRow[];
  const custom = new Map(rows.map((r) => [r.format, r.body_json]));
  return STORY_FORMATS.map((format) => {
    const json = custom.get(format);
    if (json === undefined) return { format, body: [...DEFAULT_TEMPLATES[format]], custom: false };
    const parsed = z.array(BlockSchema).safeParse(JSON.parse(json));
    if (!parsed.success)
      throw new ArchiveError(
        'ARCHIVE_CORRUPT',
        `The stored ${format} template does not match the story model.`,
      );
    return { format, body: parsed.data, custom: true };
  });
}

export function getTemplate(db: Database, format: StoryFormat): Block[] {
  return listTemplates(db).find((t) => t.format === format)!.body;
}

export function saveTemplate(
  db: Database,
  format: StoryFormat,
  body: readonly Block[],
  at: string,
): void {
  db.prepare(
    `INSERT INTO templates (format, body_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (format) DO UPDATE SET body_json = excluded.body_json, updated_at = excluded.updated_at`,
  ).run(format, JSON.stringify(body), at);
}

export function resetTemplate(db: Database, format: StoryFormat): void {
  db.prepare('DELETE FROM templates WHERE format = ?').run(format);
}
