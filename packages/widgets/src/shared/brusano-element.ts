import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { FeedFormatError, FeedTimeoutError, type DatasetName, type FeedReader, type Problem, type Shape } from '@brusano/sdk/reader';
import type { Feed } from '@brusano/sdk/client';
import { regionalHelpdesk } from '@brusano/sdk/territory';
import type { Language } from '@brusano/sdk/text';
import { forgetFeed, readerFor } from './feed-store.js';
import { EVENT_MESSAGES, type SharedStrings, type Translations } from './i18n.js';
import { dateFormat } from './locale.js';
import { helpdeskContacts, text } from './templates.js';

export type FeedState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; feed: Feed; /** Set when this is the last good copy, shown because loading failed. */ failed?: unknown }
  | { status: 'error'; message: keyof Pick<SharedStrings, 'feedMissing' | 'feedError' | 'feedTimeout' | 'feedFormat'>; error?: unknown };

/** What `brusano-error` events carry. */
export interface BrusanoErrorDetail {
  /** `feed`: nothing could be loaded; `records`: some records were left out, or shown without a field that did not fit. */
  type: 'feed' | 'records';
  message: string;
  error?: unknown;
  /** For `feed`: the date of the last good data still shown, when there is some. */
  stale?: Date;
  /** For `records`: how many records were left out. */
  count?: number;
  /** For `records`: how many records are shown without one or more fields. */
  dropped?: number;
  /** For `records`: every problem found. */
  problems?: Problem[];
}

const SUPPORTED: readonly Language[] = ['fr', 'nl', 'en'];
const EMPTY_DATA = { bassins: [], communes: [], quartiers: [], helpdesks: [], actions: [], events: [], services: [], categories: [], sectors: [], leadins: [] };

/** How many records were left out, and how many are shown without a field (a record can have several problems). */
export function recordsWithProblems(problems: readonly Problem[]): { skipped: number; dropped: number } {
  const skipped = new Set<string>();
  const dropped = new Set<string>();
  for (const problem of problems) {
    const key = `${problem.dataset}#${problem.index ?? problem.recordId}`;
    (problem.outcome === 'field-dropped' ? dropped : skipped).add(key);
  }
  for (const key of skipped) dropped.delete(key);
  return { skipped: skipped.size, dropped: dropped.size };
}

/** Each element's texts by language: a promise while the module arrives, then the texts. */
const loadedTexts = new WeakMap<Translations, Map<Language, SharedStrings | Promise<SharedStrings>>>();

function textsIn(translations: Translations, lang: Language): SharedStrings | Promise<SharedStrings> {
  let byLanguage = loadedTexts.get(translations);
  if (!byLanguage) loadedTexts.set(translations, (byLanguage = new Map()));
  let found = byLanguage.get(lang);
  if (!found) {
    const loading = translations[lang]().then(
      (module) => {
        byLanguage.set(lang, module.default);
        return module.default;
      },
      (error: unknown) => {
        byLanguage.delete(lang); // asked again on the next change of language
        throw error;
      },
    );
    byLanguage.set(lang, (found = loading));
  }
  return found;
}

function toLanguage(value: string | null): Language {
  const base = value?.trim().toLowerCase().split(/[-_]/)[0];
  return SUPPORTED.includes(base as Language) ? (base as Language) : 'fr';
}

// One observer for the whole page: when a lang attribute changes anywhere, the widgets look again.
const connected = new Set<BrusanoElement>();
let langObserver: MutationObserver | undefined;

function watchLanguageChanges(): void {
  if (langObserver) return;
  langObserver = new MutationObserver(() => connected.forEach((element) => element.refreshLanguage()));
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * Base of the Brusano widgets: the `feed` and `lang` contract, reading through the SDK, and events.
 * Each element reads only the datasets it shows (`static datasets`).
 * The language is the element's own `lang`, else the nearest ancestor's, else `<html lang>`, else French,
 * and it follows later changes.
 *
 * @attr lang - fr, nl or en. Default: the nearest `lang` on the page, then `<html lang>`, else French; follows later changes.
 *
 * @csspart link - Phone (tel:), e-mail (mailto:) and web links.
 * @csspart button - Buttons.
 * @csspart notice - Loading, error, partial-data and out-of-date messages.
 *
 * @cssproperty --brusano-font-family - Font of the widget.
 * @cssproperty --brusano-font-size - Base font size.
 * @cssproperty --brusano-color-text - Text colour.
 * @cssproperty --brusano-color-muted - Secondary text colour.
 * @cssproperty --brusano-color-surface - Background.
 * @cssproperty --brusano-color-surface-alt - Background of cards, events and helpdesk blocks.
 * @cssproperty --brusano-color-border - Borders.
 * @cssproperty --brusano-color-accent - Links and buttons.
 * @cssproperty --brusano-color-accent-contrast - Text on the accent colour.
 * @cssproperty --brusano-color-focus - Focus ring.
 * @cssproperty --brusano-color-open - "Open" label.
 * @cssproperty --brusano-color-closed - "Closed", "Cancelled" and "Postponed" labels.
 * @cssproperty --brusano-radius - Corner radius.
 * @cssproperty --brusano-spacing - Base spacing.
 */
export abstract class BrusanoElement extends LitElement {
  static override properties: PropertyDeclarations = {
    feed: { type: String },
    feedData: { attribute: false },
    uiLang: { state: true },
    feedState: { state: true },
  };

  /** The element's texts, a module per language: a page loads only the language it shows. */
  protected static translations: Translations;

  /**
   * The datasets the element shows, each with its shape for the guard, read from the feed (the
   * finder reads services on its own, as they arrive). An element's bundle carries these shapes only.
   */
  protected static datasets: Readonly<Partial<Record<DatasetName, Shape>>> = {};

  /** URL of the feed's manifest.json (or of its folder). */
  declare feed: string | undefined;
  /** A feed the page already loaded with `@brusano/sdk`; when set, `feed` is not fetched. */
  declare feedData: Feed | undefined;
  /** The language the widget speaks now. */
  declare protected uiLang: Language;
  declare protected feedState: FeedState;
  /** Problems already reported in a `brusano-error` event, so none is reported twice. */
  private reported = new Set<Problem>();
  /** The texts in `uiLang`, once they have arrived. */
  private texts?: SharedStrings;
  private textsLang?: Language;
  /** Changes held back (with their old values) while the texts of a language arrive. */
  private heldBack = new Map<PropertyKey, unknown>();
  private textsArriving?: Promise<void>;

  constructor() {
    super();
    this.uiLang = 'fr';
    this.feedState = { status: 'idle' };
  }

  /** The texts in the widget's language (set before every render). */
  protected get t(): SharedStrings {
    return this.texts!;
  }

  /**
   * Nothing is drawn, and no change acted on, until the texts of the language arrive (with the
   * element's code when the loader brought it): the changes are held back and made then. A
   * language whose texts cannot be loaded keeps the texts already shown.
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    const { translations } = this.constructor as typeof BrusanoElement;
    const wanted = this.uiLang;
    const texts = textsIn(translations, wanted);
    if (!(texts instanceof Promise)) {
      this.texts = texts;
      this.textsLang = wanted;
      return true;
    }
    changed.forEach((old, key) => {
      if (!this.heldBack.has(key)) this.heldBack.set(key, old);
    });
    this.textsArriving ??= texts.then(
      () => true,
      (error: unknown) => {
        console.error(`Brusano widgets: the ${wanted} texts of <${this.localName}> could not be loaded`, error);
        // The language already shown, else French; when French itself cannot come, nothing more is tried.
        const fallback = this.textsLang ?? (wanted === 'fr' ? undefined : 'fr');
        if (fallback) this.uiLang = fallback;
        return fallback !== undefined;
      },
    ).then((again) => {
      this.textsArriving = undefined;
      const held = this.heldBack;
      this.heldBack = new Map();
      if (!again) return;
      held.forEach((old, key) => this.requestUpdate(key, old));
      this.requestUpdate();
    });
    return false;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.textsArriving) {
      await this.textsArriving;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    watchLanguageChanges();
    this.refreshLanguage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  /** Looks up the language again (called when a lang attribute changes on the page). */
  refreshLanguage(): void {
    let node: Node | null = this;
    while (node) {
      if (node instanceof Element && node.hasAttribute('lang')) {
        this.uiLang = toLanguage(node.getAttribute('lang'));
        return;
      }
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    this.uiLang = 'fr';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('feed') || changed.has('feedData')) void this.loadData();
  }

  /** Called as soon as the element knows its feed, before the manifest has arrived: a chance to ask for more at once. */
  protected startReading(_reader: FeedReader): void {}

  /** Loads (or reloads) the data; the element re-renders as the state changes. */
  protected async loadData(retry = false): Promise<void> {
    if (this.feedData) {
      this.setFeed(this.feedData);
      return;
    }
    const url = this.feed?.trim();
    if (!url) {
      this.feedState = { status: 'error', message: 'feedMissing' };
      return;
    }
    if (retry) forgetFeed(url);
    this.feedState = { status: 'loading' };
    const stillWanted = () => this.feed?.trim() === url && !this.feedData;
    try {
      const reader = readerFor(url);
      this.startReading(reader);
      // All at once: the reader asks for each file where a built feed keeps it, without waiting for the manifest.
      const datasets = Object.entries((this.constructor as typeof BrusanoElement).datasets) as [DatasetName, Shape][];
      const [snapshot, ...reads] = await Promise.all([reader.manifest(), ...datasets.map(([name, shape]) => reader.dataset(name, shape))]);
      if (!stillWanted()) return;
      const feed: Feed = {
        ...EMPTY_DATA,
        ...Object.fromEntries(datasets.map(([name], index) => [name, reads[index]!.records])),
        url: snapshot.manifestUrl,
        manifest: snapshot.manifest,
        problems: [...snapshot.problems, ...reads.flatMap((read) => read.problems)],
        loadedAt: snapshot.storedAt ?? new Date(),
      };
      this.setFeed(feed, snapshot.storedAt ? snapshot.error : undefined);
    } catch (error) {
      if (!stillWanted()) return;
      const message = error instanceof FeedTimeoutError ? 'feedTimeout' : error instanceof FeedFormatError ? 'feedFormat' : 'feedError';
      this.feedState = { status: 'error', message, error };
      this.emit<BrusanoErrorDetail>('brusano-error', { type: 'feed', message: EVENT_MESSAGES[message], error });
    }
  }

  private setFeed(feed: Feed, failed?: unknown): void {
    this.feedState = { status: 'ready', feed, ...(failed === undefined ? {} : { failed }) };
    // A failed refresh keeps the last good data on screen, with its date, rather than nothing.
    if (failed !== undefined) {
      const message = failed instanceof FeedTimeoutError ? 'feedTimeout' : failed instanceof FeedFormatError ? 'feedFormat' : 'feedError';
      this.emit<BrusanoErrorDetail>('brusano-error', { type: 'feed', message: EVENT_MESSAGES[message], error: failed, stale: feed.loadedAt });
    }
    this.reportProblems(feed.problems);
  }

  /** Every problem this element met in its data (the finder adds its services' problems). */
  protected get problems(): readonly Problem[] {
    return this.data?.problems ?? [];
  }

  /** Says once, in one `brusano-error` event, which records were left out or shown without a field. */
  protected reportProblems(problems: readonly Problem[]): void {
    const fresh = problems.filter((problem) => !this.reported.has(problem));
    if (fresh.length === 0) return;
    fresh.forEach((problem) => this.reported.add(problem));
    const { skipped, dropped } = recordsWithProblems(fresh);
    this.emit<BrusanoErrorDetail>('brusano-error', {
      type: 'records',
      message: [skipped ? EVENT_MESSAGES.partialData(skipped) : '', dropped ? EVENT_MESSAGES.partialFields(dropped) : ''].filter(Boolean).join(' '),
      count: skipped,
      dropped,
      problems: fresh,
    });
  }

  /** Dispatches a bubbling, composed CustomEvent that the host page can listen to. */
  protected emit<T>(name: string, detail: T): boolean {
    return this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: true }));
  }

  /** Notices of what is not as it should be in the data shown: older than asked for, or records left out. */
  protected renderDataNotices(feed: Feed): TemplateResult {
    const { skipped, dropped } = recordsWithProblems(this.problems);
    const stale = this.feedState.status === 'ready' && this.feedState.failed !== undefined;
    return html`${stale
        ? html`<div class="notice" part="notice" role="alert">
            <p>${this.t.staleData(dateFormat(this.uiLang, { dateStyle: 'long', timeStyle: 'short' }).format(feed.loadedAt))}</p>
            <button part="button" class="secondary" @click=${() => this.loadData(true)}>${this.t.retry}</button>
          </div>`
        : nothing}
      ${skipped ? html`<p class="notice" part="notice">${this.t.partialData(skipped)}</p>` : nothing}
      ${dropped ? html`<p class="notice" part="notice">${this.t.partialFields(dropped)}</p>` : nothing}`;
  }

  /**
   * While the feed loads, or when it failed: what to show instead of the widget's content.
   * A failure says what happened in plain words, offers to try again, and gives the regional
   * contact so the person still has somewhere to turn.
   */
  protected renderFeedState(): TemplateResult | undefined {
    const { t, feedState } = this;
    if (feedState.status === 'loading' || feedState.status === 'idle') {
      return html`<p class="notice" part="notice" role="status">${t.loading}</p>`;
    }
    if (feedState.status !== 'error') return undefined;
    const regional = regionalHelpdesk();
    return html`<div class="notice" part="notice" role="alert">
        <p>${t[feedState.message]}</p>
        ${feedState.message !== 'feedMissing'
          ? html`<button part="button" class="secondary" @click=${() => this.loadData(true)}>${t.retry}</button>`
          : nothing}
      </div>
      <p>${t.helpInstead}</p>
      <h3>${text(regional.name, this.uiLang)}</h3>
      ${helpdeskContacts(regional, t, this.uiLang)}`;
  }

  /** The feed when loaded. */
  protected get data(): Feed | undefined {
    return this.feedState.status === 'ready' ? this.feedState.feed : undefined;
  }
}
