import type { ServiceHandlers } from '../../shared/ipc/contract';
import { createRateLimit, rendererErrorEntry } from '../common/rendererErrors';
import type { ServiceKit } from './serviceKit';

/** Renderer errors a minute that reach the log; a loop of them is counted, not written. */
export const RENDERER_ERRORS_PER_MINUTE = 20;

/** The renderer's errors, to whichever log the transport keeps (the file, or stderr). */
export function logServices({ ctx, now }: ServiceKit): Pick<ServiceHandlers, 'log.rendererError'> {
  const limit = createRateLimit(RENDERER_ERRORS_PER_MINUTE);
  return {
    'log.rendererError': (report) => {
      if (!ctx.log) return { logged: false };
      const verdict = limit.take(now().getTime());
      if (!verdict.allowed) return { logged: false };
      ctx.log(rendererErrorEntry(report, verdict.dropped));
      return { logged: true };
    },
  };
}
