/**
 * "count/total" progress on an interactive terminal, rewritten in place; silent in CI, in pipes
 * and in tests, where only the final lines matter.
 */
export function progress(label: string, total: number): { tick(detail?: string): void; done(): void } {
  const live = Boolean(process.stderr.isTTY) && !process.env.CI;
  let count = 0;
  return {
    tick(detail = '') {
      count++;
      if (live) process.stderr.write(`\r\x1b[2K${label} ${count}/${total}${detail ? ` ${detail}` : ''}`);
    },
    done() {
      if (live) process.stderr.write('\r\x1b[2K');
    },
  };
}
