import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Feed, Helpdesk, Leadin, LocalizedText, Service } from '@brusano/sdk';
import { formatPhoneNumber, localize, type Language } from '@brusano/sdk/text';
import { addDays, atBrusselsTime, brusselsTime, countOpen, currentAlerts, hoursWithAlerts, intervalsOn, openingStatus, weekdayOf, WEEKDAYS } from '@brusano/sdk/hours';
import { bassinShape, communeShape, helpdeskShape, leadinShape, prefetchServices, readFirstPage, taxonomyTermShape, territoryKey, type FeedReader, type Problem, type ReadFirstPage, type ServiceBatch } from '@brusano/sdk/reader';
import type { FacetCount, QueryFilter, ServiceFilters, ServiceSearch, ServiceSearchResult } from '@brusano/sdk/search';
import { isReachable, regionalHelpdesk, type TerritoryReference } from '@brusano/sdk/territory';
import { BrusanoElement } from '../shared/brusano-element.js';
import { formatDate, formatDistance, weekdayNames } from '../shared/format.js';
import type { SharedStrings, Translations } from '../shared/i18n.js';
import { languageName } from './language-name.js';
import { NearMeController, RADII } from './near-me.js';
import { ReportFormController } from './report-form.js';
import { SelectionController } from './selection.js';
import { addressLine, emailLinks, helpdeskContacts, openingLine, phoneLinks, text, websiteLinks } from '../shared/templates.js';
import { telHref } from '../shared/links.js';
import { serviceFinderStyles } from './service-finder.styles.js';
import type { FinderStrings } from './strings/fr.js';

/** The finder's state, as it is kept in the page URL with `sync-url`. */
interface FinderState {
  query: string;
  category: string;
  sector: string;
  commune: string;
  bassin: string;
  language: string;
  public: string;
  openNow: boolean;
  free: boolean;
  withoutAppointment: boolean;
  reducedMobility: boolean;
}

const EMPTY_STATE: FinderState = {
  query: '',
  category: '',
  sector: '',
  commune: '',
  bassin: '',
  language: '',
  public: '',
  openNow: false,
  free: false,
  withoutAppointment: false,
  reducedMobility: false,
};

/** URL parameter names of each part of the state. */
const URL_KEYS: Record<keyof FinderState, string> = {
  query: 'q',
  category: 'category',
  sector: 'sector',
  commune: 'commune',
  bassin: 'bassin',
  language: 'language',
  public: 'public',
  openNow: 'open',
  free: 'free',
  withoutAppointment: 'walk-in',
  reducedMobility: 'wheelchair',
};

const FLAGS = ['openNow', 'free', 'withoutAppointment', 'reducedMobility'] as const;

const collators = new Map<string, (a: string, b: string) => number>();
/** One collator per language: sorting hundreds of filter options with localeCompare would build one each time. */
function collator(lang: string): (a: string, b: string) => number {
  let compare = collators.get(lang);
  if (!compare) collators.set(lang, (compare = new Intl.Collator(lang, { sensitivity: 'base' }).compare));
  return compare;
}

/** Each filter's values in name order, by feed, filter and language (see inNameOrder). */
const nameOrders = new WeakMap<Feed, Map<string, ReadonlyMap<string, number>>>();

/**
 * The rank of each value of a filter in name order. Sorting hundreds of names with a collator at
 * every render — each keystroke, each step while the directory loads — is work a render does
 * not need: the order is made once, and again only when a value not met before appears.
 */
function inNameOrder(feed: Feed, filter: string, lang: string, values: readonly string[], name: (value: string) => string): ReadonlyMap<string, number> {
  let orders = nameOrders.get(feed);
  if (!orders) nameOrders.set(feed, (orders = new Map()));
  const key = `${filter}\u0000${lang}`;
  let order = orders.get(key);
  if (!order || values.some((value) => !order!.has(value))) {
    const compare = collator(lang);
    const named = [...new Set([...(order?.keys() ?? []), ...values])].map((value) => [value, name(value)] as const);
    order = new Map(named.sort((a, b) => compare(a[1], b[1])).map(([value], rank) => [value, rank]));
    orders.set(key, order);
  }
  return order;
}

/** What `brusano-select` carries when a person opens a service. */
export interface ServiceSelectDetail {
  service: Service;
}

/** What `brusano-filter-change` carries. */
export interface FilterChangeDetail {
  query: string;
  filters: ServiceFilters;
}

/** What to search for: the words left, every filter (chosen or read from the words), and what was read. */
interface Question {
  text: string;
  filters: ServiceFilters;
  read: readonly QueryFilter[];
}

/** What `brusano-search` events carry, once typing pauses: for a partner's own statistics; the widget sends nothing anywhere. */
export interface SearchDetail {
  /** The words as typed. */
  query: string;
  /** Every filter of the search: those chosen, and those the words asked for. */
  filters: ServiceFilters;
  /** How many services were found, and how many of them have every word. */
  count: number;
  withEveryWord: number;
}

/** How far the whole directory has arrived. */
interface DirectoryProgress {
  loaded: number;
  total?: number;
  complete: boolean;
  /** Set when the rest of the directory could not be read. */
  failed?: unknown;
}

/** What the finder shows: the full search, a built feed's first page, or a search over the services arrived so far. */
interface View {
  services: readonly Service[];
  count: number;
  facets: ServiceSearchResult['facets'];
  /** True while the whole directory is not there yet and the answer comes from part of it. */
  partial: boolean;
  /** How many of the services (the first ones) have every word asked for. */
  withEveryWord: number;
  /** For a word asked for that no service has, the directory's nearest word ("did you mean"). */
  suggestions: Readonly<Record<string, string>>;
}


/** The ages a service takes, when it says and they agree (a maximum below the minimum says nothing sure). */
function ages(service: Service): { min?: number; max?: number } | undefined {
  const { minimumAge: min, maximumAge: max } = service;
  if (min === undefined && max === undefined) return undefined;
  if (min !== undefined && max !== undefined && max < min) return undefined;
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** A localized text as a plain string (for a label or a line of the handout). */
const localizedText = (value: LocalizedText | undefined, lang: Language) => localize(value, lang)?.text ?? '';
const localizedName = (service: Service, lang: Language) => localizedText(service.name, lang) || service.id;

/** Whether a person of this age may go: a service that gives no ages takes everyone. */
export function takesAge(service: Service, age: number): boolean {
  const range = ages(service);
  return !range || ((range.min ?? 0) <= age && age <= (range.max ?? Infinity));
}

/**
 * The search comes after the first results: a built feed's first page needs none, so its code is
 * loaded while the first page is on screen.
 */
let searchModule: Promise<typeof import('@brusano/sdk/search')> | undefined;
const loadSearch = () => (searchModule ??= import('@brusano/sdk/search'));
/** The same for the reader of the whole directory, whose file is asked for as the first results are shown. */
const loadDirectoryReader = () => import('./read-directory.js');
type PlaceLookup = typeof import('./place-lookup.js');
/** The code that reads a named place, once it has arrived: loaded when a place is named (see place-lookup.ts). */
let placeLookup: PlaceLookup | undefined;
let placeLookupModule: Promise<PlaceLookup> | undefined;
const loadPlaceLookup = () => (placeLookupModule ??= import('./place-lookup.js').then((module) => (placeLookup = module)));
/** A Brussels commune's NIS code (21001 to 21019, as the schemas say): it names its first page without a look-up. The loader, which shares no code with the finder, tests the same. */
const NIS_CODE = /^210(0[1-9]|1\d)$/;
/** A feed with nothing in it yet. */
const EMPTY_FEED: Feed = {
  bassins: [],
  communes: [],
  quartiers: [],
  helpdesks: [],
  actions: [],
  events: [],
  services: [],
  categories: [],
  sectors: [],
  leadins: [],
  problems: [],
  manifest: {} as Feed['manifest'],
  url: '',
  loadedAt: new Date(0),
};
const NO_DISTANCES: ReadonlyMap<Service, number> = new Map();
/** How often the progress of the whole directory is shown while it arrives. */
const PROGRESS_EVERY_MS = 300;

/**
 * @tagname brusano-service-finder
 * @summary Search Brussels' social and health services: live results, filters, near me (on a click only), today's hours, print.
 *
 * @attr feed - URL of the feed's manifest.json.
 * @attr bassin - Start filtered on a bassin: nord, nord-est, centre-ouest, sud, sud-est.
 * @attr commune - Start filtered on a commune: postal code, NIS code or name (FR or NL).
 * @attr category - Start filtered on a Bruxelles Social category id.
 * @attr query - Start with these search words.
 * @attr page-size - How many results to show before "Show more" (default 10).
 * @attr sync-url - Keep the search in the page address, so a link gives the same results.
 *
 * @fires brusano-select - A person opened a service's details. `detail.service`.
 * @fires brusano-filter-change - The search words or filters changed. `detail.query`, `detail.filters`.
 * @fires brusano-search - A search, once typing pauses: `detail.query`, `detail.filters`, `detail.count`, `detail.withEveryWord`. For the page's own statistics: the widget itself sends nothing anywhere.
 * @fires brusano-error - The feed could not be loaded, or some records were skipped. `detail.type`, `detail.message`.
 *
 * @csspart base - The whole widget.
 * @csspart search - The search field.
 * @csspart readings - The filters read from the search words ("gratuit", a commune, "en arabe", "pour ados").
 * @csspart chip - One of them: a button that takes it back.
 * @csspart filters - The filter area.
 * @csspart near - "Near me": where the position is, the distance filter, the button to stop.
 * @csspart status - The result count (and the open/closed labels in cards).
 * @csspart results - The list of results.
 * @csspart card - One service.
 * @csspart card-title - The name of a service.
 * @csspart alert - A temporary notice on a card (a closure, a moved permanence).
 * @csspart empty - The message shown when nothing matches.
 *
 * The `lang` attribute, the `link`, `button` and `notice` parts and the --brusano-* custom properties
 * are documented on BrusanoElement: the three widgets share them.
 */
export class BrusanoServiceFinder extends BrusanoElement {
  static override styles = serviceFinderStyles;
  protected static override translations: Translations<SharedStrings & FinderStrings> = {
    fr: () => import('./strings/fr.js'),
    nl: () => import('./strings/nl.js'),
    en: () => import('./strings/en.js'),
  };
  protected static override datasets = { bassins: bassinShape, communes: communeShape, helpdesks: helpdeskShape, categories: taxonomyTermShape, sectors: taxonomyTermShape };

  static override properties = {
    bassin: { type: String },
    commune: { type: String },
    category: { type: String },
    query: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    state: { state: true },
    shown: { state: true },
    expanded: { state: true },
    ignoredReadings: { state: true },
    announced: { state: true },
    filtersOpen: { state: true },
    firstPage: { state: true },
    directory: { state: true },
    personAge: { state: true },
    openAt: { state: true },
    placeAnswer: { state: true },
    nothingToBring: { state: true },
    handoutIds: { state: true },
    shared: { state: true },
  };

  declare bassin: string | undefined;
  declare commune: string | undefined;
  declare category: string | undefined;
  declare query: string | undefined;
  declare pageSize: number;
  declare syncUrl: boolean;
  declare private state: FinderState;
  declare private shown: number;
  declare private expanded: ReadonlySet<string>;
  declare private announced: string;
  /** Filters start folded on a narrow widget (a phone), open on a wide one. */
  declare private filtersOpen: boolean | undefined;

  /** The built feed's first page for the starting territory: undefined while asked, null when there is none. */
  declare private firstPage: ReadFirstPage | null | undefined;
  declare private directory: DirectoryProgress;

  /** The search over every service that has arrived, and the feed it was made for. */
  private search?: { feed: Feed; index: ServiceSearch };
  private firstPageIndex?: { page: ReadFirstPage; index: ServiceSearch };
  /** The search's code, once its module has arrived (see loadSearch). */
  private searchCode?: Awaited<ReturnType<typeof loadSearch>>;
  /** Filters read from the words that the person took back (their keys): the words stay words. */
  declare private ignoredReadings: ReadonlySet<string>;
  /** Languages the services speak, as they arrive: a query may ask for one by name. */
  private readonly spokenLanguages = new Set<string>();
  /** The feed's lead-ins, read once the first results are on screen (the search needs them, the first page does not). */
  private leadinsRead?: Promise<readonly Leadin[]>;
  /** The last question read from the words, by what it was read from. */
  private lastQuestion?: { key: string; question: Question };
  /** Batches read before the search could take them (it needs the categories and communes first). */
  private waiting: ServiceBatch[] = [];
  private adding = false;
  private serviceProblems: Problem[] = [];
  /** Counts readings, so the answers of a reading that was replaced (a retry, a new feed) are ignored. */
  private reading = 0;
  /** The `commune` attribute's look-up while its code loads (a postal code or a name): the first page waits for it. */
  private communeLookup?: Promise<void>;
  private readEnded = false;
  private progressShown = 0;
  /** Lets the whole directory start once the first results are on screen (or once it is clear there are none to show before it). */
  private startDirectory?: () => void;
  /**
   * The cards' folded details (shown on a click, and printed) are drawn in the task after the first
   * results: the first cards come sooner, and that task is shorter on a phone.
   */
  private detailsHeldBack = false;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private focusIndexAfterRender?: number;
  private readonly onPopState = () => this.readUrl();
  /** "Near me": the position, asked on a click only, never kept. */
  private readonly nearMe = new NearMeController(this, async () => this.placeReference(await loadPlaceLookup()));
  /** Each shown service's distance from the position, while sorted by distance. */
  private distances: ReadonlyMap<Service, number> = NO_DISTANCES;
  /** Every service that has arrived, by id, for the selection, a shared link and the handout. */
  private servicesById = new Map<string, Service>();
  /** "Signaler une erreur": a form per card. */
  private readonly reportForm = new ReportFormController(this);
  /** "Ma sélection", and a selection opened from a shared link. */
  private readonly selection = new SelectionController(this);
  /** The services of the handout being printed; undefined when none is. */
  declare private handoutIds: readonly string[] | undefined;
  /** What became of the last "share": the link, and whether it is on the clipboard. */
  declare private shared: { link: string; copied: boolean } | undefined;
  /** The QR code writer, loaded for the first handout. */
  private qr?: typeof import('uqr');
  private readonly onAfterPrint = () => (this.handoutIds = undefined);
  /** "Open on [day] at [time]", Brussels time, to plan a visit. */
  declare private openAt: { date: string; time: string } | undefined;
  /** Only services that say there is nothing to bring. */
  declare private nothingToBring: boolean;
  /** What a typed place answered, when the position could not be used. */
  declare private placeAnswer: string | undefined;
  /** The age typed in the filters: never in the page address, never kept. */
  declare private personAge: number | undefined;

  constructor() {
    super();
    this.pageSize = 10;
    this.syncUrl = false;
    this.state = { ...EMPTY_STATE };
    this.shown = 10;
    this.expanded = new Set();
    this.ignoredReadings = new Set();
    this.announced = '';
    this.nothingToBring = false;
    this.directory = { loaded: 0, complete: false };
  }

  protected override get t(): SharedStrings & FinderStrings {
    return super.t as SharedStrings & FinderStrings;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('afterprint', this.onAfterPrint);
    const width = this.getBoundingClientRect().width;
    this.filtersOpen ??= width === 0 || width >= 640;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('afterprint', this.onAfterPrint);
    clearTimeout(this.announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The selection kept on this device for this feed.
    if (changed.has('feed') && this.feed) this.selection.useFeed(new URL(this.feed, document.baseURI).href);
    // The starting state first: the feed's reading asks for the first page of its territory.
    if (changed.has('bassin') || changed.has('commune') || changed.has('category') || changed.has('query')) {
      this.state = {
        ...this.state,
        bassin: this.bassin ?? this.state.bassin,
        commune: this.commune ? this.communeFromAttribute(this.commune) : this.state.commune,
        category: this.category ?? this.state.category,
        query: this.query ?? this.state.query,
      };
    }
    if (changed.has('pageSize')) this.shown = this.validPageSize;
    if (changed.has('syncUrl') && this.syncUrl) this.readUrl();
    super.willUpdate(changed);
    if ((changed as PropertyValues).has('feedState')) void this.prepareSearch();
  }

  /** The first page that answers the current state exactly: a territory alone, no words, no other filter. */
  private get firstPageKey(): string | undefined {
    const { state } = this;
    const others = (Object.keys(EMPTY_STATE) as (keyof FinderState)[]).some((part) => part !== 'bassin' && part !== 'commune' && state[part] !== EMPTY_STATE[part]);
    return others ? undefined : territoryKey({ bassin: state.bassin || undefined, commune: state.commune || undefined });
  }

  protected override startReading(reader: FeedReader): void {
    const reading = ++this.reading;
    this.search = undefined;
    this.waiting = [];
    this.serviceProblems = [];
    this.readEnded = false;
    this.directory = { loaded: 0, complete: false };
    this.firstPage = undefined;
    const askFirstPage = () => {
      const key = this.firstPageKey;
      if (!key) return void (this.firstPage = null);
      readFirstPage(reader, key).then(
        (page) => {
          if (reading !== this.reading) return;
          this.firstPage = page ?? null;
          for (const { value } of page?.facets.languages ?? []) this.spokenLanguages.add(value);
        },
        () => reading === this.reading && (this.firstPage = null),
      );
    };
    if (this.communeLookup) void this.communeLookup.then(() => reading === this.reading && askFirstPage());
    else askFirstPage();
    const firstPainted = new Promise<void>((resolve) => (this.startDirectory = resolve));
    this.detailsHeldBack = true;
    const onBatch = (batch: ServiceBatch) => {
      if (reading !== this.reading) return;
      this.waiting.push(batch);
      this.directory = { ...this.directory, ...(batch.total === undefined ? {} : { total: batch.total }) };
      void this.addWaiting();
    };
    this.leadinsRead = firstPainted
      .then(() => reader.dataset('leadins', leadinShape))
      .then(
        ({ records, problems }) => {
          if (reading === this.reading) this.reportProblems(problems);
          return records;
        },
        () => [], // without its lead-ins the search still has the categories' own words
      );
    // The directory's file is asked for at once when the first results are shown; its reader's
    // code, asked for at the same moment, then takes that request.
    firstPainted
      .then(() => {
        void prefetchServices(reader).catch(() => undefined); // a failure is the reader's to report
        return loadDirectoryReader();
      })
      .then(({ readServices }) => readServices(reader, onBatch))
      .then(
        () => reading === this.reading && this.endReading(),
        (error: unknown) => reading === this.reading && this.endReading(error),
      );
  }

  private endReading(failed?: unknown): void {
    this.readEnded = true;
    if (failed !== undefined) this.directory = { ...this.directory, failed };
    void this.addWaiting();
  }

  /** Once the feed's categories and communes are there, a search to put the services in. */
  private async prepareSearch(): Promise<void> {
    const feed = this.data;
    if (!feed || this.search?.feed === feed) return;
    const [code, leadins] = await Promise.all([loadSearch(), this.feedData ? feed.leadins : (this.leadinsRead ?? [])]);
    this.searchCode = code;
    if (this.data !== feed || this.search?.feed === feed) return;
    this.search = { feed, index: code.createServiceSearch({ categories: feed.categories, sectors: feed.sectors, leadins, communes: feed.communes, bassins: feed.bassins }) };
    this.servicesById = new Map();
    if (this.feedData) {
      // A feed the page loaded itself: every service is already there.
      ++this.reading;
      this.firstPage = null;
      this.serviceProblems = [];
      this.waiting = [{ services: feed.services, problems: [], loaded: feed.services.length, total: feed.services.length }];
      this.readEnded = true;
      this.directory = { loaded: 0, total: feed.services.length, complete: false };
    }
    void this.addWaiting();
  }

  /** Adds the waiting batches to the search, one after the other, in slices that keep the page responsive. */
  private async addWaiting(): Promise<void> {
    if (this.adding) return;
    this.adding = true;
    const reading = this.reading;
    try {
      while (this.search && this.waiting.length && reading === this.reading) {
        const batch = this.waiting.shift()!;
        await this.search.index.add(batch.services);
        if (reading !== this.reading) return;
        for (const service of batch.services) {
          this.servicesById.set(service.id, service);
          for (const code of service.languages ?? []) this.spokenLanguages.add(code);
        }
        this.serviceProblems.push(...batch.problems);
        // Progress is shown a few times a second, not after every batch: each showing costs a render.
        if (performance.now() - this.progressShown > PROGRESS_EVERY_MS) {
          this.progressShown = performance.now();
          this.directory = { ...this.directory, loaded: batch.loaded };
        } else this.directory.loaded = batch.loaded;
      }
    } finally {
      this.adding = false;
    }
    if (reading === this.reading && this.readEnded && this.search && this.waiting.length === 0 && !this.directory.complete) {
      this.directory = { ...this.directory, complete: true };
      this.reportProblems(this.problems);
      if (this.announced) this.scheduleAnnouncement();
    }
  }

  protected override get problems(): readonly Problem[] {
    return [...super.problems, ...this.serviceProblems];
  }

  /** Said once the whole directory is read, in one event for the datasets and the services. */
  protected override reportProblems(problems: readonly Problem[]): void {
    if (this.directory.complete) super.reportProblems(problems);
  }

  protected override updated(): void {
    // The first results (or the certainty that there are none before the whole directory) are
    // painted: the directory may now take the network and the processor.
    const start = this.startDirectory;
    const settled = this.firstPage === null || this.feedState.status !== 'loading' || (this.firstPage && this.view() !== undefined);
    if (start && settled) {
      this.startDirectory = undefined;
      requestAnimationFrame(() =>
        setTimeout(() => {
          this.detailsHeldBack = false;
          this.requestUpdate();
          start();
          void loadSearch().then((code) => {
            this.searchCode = code;
            this.requestUpdate();
          });
        }),
      );
    }
    if (this.focusIndexAfterRender !== undefined) {
      const titles = this.renderRoot.querySelectorAll<HTMLElement>('.card__toggle');
      titles[this.focusIndexAfterRender]?.focus();
      this.focusIndexAfterRender = undefined;
    }
  }

  private get validPageSize(): number {
    return Number.isInteger(this.pageSize) && this.pageSize > 0 ? Math.min(this.pageSize, 200) : 10;
  }

  /**
   * A postal code, NIS code or name → the NIS code of its commune (the first, when ambiguous).
   * A NIS code is taken as it is, so the first page can be asked for at once; a postal code or a
   * name waits for the look-up's code, and the first page for its answer.
   */
  private communeFromAttribute(value: string): string {
    if (NIS_CODE.test(value.trim())) return value.trim();
    if (placeLookup) return placeLookup.resolveTerritory(value, this.placeReference(placeLookup)).communes[0]?.nis ?? '';
    const lookup = (this.communeLookup = loadPlaceLookup().then(
      () => {
        if (this.communeLookup !== lookup) return;
        this.communeLookup = undefined;
        if (this.commune === value) this.state = { ...this.state, commune: this.communeFromAttribute(value) };
      },
      () => undefined, // without it, the Region's services
    ));
    return '';
  }

  /** The reachable helpdesk of a commune's bassin, once the look-up's code is there (asked for, and the finder drawn again, the first time). */
  private communeHelpdesk(commune: string, feed: Feed): Helpdesk | undefined {
    if (placeLookup) return placeLookup.helpdeskFor(commune, feed).choices.find((choice) => choice.reachable)?.helpdesk;
    loadPlaceLookup().then(
      () => this.requestUpdate(),
      () => undefined, // the regional line meanwhile stays
    );
    return undefined;
  }

  /** The communes and bassins a place is looked up in: the feed's once they are there, the SDK's before. */
  private placeReference(lookup: PlaceLookup): TerritoryReference {
    return this.data ?? { communes: lookup.communes, bassins: lookup.bassins, quartiers: [] };
  }

  private get filters(): ServiceFilters {
    const { state } = this;
    return {
      ...(state.category ? { categoryIds: [Number(state.category)] } : {}),
      ...(state.sector ? { sectorIds: [Number(state.sector)] } : {}),
      ...(state.commune ? { communes: [state.commune] } : {}),
      ...(state.bassin ? { bassins: [state.bassin] } : {}),
      ...(state.language ? { languages: [state.language] } : {}),
      ...(state.public ? { publics: [state.public] } : {}),
      ...Object.fromEntries(FLAGS.filter((flag) => state[flag]).map((flag) => [flag, true])),
      ...(this.openAt ? { openNow: true } : {}),
    };
  }

  /**
   * What to search for: the words, and the filters — those chosen, and those the words ask for
   * ("gratuit", "Ixelles", "en arabe", "pour ados"), each shown as a chip the person can take back.
   */
  private get question(): Question {
    const feed = this.shownFeed;
    const { query } = this.state;
    if (!this.searchCode || !feed || !query.trim()) return { text: query, filters: this.filters, read: [] };
    // Asked several times a render (the search, the chips, the event): read once per question.
    const key = JSON.stringify([query, this.filters, [...this.ignoredReadings], this.spokenLanguages.size, feed.communes.length, this.feedState.status]);
    if (this.lastQuestion?.key === key) return this.lastQuestion.question;
    const { understandQuery, mergeFilters } = this.searchCode;
    const understood = understandQuery(query, { communes: feed.communes, languages: [...this.spokenLanguages] }, { ignore: [...this.ignoredReadings] });
    const question = { text: understood.text, filters: mergeFilters(this.filters, understood.filters), read: understood.found };
    this.lastQuestion = { key, question };
    return question;
  }

  /** "Open on [day] at [time]": the search's clock set to that moment in Brussels. */
  private get searchAt(): { at?: Date } {
    return this.openAt ? { at: atBrusselsTime(this.openAt.date, this.openAt.time) } : {};
  }

  /**
   * What to show now: the full search once every service is there; before that, the built feed's
   * first page when it answers the state exactly, else a search over the services arrived so far.
   */
  private view(): View | undefined {
    const { search, directory, firstPage } = this;
    if (search && directory.complete) {
      const { text, filters } = this.question;
      const { services, facets, withEveryWord, suggestions } = search.index.search(text, filters, this.searchAt);
      return { services, count: services.length, facets, partial: Boolean(directory.failed), withEveryWord, suggestions };
    }
    if (firstPage && this.firstPageKey === firstPage.territory && !this.openAt) {
      const { total: count } = firstPage;
      return { services: firstPage.services, count, facets: { ...firstPage.facets, openNow: countOpen(firstPage.hours) }, partial: false, withEveryWord: count, suggestions: {} };
    }
    // Asked something else before the directory is there: the answer from what has arrived, said as such.
    const partial = search && search.index.size > 0 ? search.index : this.firstPageSearch;
    if (partial) {
      const { text, filters } = this.question;
      const { services, facets, withEveryWord, suggestions } = partial.search(text, filters, this.searchAt);
      return { services, count: services.length, facets, partial: true, withEveryWord, suggestions };
    }
    return undefined;
  }

  /** A search over the first page alone, for what is asked before the rest of the directory arrives. */
  private get firstPageSearch(): ServiceSearch | undefined {
    const page = this.firstPage;
    const feed = this.shownFeed;
    if (!page || !feed || !this.searchCode) return undefined;
    if (this.firstPageIndex?.page !== page) {
      this.firstPageIndex = { page, index: this.searchCode.createServiceSearch({ services: page.services, categories: feed.categories, sectors: feed.sectors, leadins: feed.leadins, communes: feed.communes, bassins: feed.bassins }) };
    }
    return this.firstPageIndex.index;
  }

  /** How many services a partial answer covers. */
  private get loadedSoFar(): number {
    return this.search && this.search.index.size > 0 ? this.directory.loaded : (this.firstPage?.services.length ?? 0);
  }

  // --- state changes ---------------------------------------------------------

  private change(patch: Partial<FinderState>): void {
    this.state = { ...this.state, ...patch };
    if (!this.state.query.trim()) this.ignoredReadings = new Set();
    this.shown = this.validPageSize;
    if (this.syncUrl) this.writeUrl();
    this.emit<FilterChangeDetail>('brusano-filter-change', { query: this.state.query, filters: this.filters });
    this.scheduleAnnouncement();
  }

  /** Screen readers hear the count once typing pauses, not at every keystroke. */
  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const view = this.view();
      if (!view) return;
      this.announced = view.partial ? this.t.resultCountPartial(view.count, this.loadedSoFar) : this.t.resultCount(view.count);
      this.emit<SearchDetail>('brusano-search', { query: this.state.query, filters: this.question.filters, count: view.count, withEveryWord: view.withEveryWord });
    }, 600);
  }

  private urlKey(part: keyof FinderState): string {
    return this.id ? `${this.id}.${URL_KEYS[part]}` : URL_KEYS[part];
  }

  /** Takes the parts of the state that the address names; the others keep their attribute values. */
  private readUrl(): void {
    if (!this.syncUrl) return;
    const params = new URLSearchParams(window.location.search);
    const next: Record<string, unknown> = { ...this.state };
    for (const part of Object.keys(URL_KEYS) as (keyof FinderState)[]) {
      const value = params.get(this.urlKey(part));
      if (value === null) continue;
      next[part] = FLAGS.includes(part as (typeof FLAGS)[number]) ? value === '1' : value.slice(0, 200);
    }
    this.state = next as unknown as FinderState;
  }

  private writeUrl(): void {
    const url = new URL(window.location.href);
    for (const part of Object.keys(URL_KEYS) as (keyof FinderState)[]) {
      const value = this.state[part];
      url.searchParams.set(this.urlKey(part), value === true ? '1' : value === false ? '0' : String(value));
      if (value === EMPTY_STATE[part] && !this.hasAttributeDefault(part)) url.searchParams.delete(this.urlKey(part));
    }
    window.history.replaceState(window.history.state, '', url);
  }

  /** A part that an attribute sets must stay in the address even when cleared, or reloading would bring the attribute back. */
  private hasAttributeDefault(part: keyof FinderState): boolean {
    return (part === 'bassin' && Boolean(this.bassin)) || (part === 'commune' && Boolean(this.commune)) || (part === 'category' && Boolean(this.category)) || (part === 'query' && Boolean(this.query));
  }

  private showMore(): void {
    this.focusIndexAfterRender = this.shown;
    this.shown += this.validPageSize;
  }

  private toggle(service: Service): void {
    const expanded = new Set(this.expanded);
    if (expanded.has(service.id)) expanded.delete(service.id);
    else {
      expanded.add(service.id);
      this.emit<ServiceSelectDetail>('brusano-select', { service });
    }
    this.expanded = expanded;
  }

  // --- rendering -------------------------------------------------------------

  override render(): TemplateResult {
    const { t } = this;
    return html`<section part="base" class="finder ${this.handoutIds ? 'finder--handout' : ''}" lang=${this.uiLang} aria-labelledby="title">
      <h2 id="title">${t.finderTitle}</h2>
      ${this.renderBody()} ${this.renderHandout()}
    </section>`;
  }

  /**
   * The feed as far as it is there: once its datasets have arrived, the feed; before, when a first
   * page can already be shown, nothing yet but the SDK's communes and bassins when a place was
   * looked up (the filters' names come with the feed).
   */
  private get shownFeed(): Feed | undefined {
    if (this.feedState.status === 'ready') return this.feedState.feed;
    if (this.feedState.status !== 'loading' || !this.firstPage) return undefined;
    return { ...EMPTY_FEED, communes: [...(placeLookup?.communes ?? [])], bassins: [...(placeLookup?.bassins ?? [])], url: this.feed ?? '', loadedAt: new Date() };
  }

  private renderBody(): TemplateResult {
    const { t, directory } = this;
    const feed = this.shownFeed;
    if (!feed) return this.renderFeedState()!;
    const result = this.view();
    const loading = directory.complete
      ? nothing
      : html`<p class="muted progress" data-loading-directory>${t.directoryLoading(directory.loaded, directory.total ?? this.firstPage?.total)}</p>`;
    if (!result) return html`<p class="notice" part="notice" role="status">${t.loading}</p>${loading}`;
    if (this.selection.shared) return html`${this.renderDataNotices(feed)}${this.renderShared()}`;
    // Sorting by distance and the filters the search does not know cost a pass over the results: only when asked.
    const near = this.nearMe.status === 'on' ? this.nearMe.arrange(result.services) : undefined;
    this.distances = near?.distances ?? NO_DISTANCES;
    const age = this.personAge;
    const narrowed = age !== undefined || this.nothingToBring;
    let services: readonly Service[] = near?.services ?? result.services;
    if (narrowed) services = services.filter((service) => (age === undefined || takesAge(service, age)) && (!this.nothingToBring || service.requiredDocuments?.length === 0));
    const count = near || narrowed ? services.length : result.count;
    const visible = services.slice(0, this.shown);
    return html`
      ${this.renderDataNotices(feed)}
      <div class="search" part="search">
        <label for="query">${t.searchLabel}</label>
        <input
          id="query"
          type="search"
          autocomplete="off"
          maxlength="200"
          placeholder=${t.searchPlaceholder}
          .value=${this.state.query}
          @input=${(event: Event) => this.change({ query: (event.target as HTMLInputElement).value })}
        />
      </div>
      ${this.renderReadings()}
      ${this.renderFilters(feed, result)}
      <div class="toolbar no-print">
        <p class="count" part="status">${result.partial ? t.resultCountPartial(count, this.loadedSoFar) : t.resultCount(count)}</p>
        ${this.nearMe.status === 'on' ? nothing : html`<button part="button" class="secondary" data-near-me @click=${() => this.nearMe.locate()}>${t.nearMe}</button>`}
        <button part="button" class="secondary" @click=${() => window.print()}>${t.print}</button>
      </div>
      ${this.renderNearMe()}
      ${loading}
      ${directory.failed !== undefined ? html`<p class="notice" part="notice">${t.directoryFailed(directory.loaded)}</p>` : nothing}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.announced}</div>
      ${this.renderSelection()}
      ${this.renderSuggestions(result.suggestions)}
      ${count > 0 && result.withEveryWord === 0 ? html`<p class="notice" part="notice">${t.someWordsOnly}</p>` : nothing}
      ${count === 0 && !result.partial ? this.renderEmpty(feed) : nothing}
      <ul class="results" part="results">
        ${visible.map((service) => this.renderCard(service))}
      </ul>
      ${count > this.shown
        ? html`<button part="button" class="more" @click=${this.showMore}>${t.showMore(Math.min(this.validPageSize, count - this.shown))}</button>`
        : nothing}
    `;
  }

  /** "Did you mean": each word that finds nothing, and the directory's nearest word, which replaces it on a click. */
  private renderSuggestions(suggestions: Readonly<Record<string, string>>): TemplateResult | typeof nothing {
    const pairs = Object.entries(suggestions);
    if (!pairs.length) return nothing;
    const replace = (word: string, by: string) => {
      // Suggestions come from the search, whose code is there.
      const query = this.state.query.replace(/\S+/g, (typed) => (this.searchCode?.normalizeText(typed) === word ? by : typed));
      this.change({ query });
      this.renderRoot.querySelector<HTMLInputElement>('#query')?.focus();
    };
    return html`<p class="suggestions" part="notice">
      ${this.t.didYouMean}
      ${pairs.map(([word, by], index) => html`${index ? ', ' : ''}<button part="button" class="link" @click=${() => replace(word, by)}>${by}</button>`)} ?
    </p>`;
  }

  /** The filters read from the words, each a chip that takes it back (the words are then searched as words). */
  private renderReadings(): TemplateResult | typeof nothing {
    const { read } = this.question;
    if (!read.length) return nothing;
    const { t, uiLang: lang } = this;
    const feed = this.shownFeed;
    const label = ({ kind, value }: QueryFilter): string => {
      switch (kind) {
        case 'free':
          return t.free;
        case 'openNow':
          return t.openNow;
        case 'language':
          return languageName(value, lang);
        case 'public':
          return t.publics[value] ?? value;
        case 'commune':
          return localizedText(feed?.communes.find((commune) => commune.nis === value)?.name, lang) || value;
      }
    };
    return html`<div class="readings" part="readings">
      <span>${t.readFromQuery}</span>
      ${read.map(
        (reading) => html`<button part="button chip" class="chip secondary" @click=${() => this.takeBack(reading.key)}>
          ${label(reading)} <span aria-hidden="true">×</span><span class="sr-only"> — ${t.takeBack}</span>
        </button>`,
      )}
    </div>`;
  }

  private takeBack(key: string): void {
    this.ignoredReadings = new Set([...this.ignoredReadings, key]);
    this.shown = this.validPageSize;
    this.scheduleAnnouncement();
    // The chip is gone: the search field keeps the focus, rather than the page's top.
    this.renderRoot.querySelector<HTMLInputElement>('#query')?.focus();
  }

  /** Where the position is and the radius while sorted by distance; else what became of the request. */
  private renderNearMe(): TemplateResult | typeof nothing {
    const { t, uiLang: lang } = this;
    const { status, territory, radius } = this.nearMe;
    if (status === 'off') return nothing;
    if (status !== 'on') {
      const message = { locating: t.locating, denied: t.nearDenied, unavailable: t.nearUnavailable, timeout: t.nearTimeout, imprecise: t.nearImprecise, outside: t.nearOutside }[status];
      return html`<p class="notice near no-print" part="notice" role="status">${message}</p>
        ${status === 'locating' ? nothing : this.renderPlaceLookup()}`;
    }
    return html`<div class="near no-print" part="near">
      <p role="status">${territory?.message[lang] ?? ''} ${t.nearSorted} <span class="muted">${t.nearPrivacy}</span></p>
      <div class="field">
        <label for="radius">${t.radius}</label>
        <select id="radius" @change=${(event: Event) => this.nearMe.setRadius(Number((event.target as HTMLSelectElement).value))}>
          ${RADII.map((metres) => html`<option value=${metres} ?selected=${metres === radius}>${metres ? formatDistance(metres, this.uiLang) : t.anyDistance}</option>`)}
        </select>
      </div>
      <button part="button" class="secondary" @click=${() => this.nearMe.stop()}>${t.stopNear}</button>
    </div>`;
  }

  /** Without a position: the same answer for a postal code or a commune typed, and its commune as filter. */
  private renderPlaceLookup(): TemplateResult {
    const { t, uiLang: lang } = this;
    const lookUp = async (event: SubmitEvent) => {
      event.preventDefault();
      const value = ((event.target as HTMLFormElement).elements.namedItem('place') as HTMLInputElement).value.trim().slice(0, 100);
      if (!value) return;
      const lookup = placeLookup ?? (await loadPlaceLookup().catch(() => undefined));
      if (!lookup) {
        this.placeAnswer = t.placeLookupFailed;
        return;
      }
      const answer = lookup.resolveTerritory(value, this.placeReference(lookup));
      this.placeAnswer = answer.message[lang];
      if (answer.communes.length === 1) this.change({ commune: answer.communes[0]!.nis });
    };
    return html`<form class="near no-print" part="near" @submit=${lookUp}>
      <div class="field">
        <label for="place">${t.placeLabel}</label>
        <input id="place" name="place" autocomplete="postal-code" maxlength="100" />
      </div>
      <button part="button" class="secondary" type="submit">${t.placeFind}</button>
      ${this.placeAnswer ? html`<p role="status">${this.placeAnswer}</p>` : nothing}
    </form>`;
  }

  /** The filters, folded on a phone until asked: folded, their fields are not drawn (hundreds of choices nobody sees). */
  private renderFilters(feed: Feed, result: View): TemplateResult {
    const { t, state } = this;
    const activeCount = (Object.keys(EMPTY_STATE) as (keyof FinderState)[]).filter((part) => part !== 'query' && state[part] !== EMPTY_STATE[part]).length;
    return html`<details class="filters" part="filters" ?open=${this.filtersOpen} @toggle=${(event: Event) => (this.filtersOpen = (event.target as HTMLDetailsElement).open)}>
      <summary>${t.filters}${activeCount ? ` (${activeCount})` : ''}</summary>
      ${this.filtersOpen ? this.renderFilterFields(feed, result, activeCount > 0) : nothing}
    </details>`;
  }

  private renderFilterFields(feed: Feed, result: View, active: boolean): TemplateResult {
    const { t, uiLang: lang, state } = this;
    const categoryName = new Map(feed.categories.map((term) => [String(term.id), term.title]));
    const sectorName = new Map(feed.sectors.map((term) => [String(term.id), term.title]));
    const communeName = new Map(feed.communes.map((commune) => [commune.nis, commune.name]));
    const bassinName = new Map(feed.bassins.map((bassin) => [bassin.id, bassin.name]));
    const select = (
      id: keyof FinderState,
      label: string,
      all: string,
      counts: FacetCount[],
      nameOf: (value: string) => string | undefined,
    ) => {
      const values = counts.map((facet) => facet.value);
      const selected = String(state[id]);
      if (selected && !values.includes(selected)) counts = [...counts, { value: selected, count: 0 }];
      // A value without a name (a category of the first page before the feed's categories arrive) is not offered.
      const name = (value: string) => nameOf(value) ?? value;
      const options = counts.filter((facet) => nameOf(facet.value) !== undefined || facet.value === selected);
      const order = inNameOrder(feed, id, lang, options.map((facet) => facet.value), name);
      options.sort((a, b) => order.get(a.value)! - order.get(b.value)!);
      return html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} @change=${(event: Event) => this.change({ [id]: (event.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!selected}>${all}</option>
          ${options.map(
            (facet) => html`<option value=${facet.value} ?selected=${facet.value === selected}>${name(facet.value)} (${facet.count})</option>`,
          )}
        </select>
      </div>`;
    };
    const localizedName = (names: Map<string, { fr: string; nl: string; en?: string }>) => (value: string) => {
      const found = names.get(value);
      return found ? (found[lang] ?? found.fr) : undefined;
    };
    const checkbox = (flag: (typeof FLAGS)[number], label: string) =>
      html`<label class="check"
        ><input type="checkbox" .checked=${state[flag]} @change=${(event: Event) => this.change({ [flag]: (event.target as HTMLInputElement).checked })} />
        ${label} <span class="muted">(${result.facets[flag]})</span></label
      >`;
    return html`<div class="fields">
      ${select('category', t.category, t.allCategories, result.facets.categoryIds, localizedName(categoryName))}
      ${feed.sectors.length ? select('sector', t.sector, t.allSectors, result.facets.sectorIds, localizedName(sectorName)) : nothing}
      ${select('commune', t.commune, t.allCommunes, result.facets.communes, localizedName(communeName))}
      ${select('bassin', t.bassin, t.allBassins, result.facets.bassins, localizedName(bassinName))}
      ${select('language', t.language, t.allLanguages, result.facets.languages, (code) => languageName(code, lang))}
      ${select('public', t.public, t.allPublics, result.facets.publics, (code) => t.publics[code] ?? code)}
    </div>
    <div class="field age">
      <label for="person-age">${t.personAge}</label>
      <input
        id="person-age"
        type="number"
        inputmode="numeric"
        min="0"
        max="130"
        aria-describedby="person-age-hint"
        .value=${this.personAge === undefined ? '' : String(this.personAge)}
        @input=${(event: Event) => {
          const value = (event.target as HTMLInputElement).valueAsNumber;
          this.personAge = Number.isInteger(value) && value >= 0 && value <= 130 ? value : undefined;
          this.shown = this.validPageSize;
        }}
      />
      <span class="muted" id="person-age-hint">${t.personAgeHint}</span>
    </div>
    ${this.renderOpenAt()}
    <div class="checks">
      ${checkbox('openNow', t.openNow)} ${checkbox('free', t.free)} ${checkbox('withoutAppointment', t.withoutAppointment)}
      ${checkbox('reducedMobility', t.reducedMobility)}
      <label class="check"
        ><input type="checkbox" .checked=${this.nothingToBring} @change=${(event: Event) => {
          this.nothingToBring = (event.target as HTMLInputElement).checked;
          this.shown = this.validPageSize;
        }} />
        ${t.nothingToBring}</label
      >
    </div>
    ${active
      ? html`<button part="button" class="secondary" @click=${() => this.change({ ...EMPTY_STATE, query: state.query })}>${t.resetFilters}</button>`
      : nothing}`;
  }

  /** A day of the coming week and a time, to find what is open then (to plan a visit, not now). */
  private renderOpenAt(): TemplateResult {
    const { t, uiLang: lang } = this;
    const today = brusselsTime(new Date()).date;
    const days = Array.from({ length: 7 }, (_, offset) => addDays(today, offset));
    const names = weekdayNames(lang, 'long');
    const label = (date: string, offset: number) => (offset === 0 ? t.today : offset === 1 ? t.tomorrow : `${names[WEEKDAYS.indexOf(weekdayOf(date))]} ${formatDate(date, lang)}`);
    const set = (patch: Partial<{ date: string; time: string }>) => {
      const next = { date: this.openAt?.date ?? '', time: this.openAt?.time ?? '09:00', ...patch };
      this.openAt = next.date && /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(next.time) ? next : undefined;
      this.shown = this.validPageSize;
    };
    return html`<fieldset class="open-at">
      <legend>${t.openAtLegend}</legend>
      <div class="field">
        <label for="open-day">${t.openAtDay}</label>
        <select id="open-day" @change=${(event: Event) => set({ date: (event.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!this.openAt}>${t.openAtNone}</option>
          ${days.map((date, offset) => html`<option value=${date} ?selected=${this.openAt?.date === date}>${label(date, offset)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="open-time">${t.openAtTime}</label>
        <input id="open-time" type="time" step="900" .value=${this.openAt?.time ?? '09:00'} @change=${(event: Event) => set({ time: (event.target as HTMLInputElement).value })} />
      </div>
    </fieldset>`;
  }

  /**
   * Nothing found: the themes offered in the same place (the search without its words), to
   * browse instead, and the helpdesk of the territory asked for.
   */
  private renderEmpty(feed: Feed): TemplateResult {
    const { t, uiLang: lang, state } = this;
    const { text: words, filters } = this.question;
    const commune = state.commune || filters.communes?.[0];
    const bassinLine = feed.helpdesks.find((helpdesk) => helpdesk.territory === state.bassin);
    const communeLine = commune ? this.communeHelpdesk(commune, feed) : undefined;
    const helpdesk = (bassinLine && isReachable(bassinLine) ? bassinLine : communeLine) ?? regionalHelpdesk(feed);
    const index = this.search?.index ?? this.firstPageSearch;
    const titles = new Map(feed.categories.map((category) => [String(category.id), category.title]));
    const themes = words.trim() && index ? index.search('', filters).facets.categoryIds.filter((facet) => titles.has(facet.value)).slice(0, 6) : [];
    return html`<div class="empty" part="empty">
      <p><strong>${t.noResults}</strong></p>
      ${themes.length
        ? html`<p>${t.browseThemes}</p>
            <ul class="themes">
              ${themes.map(
                (theme) => html`<li><button part="button" class="link" @click=${() => this.change({ query: '', category: theme.value })}>${localizedText(titles.get(theme.value), lang)} (${theme.count})</button></li>`,
              )}
            </ul>`
        : nothing}
      <p>${t.noResultsHint}</p>
      <h3>${text(helpdesk.name, lang)}</h3>
      ${helpdeskContacts(helpdesk, t, lang)}
    </div>`;
  }

  private renderCard(service: Service): TemplateResult {
    const { t, uiLang: lang } = this;
    const open = this.expanded.has(service.id);
    const status = openingStatus(hoursWithAlerts(service));
    const alerts = currentAlerts(service.alerts);
    const detailsId = `details-${service.id}`;
    const location = service.locations?.[0];
    const callable = service.phones?.find((phone) => phone.number);
    const call = callable?.number ? telHref(callable.number, callable.extension) : undefined;
    const range = ages(service);
    const what = [...(service.serviceTypes ?? []).map((type) => t.serviceTypes[type] ?? type), ...(range ? [t.ages(range)] : [])].join(' · ');
    const place = location ? localizedText(location.address.municipality, lang) || (location.address.postalCode ?? '') : '';
    const distance = this.nearMe.status === 'on' ? (this.distances.has(service) ? t.distance(formatDistance(this.distances.get(service)!, this.uiLang)) : t.distanceUnknown) : '';
    // The summary answers "what, open, where, call"; the rest is one button away (and printed).
    return html`<li class="card" part="card">
      <article aria-labelledby=${`title-${service.id}`}>
        <h3 class="card__title" part="card-title" id=${`title-${service.id}`}>
          <button class="card__toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${detailsId} @click=${() => this.toggle(service)}>
            ${text(service.name, lang)}
          </button>
        </h3>
        ${alerts.map((alert) => html`<p class="alert" part="alert" role="note"><strong>${t.alert}</strong> ${text(alert.text, lang)}</p>`)}
        <p class="types">${service.sample ? html`<span class="badge">${t.sample}</span> ` : nothing}${what}</p>
        ${status.known || status.text || place || distance
          ? html`<p class="today ${status.known ? '' : 'today--text'}">
              ${status.known || status.text ? html`<span>${openingLine(status, t, lang)}</span>` : nothing}
              ${place || distance
                ? html`<span class="where">${distance ? html`<span class="distance" data-distance>${distance}</span>` : nothing}${distance && place ? ' · ' : ''}${place}</span>`
                : nothing}
            </p>`
          : nothing}
        <div class="card__quick no-print">
          ${call ? html`<a class="button call" part="button call" href=${call}><span class="sr-only">${t.call} </span>${formatPhoneNumber(callable!.number!)}</a>` : nothing}
          <button part="button" class="secondary" aria-expanded=${open ? 'true' : 'false'} aria-controls=${detailsId} @click=${() => this.toggle(service)}>
            ${t.details}<span class="sr-only"> — ${localizedName(service, lang)}</span>
          </button>
          <label class="check select"
            ><input type="checkbox" .checked=${this.selection.has(service.id)} @change=${() => this.selection.toggle(service.id)} /> ${t.select}<span class="sr-only">
              — ${localizedName(service, lang)}</span></label
          >
        </div>
        <div class="details" id=${detailsId} ?hidden=${!open}>${open || !this.detailsHeldBack ? this.renderDetails(service) : nothing}</div>
      </article>
    </li>`;
  }

  /** What a card folds away: every fact, how to get there and when, how to report an error. */
  private renderDetails(service: Service): TemplateResult {
    const { t, uiLang: lang } = this;
    const location = service.locations?.[0];
    const range = ages(service);
    const languages = [
      ...(service.languages ?? []).map((code) => languageName(code, lang)),
      ...(service.languageSupport ?? []).map((support) => (support === 'social-interpreting' ? t.interpreting : t.mediation)),
    ];
    const phones = phoneLinks(service.phones, lang, t);
    const emails = emailLinks(service.emails, lang);
    const sites = websiteLinks(service.websites, lang);
    return html`${service.sample ? html`<p class="sample muted">${t.sampleNote}</p>` : nothing}
      <dl class="facts">
        ${location
          ? html`<dt>${t.address}</dt>
              <dd>
                ${addressLine(location.address, lang)}
              </dd>`
          : nothing}
        ${languages.length ? html`<dt>${t.languagesSpoken}</dt><dd>${languages.join(', ')}</dd>` : nothing}
        ${phones.length ? html`<dt>${t.phone}</dt><dd><ul>${phones}</ul></dd>` : nothing}
        ${emails.length ? html`<dt>${t.email}</dt><dd><ul>${emails}</ul></dd>` : nothing}
        ${sites.length ? html`<dt>${t.website}</dt><dd><ul>${sites}</ul></dd>` : nothing}
        ${service.cost
          ? html`<dt>${t.cost}</dt><dd>${service.cost.free === undefined ? nothing : service.cost.free ? t.costFree : t.costPaid}${service.cost.text ? html`${service.cost.free === undefined ? nothing : ' — '}${text(service.cost.text, lang)}` : nothing}</dd>`
          : nothing}
        ${range ? html`<dt>${t.age}</dt><dd>${t.ages(range)}</dd>` : nothing}
        ${service.appointment
          ? html`<dt>${t.appointment}</dt><dd>${{ required: t.appointmentRequired, 'not-required': t.appointmentNotRequired, either: t.appointmentEither }[service.appointment]}</dd>`
          : nothing}
        ${location?.accessibility?.reducedMobility
          ? html`<dt>${t.accessibility}</dt><dd>${{ full: t.accessFull, partial: t.accessPartial, none: t.accessNone }[location.accessibility.reducedMobility]}</dd>`
          : nothing}
      </dl>
      ${service.description ? html`<p>${text(service.description, lang)}</p>` : nothing}
      ${service.publicText ? html`<p>${text(service.publicText, lang)}</p>` : nothing}
      ${service.publics?.length ? html`<p>${t.public} : ${service.publics.map((code) => t.publics[code] ?? code).join(', ')}</p>` : nothing}
      ${service.applicationProcess || service.requiredDocuments
        ? html`<h4>${t.howToAccess}</h4>
            ${service.applicationProcess ? html`<p>${text(service.applicationProcess, lang)}</p>` : nothing}
            ${service.requiredDocuments?.length
              ? html`<p>${t.toBring}</p>
                  <ul>
                    ${service.requiredDocuments.map((document) => html`<li>${text(document, lang)}</li>`)}
                  </ul>`
              : service.requiredDocuments
                ? html`<p>${t.nothingToBringSaid}</p>`
                : nothing}`
        : nothing}
      ${this.renderWeek(service)}
      ${location?.accessibility?.text ? html`<p>${text(location.accessibility.text, lang)}</p>` : nothing}
      <p class="verified muted">${service.lastVerified ? t.lastVerified(formatDate(service.lastVerified, lang)) : t.notVerified}</p>
      ${this.reportForm.render(service, this.shownFeed, t, lang)}`;
  }

  // --- the selection, its handout and its link ----------------------------------

  /** The services that have arrived, by id: the directory's, or before it the first page's. */
  private knownServices(): ReadonlyMap<string, Service> {
    if (this.servicesById.size || !this.firstPage) return this.servicesById;
    return new Map(this.firstPage.services.map((service) => [service.id, service]));
  }

  private renderSelection(): TemplateResult | typeof nothing {
    const { t, uiLang: lang } = this;
    const { ids, note } = this.selection;
    if (!ids.length) return nothing;
    const known = this.knownServices();
    return html`<section class="selection no-print" part="selection" aria-labelledby="selection-title">
      <h3 id="selection-title">${t.selectionTitle(ids.length)}</h3>
      <p class="muted">${t.selectionHint}</p>
      <ul class="plain">
        ${ids.map((id) => {
          const service = known.get(id);
          return html`<li>
            ${service ? text(service.name, lang) : id}
            <button class="link" @click=${() => this.selection.toggle(id)}>${t.remove}<span class="sr-only"> ${service ? localizedName(service, lang) : id}</span></button>
          </li>`;
        })}
      </ul>
      <label for="selection-note">${t.note}</label>
      <textarea id="selection-note" maxlength="1000" rows="2" placeholder=${t.notePlaceholder} .value=${note} @input=${(event: Event) => this.selection.setNote((event.target as HTMLTextAreaElement).value)}></textarea>
      <div class="row">
        <button part="button" data-print-handout @click=${() => this.printHandout(ids)}>${t.printHandout}</button>
        <button part="button" class="secondary" data-share @click=${() => this.share(ids)}>${t.share}</button>
        <button part="button" class="secondary" @click=${() => this.selection.clear()}>${t.clearSelection}</button>
      </div>
      ${this.shared
        ? this.shared.copied
          ? html`<p role="status">${t.linkCopied}</p>`
          : html`<label for="share-link">${t.linkToCopy}</label> <input id="share-link" readonly .value=${this.shared.link} @focus=${(event: Event) => (event.target as HTMLInputElement).select()} />`
        : nothing}
    </section>`;
  }

  /** A page opened from a shared link: those services, as they are now. */
  private renderShared(): TemplateResult {
    const { t, directory } = this;
    const ids = this.selection.shared!;
    const known = this.knownServices();
    const services = ids.flatMap((id) => (known.has(id) ? [known.get(id)!] : []));
    const missing = directory.complete ? ids.length - services.length : 0;
    return html`<section class="selection shared" part="selection" aria-labelledby="shared-title">
        <h3 id="shared-title">${t.sharedTitle(services.length)}</h3>
        ${missing ? html`<p class="notice" part="notice">${t.sharedUnknown(missing)}</p>` : nothing}
        ${directory.complete ? nothing : html`<p class="muted" role="status">${t.directoryLoading(directory.loaded, directory.total)}</p>`}
        <div class="row no-print">
          ${services.length ? html`<button part="button" data-print-handout @click=${() => this.printHandout(services.map((service) => service.id))}>${t.printHandout}</button>` : nothing}
          <button part="button" class="secondary" @click=${() => this.selection.closeShared()}>${t.showAll}</button>
        </div>
      </section>
      <ul class="results" part="results">
        ${services.map((service) => this.renderCard(service))}
      </ul>`;
  }

  /** Prints a handout of these services (and the note): the page's print dialog, with only the handout. */
  private async printHandout(ids: readonly string[]): Promise<void> {
    this.qr ??= await import('uqr').catch(() => undefined); // without it, the handout has the links as text
    this.handoutIds = [...ids];
    await this.updateComplete;
    window.print();
  }

  private async share(ids: readonly string[]): Promise<void> {
    const link = this.selection.link(ids);
    if (navigator.share) {
      try {
        await navigator.share({ title: this.t.selectionTitle(ids.length), url: link });
        return;
      } catch (error) {
        if ((error as Error).name === 'AbortError') return; // the person closed the share sheet
      }
    }
    try {
      await navigator.clipboard.writeText(link);
      this.shared = { link, copied: true };
    } catch {
      this.shared = { link, copied: false };
    }
  }

  /** The handout: on paper only (A4, black and white), the date, the note, each service and the feed's source. */
  private renderHandout(): TemplateResult | typeof nothing {
    const feed = this.shownFeed;
    if (!this.handoutIds || !feed) return nothing;
    const { t, uiLang: lang } = this;
    const known = this.knownServices();
    const services = this.handoutIds.flatMap((id) => (known.has(id) ? [known.get(id)!] : []));
    const note = this.selection.shared ? '' : this.selection.note;
    const generated = feed.manifest.generatedAt ? formatDate(feed.manifest.generatedAt.slice(0, 10), lang) : formatDate(brusselsTime(feed.loadedAt).date, lang);
    return html`<section class="handout">
      <h2>${t.handoutTitle}</h2>
      <p>${t.handoutDate(formatDate(brusselsTime(new Date()).date, lang))}</p>
      ${note ? html`<p class="handout__note">${note}</p>` : nothing}
      ${services.map((service) => {
        const location = service.locations?.[0];
        const link = this.selection.link([service.id]);
        return html`<article class="handout__service">
          ${this.qrCode(link)}
          <h3>${text(service.name, lang)}</h3>
          ${currentAlerts(service.alerts).map((alert) => html`<p><strong>${t.alert}</strong> ${text(alert.text, lang)}</p>`)}
          ${location ? html`<p>${addressLine(location.address, lang)}</p>` : nothing}
          ${(service.phones ?? []).map((phone) => html`<p>${t.phone} : ${phone.number ? formatPhoneNumber(phone.number) : phone.text}${phone.extension ? ` (${t.extension(phone.extension)})` : ''}</p>`)}
          <p>${openingLine(openingStatus(hoursWithAlerts(service)), t, lang)}</p>
          ${this.renderWeek(service)}
          ${service.applicationProcess ? html`<p>${text(service.applicationProcess, lang)}</p>` : nothing}
          ${service.requiredDocuments?.length ? html`<p>${t.toBring} ${service.requiredDocuments.map((document) => localizedText(document, lang)).join(' ; ')}</p>` : nothing}
        </article>`;
      })}
      <p class="handout__source">${t.handoutSource(localizedText(feed.manifest.title, lang), generated)}</p>
    </section>`;
  }

  /** A QR code of a link, drawn as one SVG path; nothing when the code writer is missing or the link too long to scan. */
  private qrCode(link: string): TemplateResult | typeof nothing {
    if (!this.qr || link.length > 600) return nothing;
    const { data, size } = this.qr.encode(link, { ecc: 'M', border: 2 });
    let path = '';
    data.forEach((row, y) => row.forEach((dark, x) => (path += dark ? `M${x} ${y}h1v1h-1z` : '')));
    return html`<figure class="handout__qr">
      <svg viewBox="0 0 ${size} ${size}" width="96" height="96" aria-hidden="true"><rect width=${size} height=${size} fill="#fff"></rect><path d=${path} fill="#000"></path></svg>
      <figcaption>${this.t.handoutScan}</figcaption>
    </figure>`;
  }

  /** The coming seven days' hours, Monday first, so a holiday shows where it falls. */
  private renderWeek(service: Service): TemplateResult | typeof nothing {
    const { hours } = service;
    const { t, uiLang: lang } = this;
    if (!hours?.weekly) return hours?.text ? html`<p>${t.hours} : ${text(hours.text, lang)}</p>` : nothing;
    const names = weekdayNames(lang, 'long');
    const today = new Date(`${brusselsTime(new Date()).date}T00:00:00Z`);
    const dates = Array.from({ length: 7 }, (_, offset) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10));
    const dateOf = new Map(dates.map((date) => [weekdayOf(date), date]));
    return html`<table class="week">
        <caption>${t.hours}</caption>
        ${WEEKDAYS.map((day, index) => {
          const intervals = intervalsOn(hours, dateOf.get(day)!);
          return html`<tr>
            <th scope="row">${names[index]}</th>
            <td>${intervals.length ? intervals.map((interval) => `${interval.opens}–${interval.closes}`).join(', ') : t.closed}</td>
          </tr>`;
        })}
      </table>
      ${hours.text ? html`<p>${text(hours.text, lang)}</p>` : nothing}`;
  }


}
