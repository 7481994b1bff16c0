import { z } from 'zod';
import { CUE_STYLES, DEFAULT_EXPORT_OPTIONS, type PrompterOptions } from '../export/options';
import {
  DEFAULT_GAMEPAD_MAPPING,
  DEFAULT_MIDI_MAPPING,
  GamepadMappingSchema,
  MidiMappingSchema,
} from './controllers';
import { MAX_WPM, MIN_WPM } from './motion';

export const PROMPTER_THEMES = {
  dark: 'White on black',
  contrast: 'High contrast',
  light: 'Black on white',
} as const;
export type PrompterTheme = keyof typeof PROMPTER_THEMES;

/**
 * How this prompter looks and answers, kept per machine (the prompter rig is a machine, not a
 * person). Every field has a default, so settings kept by an older version fill in what they lack.
 */
export const PrompterPrefsSchema = z.strictObject({
  /** The talent output's type size, in CSS pixels. */
  fontSize: z.int().min(16).max(240).default(72),
  /** The operator's preview of the same text. */
  previewFontSize: z.int().min(10).max(80).default(26),
  lineHeight: z.number().min(1).max(2.5).default(1.35),
  /** Left and right margins, each a percentage of the width. */
  margin: z.int().min(0).max(40).default(8),
  theme: z
    .enum(Object.keys(PROMPTER_THEMES) as [PrompterTheme, ...PrompterTheme[]])
    .default('dark'),
  /** The reading line (eye-line marker), a percentage of the height from the top. */
  readingLine: z.int().min(5).max(90).default(33),
  mirrorH: z.boolean().default(false),
  mirrorV: z.boolean().default(false),
  caps: z.boolean().default(false),
  /** Production cues: prompters usually hide them. */
  cues: z.enum(CUE_STYLES).default('hidden'),
  instructions: z.enum(['reverse', 'red']).default('reverse'),
  /** Keys 1–9. */
  presets: z
    .array(z.int().min(MIN_WPM).max(MAX_WPM))
    .length(9)
    .default([100, 120, 140, 160, 180, 200, 220, 240, 260]),
  gamepad: GamepadMappingSchema.default(DEFAULT_GAMEPAD_MAPPING),
  midi: MidiMappingSchema.default(DEFAULT_MIDI_MAPPING),
  /** The desktop app's remote-control port (0: any free port, chosen when the prompter opens). */
  remotePort: z.int().min(0).max(65535).default(0),
});
export type PrompterPrefs = z.output<typeof PrompterPrefsSchema>;
export const DEFAULT_PROMPTER_PREFS: PrompterPrefs = PrompterPrefsSchema.parse({});

/** Stored preferences, field by field: a damaged or outdated field falls back to its default. */
export function readPrefs(stored: unknown): PrompterPrefs {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_PROMPTER_PREFS;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in PrompterPrefsSchema.shape)) continue;
    const field = PrompterPrefsSchema.shape[key as keyof PrompterPrefs].safeParse(value);
    if (field.success) kept[key] = field.data;
  }
  return PrompterPrefsSchema.parse(kept);
}

/** The prompter conventions of the exports, as this prompter shows them. */
export function prefsOptions(prefs: PrompterPrefs): PrompterOptions {
  return {
    ...DEFAULT_EXPORT_OPTIONS,
    cues: prefs.cues,
    instructions: prefs.instructions,
    allCaps: prefs.caps,
  };
}
