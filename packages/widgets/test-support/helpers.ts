import { waitUntil } from '@open-wc/testing';

export const SAMPLE_FEED = '/examples/feed/manifest.json';

/** The element's shadow root, typed. */
export function shadow(element: Element): ShadowRoot {
  return element.shadowRoot!;
}

export function $(element: Element, selector: string): HTMLElement | null {
  return shadow(element).querySelector<HTMLElement>(selector);
}

export function $$(element: Element, selector: string): HTMLElement[] {
  return [...shadow(element).querySelectorAll<HTMLElement>(selector)];
}

/**
 * Waits until the widget has loaded its feed (or failed to), a finder every service of it, and a
 * helpdesk card the reference data it answers from.
 */
export async function loaded(element: Element): Promise<void> {
  const widget = element as unknown as {
    feedState: { status: string };
    directory?: { complete: boolean };
    reference?: unknown;
    /** The helpdesk card: a place to look up, and the look-up's code, loaded when there is one. */
    place?: string;
    findHelpdesk?: unknown;
    lookUpUnavailable?: boolean;
    updateComplete: Promise<unknown>;
  };
  const done = () =>
    widget.feedState.status !== 'loading' &&
    (widget.feedState.status !== 'ready' || widget.directory === undefined || widget.directory.complete) &&
    (!('reference' in widget) || widget.reference !== undefined) &&
    (!widget.place || widget.findHelpdesk !== undefined || widget.lookUpUnavailable === true);
  await waitUntil(done, 'the widget did not finish loading', { timeout: 10_000 });
  await widget.updateComplete;
}

/** Captures files the widget offers for download. */
export function captureDownloads(): { files: { name: string; type: string; text: Promise<string> }[]; restore(): void } {
  const files: { name: string; type: string; text: Promise<string> }[] = [];
  const originalCreate = URL.createObjectURL;
  const originalClick = HTMLAnchorElement.prototype.click;
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = originalCreate.call(URL, blob);
    blobs.set(url, blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob && this.download) files.push({ name: this.download, type: blob.type, text: blob.text() });
    else originalClick.call(this);
  };
  return {
    files,
    restore() {
      URL.createObjectURL = originalCreate;
      HTMLAnchorElement.prototype.click = originalClick;
    },
  };
}

/** Resolves with the next event of that name. */
export function nextEvent<T = unknown>(target: EventTarget, name: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(name, (event) => resolve(event as CustomEvent<T>), { once: true }));
}
