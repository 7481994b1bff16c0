const BAR_WIDTH = 30;

export type Progress = {
  /** `done` of the total are through this step ("Checked", "Imported"). */
  update(step: string, done: number): void;
  /** Ends the bar's line; plain lines need nothing. */
  finish(): void;
};

/**
 * Progress of a long job on stderr: a bar redrawn in place on a terminal, plain lines (one per
 * update) when stderr is a file or a pipe, where a bar would be noise.
 */
export function progressOnStderr(
  total: number,
  unit: string,
  io: { stderr: (s: string) => void; stderrIsTTY?: boolean },
): Progress {
  let drawn = false;
  const count = (n: number) => n.toLocaleString('en');
  return {
    update(step, done) {
      if (!io.stderrIsTTY) {
        io.stderr(`${step} ${count(done)} of ${count(total)} ${unit}\n`);
        return;
      }
      const filled = Math.round((done / total) * BAR_WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      io.stderr(`\r${step.padEnd(9)} ${bar} ${count(done)}/${count(total)} ${unit}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) io.stderr('\n');
      drawn = false;
    },
  };
}
