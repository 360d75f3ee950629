import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The page address's parameter of a shared selection: the ids, comma-separated. */
export const SELECTION_PARAM = 'brusano-selection';
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** More than this fits no handout: the rest of a link is left aside. */
export const MAX_SELECTED = 30;
const MAX_NOTE = 1_000;

/** The ids a text names, in order, each once, only those that can be ids. */
export function selectionIds(text: string | null | undefined): string[] {
  return [...new Set((text ?? '').split(',').map((id) => id.trim()).filter((id) => ID.test(id)))].slice(0, MAX_SELECTED);
}

/**
 * "Ma sélection": the services a person picked, and a note, kept on this device only
 * (localStorage, under one key per feed) and sent nowhere; and a selection opened from a shared
 * link, which is shown as it is and does not replace the person's own.
 */
export class SelectionController implements ReactiveController {
  ids: string[] = [];
  note = '';
  /** The ids of a shared link this page was opened with, while it is shown. */
  shared?: string[];
  private storageKey?: string;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    const shared = new URLSearchParams(window.location.search).get(SELECTION_PARAM);
    if (shared !== null) this.shared = selectionIds(shared);
  }

  /** Reads the selection kept for this feed on this device (called before the host renders). */
  useFeed(feedUrl: string): void {
    const key = `brusano-selection:${feedUrl}`;
    if (key === this.storageKey) return;
    this.storageKey = key;
    try {
      const kept = JSON.parse(localStorage.getItem(key) ?? 'null') as { ids?: unknown; note?: unknown } | null;
      this.ids = Array.isArray(kept?.ids) ? selectionIds(kept.ids.filter((id) => typeof id === 'string').join(',')) : [];
      this.note = typeof kept?.note === 'string' ? kept.note.slice(0, MAX_NOTE) : '';
    } catch {
      [this.ids, this.note] = [[], '']; // no storage here, or something else in our key
    }
  }

  has(id: string): boolean {
    return this.ids.includes(id);
  }

  toggle(id: string): void {
    if (this.has(id)) this.ids = this.ids.filter((other) => other !== id);
    else if (this.ids.length < MAX_SELECTED && ID.test(id)) this.ids = [...this.ids, id];
    this.save();
  }

  setNote(note: string): void {
    this.note = note.slice(0, MAX_NOTE);
    this.save();
  }

  clear(): void {
    [this.ids, this.note] = [[], ''];
    if (this.storageKey) {
      try {
        localStorage.removeItem(this.storageKey);
      } catch {
        // nothing was kept
      }
    }
    this.host.requestUpdate();
  }

  /** Leaves the shared selection, back to the whole directory. */
  closeShared(): void {
    this.shared = undefined;
    const url = new URL(window.location.href);
    url.searchParams.delete(SELECTION_PARAM);
    window.history.replaceState(window.history.state, '', url);
    this.host.requestUpdate();
  }

  /** The address of this page opened on these services. */
  link(ids: readonly string[]): string {
    const url = new URL(window.location.href);
    url.hash = '';
    url.searchParams.set(SELECTION_PARAM, ids.join(','));
    return url.href;
  }

  private save(): void {
    this.host.requestUpdate();
    if (!this.storageKey) return;
    try {
      if (this.ids.length || this.note) localStorage.setItem(this.storageKey, JSON.stringify({ ids: this.ids, note: this.note }));
      else localStorage.removeItem(this.storageKey);
    } catch {
      // Storage full or refused: the selection lives until the page closes.
    }
  }
}
