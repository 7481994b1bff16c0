import { randomUUID } from 'node:crypto';
import type {
  HubMessage,
  OperatorMessage,
  PrompterState,
  RemoteCommand,
} from '../../shared/prompter/remote';

/**
 * The relay between the prompter and its remote controls. The prompter runs in the operator's
 * window (it owns the text, the position and the clock); remote clients — a Stream Deck, a
 * second operator, a script — send commands here, which go to that window, and the window's
 * answer (its new state) comes back to them. Only the window that opened last is driven: an
 * operator who reopens the prompter takes the controls with them.
 */
export type CommandOutcome = { ok: boolean; message?: string; state: PrompterState };

export class NoPrompterError extends Error {
  constructor() {
    super('No prompter is open: open a rundown’s prompter in Copydesk first.');
  }
}

export type OperatorSession = {
  receive(message: Exclude<OperatorMessage, { type: 'hello' }>): void;
  detach(): void;
};

export type PrompterHub = {
  /** An operator's window joins; `send` reaches it. */
  attach(send: (message: HubMessage) => void): OperatorSession;
  /** Passes a command to the prompter and waits for what it did. */
  command(command: RemoteCommand): Promise<CommandOutcome>;
  /** The prompter's last reported state; null when none is open. */
  state(): PrompterState | null;
  /** Called with every state the prompter reports, and with null when it closes. */
  subscribe(listener: (state: PrompterState | null) => void): () => void;
};

type Operator = { send: (message: HubMessage) => void; state: PrompterState | null };

export function createPrompterHub(options: { timeoutMs?: number } = {}): PrompterHub {
  const timeoutMs = options.timeoutMs ?? 3000;
  const operators: Operator[] = [];
  const listeners = new Set<(state: PrompterState | null) => void>();
  const pending = new Map<
    string,
    { resolve: (o: CommandOutcome) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();
  const active = () => operators[operators.length - 1] ?? null;
  const tell = (state: PrompterState | null) => listeners.forEach((l) => l(state));

  return {
    attach(send) {
      const operator: Operator = { send, state: null };
      operators.push(operator);
      return {
        receive(message) {
          operator.state = message.state;
          if (message.type === 'done') {
            const waiting = pending.get(message.id);
            if (waiting) {
              pending.delete(message.id);
              clearTimeout(waiting.timer);
              waiting.resolve({
                ok: message.ok,
                state: message.state,
                ...(message.message !== undefined && { message: message.message }),
              });
            }
          }
          if (operator === active()) tell(operator.state);
        },
        detach() {
          const i = operators.indexOf(operator);
          if (i < 0) return;
          const wasActive = operator === active();
          operators.splice(i, 1);
          if (wasActive) tell(active()?.state ?? null);
        },
      };
    },

    command(command) {
      const operator = active();
      if (!operator?.state) return Promise.reject(new NoPrompterError());
      if (command.type === 'state') return Promise.resolve({ ok: true, state: operator.state });
      const id = randomUUID();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error('The prompter did not answer in time (is its window still open?).'));
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        operator.send({ type: 'command', id, command });
      });
    },

    state: () => active()?.state ?? null,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
