import { z } from 'zod';
import { DEFAULT_READ_RATES, type TimingSettings } from './story/timing';
import { foldCase } from './text/foldCase';
import { lineInput } from './text/lineInput';

const rate = (min: number, max: number) => z.number().min(min).max(max);

export const ReadRatesSchema = z.strictObject({
  wordsPerMinute: rate(60, 400),
  hangulSyllablesPerMinute: rate(100, 800),
  cjkCharactersPerMinute: rate(100, 800),
});

export const PresenterSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  rates: ReadRatesSchema,
});
export type Presenter = z.infer<typeof PresenterSchema>;

/** The archive's settings: the user's name (for reviews), default read rates and the presenters. */
export const SettingsSchema = z
  .strictObject({
    displayName: z.string().trim().max(80).default(''),
    defaults: ReadRatesSchema.default(DEFAULT_READ_RATES),
    presenters: z.array(PresenterSchema).max(200).default([]),
    /**
     * A one-person desk: the person who wrote or last changed a story may approve it too. Off by
     * default, so that a second pair of eyes reads every script before it airs.
     */
    allowSelfApproval: z.boolean().default(false),
    /** Automatic backups beside the archive: how often, and how many to keep. */
    backups: z
      .strictObject({
        everyMinutes: z
          .int()
          .min(5)
          .max(24 * 60),
        keep: z.int().min(1).max(200),
      })
      .default({ everyMinutes: 30, keep: 10 }),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    for (const p of s.presenters) {
      const key = foldCase(p.name);
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', message: `“${p.name}” is in the presenter list twice` });
      seen.add(key);
    }
  });
export type Settings = z.output<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

export function timingSettings(settings: Settings): TimingSettings {
  return {
    defaults: settings.defaults,
    presenters: Object.fromEntries(settings.presenters.map((p) => [p.name, p.rates])),
  };
}

export const PronouncerEntrySchema = z.strictObject({
  term: z.string().trim().min(1).max(120),
  phonetic: z.string().trim().min(1).max(120),
});
export type PronouncerEntry = z.infer<typeof PronouncerEntrySchema> & { updatedAt?: string };

/**
 * A dictionary line as a desk saves it: control characters (a tab pasted in) become spaces, as a
 * story's runs need. Only new entries are folded: entries already stored, and those other desks
 * send, keep their key as it is.
 */
const typedPronouncerText = z.string().transform(lineInput).pipe(z.string().trim().min(1).max(120));
export const PronouncerInputSchema = z.strictObject({
  term: typedPronouncerText,
  phonetic: typedPronouncerText,
});
