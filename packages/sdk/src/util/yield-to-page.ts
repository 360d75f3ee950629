/** How long work may run before it lets the page answer a click or a key: well under the 50 ms of a long task. */
export const SLICE_MS = 8;

/**
 * Lets the page breathe between slices of a long job: `scheduler.yield()` where the browser has
 * it (the job keeps its place in line), a new task otherwise.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Calls `work` for each item, yielding to the page whenever a slice has run for SLICE_MS.
 *
 * @example
 * await inSlices(records, (record) => index.add(record));
 */
export async function inSlices<T>(items: readonly T[], work: (item: T, index: number) => void, signal?: AbortSignal): Promise<void> {
  let sliceStart = performance.now();
  for (let index = 0; index < items.length; index++) {
    work(items[index]!, index);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}
