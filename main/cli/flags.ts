import { z } from 'zod';
import { UsageError } from './exitCodes';

/**
 * One command-line flag. Where the contract has a schema for the value, `schema` is that field,
 * so the help text (allowed values, ranges) and the check come from the contract.
 */
export type Flag<T = unknown> = {
  name: string;
  type: 'string' | 'boolean';
  /** May be given more than once (`--story A --story B`). */
  multiple?: boolean;
  short?: string;
  schema?: z.ZodType<T>;
  /** The value's name in the help where the schema does not tell: PATH, TEXT. */
  metavar?: string;
};

/** The schema under `.optional()` and `.default()`: what the value itself must be. */
function valueSchema(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

/** `storyBreak` → `story-break`. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** A flag whose value a contract schema checks; a boolean schema makes a switch. */
export function schemaFlag<S extends z.ZodType>(
  name: string,
  schema: S,
  metavar?: string,
): Flag<z.output<S>> {
  const type = valueSchema(schema) instanceof z.ZodBoolean ? 'boolean' : 'string';
  return { name, type, schema: schema as z.ZodType<z.output<S>>, metavar };
}

/** One flag per field of an object schema, named after the field unless `names` says. */
export function flagsFromShape<Shape extends Record<string, z.ZodType>>(
  shape: Shape,
  names: Partial<Record<keyof Shape, string>> = {},
  metavars: Partial<Record<keyof Shape, string>> = {},
): { [K in keyof Shape]: Flag<z.output<Shape[K]>> } {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [
      key,
      schemaFlag(names[key] ?? kebab(key), schema, metavars[key] ?? key.toUpperCase()),
    ]),
  ) as { [K in keyof Shape]: Flag<z.output<Shape[K]>> };
}

function range(schema: z.ZodNumber): string {
  const { minValue: min, maxValue: max } = schema;
  return min !== null && max !== null && Number.isSafeInteger(min) && Number.isSafeInteger(max)
    ? `${min}–${max}`
    : '';
}

/** How the help shows the flag's value: its allowed values, a range, or its name. */
export function valueHelp(flag: Flag): string {
  if (flag.type === 'boolean') return '';
  const inner = flag.schema ? valueSchema(flag.schema) : undefined;
  if (inner instanceof z.ZodEnum) return inner.options.join('|');
  if (inner instanceof z.ZodNumber) {
    const bounds = range(inner);
    return `${flag.metavar ?? 'N'}${bounds ? ` (${bounds})` : ''}`;
  }
  if ((inner as { format?: unknown }).format === 'date') return 'YYYY-MM-DD';
  return flag.metavar ?? flag.name.toUpperCase();
}

/** `--sort relevance|date`, `--caps`, `--story ID...` */
export function flagHelp(flag: Flag): string {
  const value = valueHelp(flag);
  return `--${flag.name}${value ? ` ${value}` : ''}${flag.multiple ? '...' : ''}`;
}

/** An enum value typed in any case, if only one allowed value matches it (`pkg` is PKG). */
function enumValue(options: readonly string[], raw: string): string {
  if (options.includes(raw)) return raw;
  const matches = options.filter((o) => o.toLowerCase() === raw.toLowerCase());
  return matches.length === 1 ? matches[0]! : raw;
}

function explain(what: string, inner: z.ZodType, error: z.ZodError): string {
  if (inner instanceof z.ZodEnum) {
    const options = inner.options as readonly string[];
    return options.length === 2
      ? `${what} is ${options[0]} or ${options[1]}`
      : `${what} is one of ${options.join(', ')}`;
  }
  if (inner instanceof z.ZodNumber) {
    const bounds = range(inner);
    return `${what} takes a whole number${bounds ? ` from ${bounds.replace('–', ' to ')}` : ''}`;
  }
  return `${what}: ${error.issues[0]?.message ?? 'not accepted'}`;
}

/** Checks a value typed on the command line against its schema; a usage error says why not. */
export function checkValue<T>(what: string, schema: z.ZodType<T>, raw: string | boolean): T {
  const inner = valueSchema(schema);
  let value: unknown = raw;
  if (typeof raw === 'string' && inner instanceof z.ZodNumber)
    value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (typeof raw === 'string' && inner instanceof z.ZodEnum)
    value = enumValue(inner.options as readonly string[], raw);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UsageError(explain(what, inner, result.error));
}

export type RawFlagValue = string | boolean | string[] | undefined;

/** A flag's value as the command needs it: checked by its schema, undefined when not given. */
export function flagValue<T>(flag: Flag<T>, raw: RawFlagValue): T | undefined {
  if (raw === undefined) return undefined;
  if (!flag.schema || Array.isArray(raw)) return raw as T;
  return checkValue(`--${flag.name}`, flag.schema, raw);
}

type ParseArgsOption = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

/** The options table node's parseArgs wants, from every command's flags. */
export function parseArgsOptions(flags: readonly Flag[]): Record<string, ParseArgsOption> {
  const options: Record<string, ParseArgsOption> = {};
  for (const flag of flags) {
    const option: ParseArgsOption = { type: flag.type };
    if (flag.multiple) option.multiple = true;
    if (flag.short) option.short = flag.short;
    const known = options[flag.name];
    if (known && JSON.stringify(known) !== JSON.stringify(option))
      throw new Error(`--${flag.name} is declared twice with different shapes`);
    options[flag.name] = option;
  }
  return options;
}
