import type { z } from 'zod';
import type { RendererErrorSchema } from '../../shared/ipc/contract';
import { summarizeParts } from './scrub';

type Report = z.output<typeof RendererErrorSchema>;

const COMPONENT_FRAMES = 8;

/** A renderer error as one log entry: scrubbed like main's own errors (see scrub.ts). */
export function rendererErrorEntry(report: Report, dropped = 0): string {
  const lines = [
    `renderer ${report.source}: ${summarizeParts({
      name: report.name || 'Error',
      message: report.message,
      stack: report.stack,
    })}`,
  ];
  const components = summarizeParts({ name: '', message: '', stack: report.componentStack })
    .split('\n')
    .slice(1, 1 + COMPONENT_FRAMES);
  if (components.length > 0) lines.push('  while drawing:', ...components);
  if (dropped > 0)
    lines.push(
      `  (${dropped} more renderer ${dropped === 1 ? 'error was' : 'errors were'} not logged: too many at once)`,
    );
  return lines.join('\n');
}

/**
 * At most `perMinute` entries in any minute-long window that starts with the first one; the
 * rest are counted, and the next entry let through says how many were left out. A renderer in
 * an error loop must not fill the disk or drown main's own errors.
 */
export function createRateLimit(perMinute: number) {
  let windowStart = Number.NEGATIVE_INFINITY;
  let taken = 0;
  let dropped = 0;
  return {
    /** Whether an entry may be written at `now` (ms), and how many were dropped before it. */
    take(now: number): { allowed: true; dropped: number } | { allowed: false } {
      if (now - windowStart >= 60_000) {
        windowStart = now;
        taken = 0;
      }
      if (taken >= perMinute) {
        dropped++;
        return { allowed: false };
      }
      taken++;
      const before = dropped;
      dropped = 0;
      return { allowed: true, dropped: before };
    },
  };
}
