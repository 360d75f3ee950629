/** How long work may run before it lets the page answer a click or a key: well under the 50 ms of a long task. */
export const SLICE_MS = 8;

/** When our work last gave the page its turn: every job of the SDK shares one slice. */
let lastTurn = 0;

/**
 * Lets the page breathe between slices of a long job: `scheduler.yield()` where the browser has
 * it (the job keeps its place in line), a new task otherwise.
 */
export async function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  await (scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0)));
  lastTurn = performance.now();
}

/** True when the work since the page last had its turn has used up a slice. */
export function sliceIsOver(): boolean {
  return performance.now() - lastTurn > SLICE_MS;
}

/**
 * Calls `work` for each item, giving the page its turn whenever a slice is used up (counting the
 * work done before it in the same task).
 *
 * @example
 * await inSlices(records, (record) => index.add(record));
 */
export async function inSlices<T>(items: readonly T[], work: (item: T, index: number) => void, signal?: AbortSignal): Promise<void> {
  for (let index = 0; index < items.length; index++) {
    if (sliceIsOver()) {
      await yieldToPage();
      signal?.throwIfAborted();
    }
    work(items[index]!, index);
  }
}
