import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Event, Feed } from '@brusano/sdk';
import { eventsToIcs, eventToIcs, eventToJsonLd } from '@brusano/sdk/calendar';
import { brusselsTime } from '@brusano/sdk/hours';
import { localize } from '@brusano/sdk/text';
import { bassinShape, eventShape } from '@brusano/sdk/reader';
import { BrusanoElement } from '../shared/brusano-element.js';
import type { SharedStrings, Translations } from '../shared/i18n.js';
import type { AgendaStrings } from './strings/fr.js';
import { brusselsDate, formatLongDate, formatMonth, formatTime, isDateOnly, weekdayNames } from '../shared/format.js';
import { downloadText, safeWebUrl } from '../shared/links.js';
import { addressLine, text } from '../shared/templates.js';
import { agendaStyles } from './agenda.styles.js';

type View = 'list' | 'month';
const EVENT_TYPES = ['adc', 'cab', 'car', 'concertation', 'training', 'other'] as const;

/** What `brusano-select` carries when a person picks an event in the month view. */
export interface EventSelectDetail {
  event: Event;
}


/**
 * @tagname brusano-agenda
 * @summary The agenda of the bassins and the Region: upcoming meetings and activities, as a list or a month.
 *
 * @attr feed - URL of the feed's manifest.json.
 * @attr bassin - Show only this bassin's events (and the Region's).
 * @attr types - Comma-separated event types: adc, cab, car, concertation, training, other.
 * @attr from - First day shown (YYYY-MM-DD). Default: today.
 * @attr until - Last day shown (YYYY-MM-DD).
 * @attr limit - How many events the list shows at most.
 * @attr view - list (default) or month.
 *
 * @fires brusano-select - A person picked an event in the month view. `detail.event`.
 * @fires brusano-filter-change - The bassin, type or past-events choice changed. `detail`.
 * @fires brusano-error - The feed could not be loaded, or some records were skipped. `detail.type`, `detail.message`.
 *
 * @csspart base - The whole widget.
 * @csspart filters - The filter area.
 * @csspart status - The event count.
 * @csspart event - One event.
 * @csspart event-title - The title of an event.
 * @csspart calendar - The month table.
 * @csspart empty - The message shown when there is no event.
 *
 * The `lang` attribute, the `link`, `button` and `notice` parts and the --brusano-* custom properties
 * are documented on BrusanoElement: the three widgets share them.
 */
export class BrusanoAgenda extends BrusanoElement {
  static override styles = agendaStyles;
  protected static override translations: Translations<SharedStrings & AgendaStrings> = {
    fr: () => import('./strings/fr.js'),
    nl: () => import('./strings/nl.js'),
    en: () => import('./strings/en.js'),
  };
  protected static override datasets = { events: eventShape, bassins: bassinShape };

  static override properties = {
    bassin: { type: String },
    types: { type: String },
    from: { type: String },
    until: { type: String },
    limit: { type: Number },
    view: { type: String, reflect: true },
    chosenBassin: { state: true },
    chosenType: { state: true },
    showPast: { state: true },
    month: { state: true },
    expanded: { state: true },
  };

  declare bassin: string | undefined;
  declare types: string | undefined;
  declare from: string | undefined;
  declare until: string | undefined;
  declare limit: number | undefined;
  declare view: View;
  declare private chosenBassin: string;
  declare private chosenType: string;
  declare private showPast: boolean;
  /** First day of the month shown in the month view, YYYY-MM-01. */
  declare private month: string;
  /** The events whose details are open (kept when the list changes). */
  declare private expanded: ReadonlySet<string>;
  private focusEventAfterRender?: string;

  constructor() {
    super();
    this.view = 'list';
    this.chosenBassin = '';
    this.chosenType = '';
    this.showPast = false;
    this.month = `${brusselsTime(new Date()).date.slice(0, 7)}-01`;
    this.expanded = new Set();
  }

  private toggle(event: Event): void {
    const expanded = new Set(this.expanded);
    if (!expanded.delete(event.id)) expanded.add(event.id);
    this.expanded = expanded;
  }

  protected override get t(): SharedStrings & AgendaStrings {
    return super.t as SharedStrings & AgendaStrings;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('bassin')) this.chosenBassin = this.bassin ?? '';
    if (changed.has('from') && this.validDate(this.from)) this.month = `${this.from!.slice(0, 7)}-01`;
    if (changed.has('view') && this.view !== 'month') this.view = 'list';
  }

  protected override updated(): void {
    this.writeStructuredData();
    if (this.focusEventAfterRender) {
      this.renderRoot.querySelector<HTMLElement>(`[data-event="${CSS.escape(this.focusEventAfterRender)}"]`)?.focus();
      this.focusEventAfterRender = undefined;
    }
  }

  private validDate(value: string | undefined): boolean {
    return Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value));
  }

  private get allowedTypes(): Set<string> {
    const listed = (this.types ?? '').split(',').map((type) => type.trim()).filter((type) => (EVENT_TYPES as readonly string[]).includes(type));
    return new Set(listed.length ? listed : EVENT_TYPES);
  }

  /** The events to show, in date order, with the attribute and user filters applied. */
  private selectEvents(feed: Feed): Event[] {
    const today = brusselsTime(new Date()).date;
    const from = this.validDate(this.from) ? this.from! : today;
    const until = this.validDate(this.until) ? this.until! : undefined;
    const types = this.allowedTypes;
    return feed.events
      .filter((event) => types.has(event.type) && (!this.chosenType || event.type === this.chosenType))
      .filter((event) => !this.chosenBassin || event.territories.includes(this.chosenBassin) || event.territories.includes('region'))
      .filter((event) => {
        const lastDay = brusselsDate(event.end ?? event.start);
        const firstDay = brusselsDate(event.start);
        if (until && firstDay > until) return false;
        return this.showPast || lastDay >= from;
      })
      .sort((a, b) => startTime(a) - startTime(b) || a.id.localeCompare(b.id));
  }

  private change(patch: { chosenBassin?: string; chosenType?: string; showPast?: boolean }): void {
    Object.assign(this, patch);
    this.emit('brusano-filter-change', { bassin: this.chosenBassin, type: this.chosenType, showPast: this.showPast });
  }

  private addToCalendar(event: Event): void {
    downloadText(`${event.id}.ics`, 'text/calendar', eventToIcs(event, { lang: this.uiLang }));
  }

  private addAllToCalendar(events: Event[]): void {
    downloadText('agenda.ics', 'text/calendar', eventsToIcs(events, { lang: this.uiLang, name: this.t.agendaTitle }));
  }

  /** The events shown, as schema.org JSON-LD in the page itself (light DOM), for search engines. */
  private writeStructuredData(): void {
    const feed = this.data;
    let script = this.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');
    if (!feed) {
      script?.remove();
      return;
    }
    if (!script) {
      script = document.createElement('script');
      script.type = 'application/ld+json';
      this.append(script);
    }
    const events = this.selectEvents(feed).slice(0, this.listLimit);
    // "<" escaped so no text in the data can close the script element if the page is serialized.
    script.textContent = JSON.stringify(events.map((event) => eventToJsonLd(event, this.uiLang))).replace(/</g, '\\u003c');
  }

  /** The feed's subscribable calendar for the chosen bassin (or the whole Region), in this language. */
  private subscriptionUrl(feed: Feed): string | undefined {
    const territory = this.chosenBassin || 'all';
    const calendar = feed.manifest.calendars?.find((candidate) => candidate.territory === territory && candidate.lang === this.uiLang);
    return calendar ? safeWebUrl(new URL(calendar.url, feed.url).href) : undefined;
  }

  private pick(event: Event): void {
    this.emit<EventSelectDetail>('brusano-select', { event });
    this.view = 'list';
    this.showPast = this.showPast || brusselsDate(event.end ?? event.start) < brusselsTime(new Date()).date;
    this.focusEventAfterRender = event.id;
  }

  private moveMonth(step: number): void {
    const [year, month] = this.month.split('-').map(Number) as [number, number];
    const next = new Date(Date.UTC(year, month - 1 + step, 1));
    this.month = next.toISOString().slice(0, 10);
  }

  override render(): TemplateResult {
    return html`<section part="base" class="agenda" lang=${this.uiLang} aria-labelledby="title">
      <h2 id="title">${this.t.agendaTitle}</h2>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    const { t, feedState } = this;
    if (feedState.status !== 'ready') return this.renderFeedState()!;
    const feed = feedState.feed;
    const events = this.selectEvents(feed);
    return html`
      ${this.renderDataNotices(feed)}
      ${this.renderFilters(feed)}
      <p class="count" part="status" role="status">${t.eventCount(this.view === 'list' ? Math.min(events.length, this.listLimit) : this.inShownMonth(events).length)}</p>
      ${this.view === 'month' ? this.renderMonth(events) : this.renderList(events)}
    `;
  }

  private get listLimit(): number {
    return this.limit && this.limit > 0 ? this.limit : Infinity;
  }

  private renderFilters(feed: Feed): TemplateResult {
    const { t, uiLang: lang } = this;
    const types = [...this.allowedTypes];
    return html`<div class="filters" part="filters">
      <div class="field">
        <label for="bassin">${t.bassin}</label>
        <select id="bassin" @change=${(event: InputEvent) => this.change({ chosenBassin: (event.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!this.chosenBassin}>${t.allBassins}</option>
          ${feed.bassins.map((bassin) => html`<option value=${bassin.id} ?selected=${bassin.id === this.chosenBassin}>${bassin.name[lang] ?? bassin.name.fr}</option>`)}
        </select>
      </div>
      ${types.length > 1
        ? html`<div class="field">
            <label for="type">${t.eventType}</label>
            <select id="type" @change=${(event: InputEvent) => this.change({ chosenType: (event.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!this.chosenType}>${t.allTypes}</option>
              ${types.map((type) => html`<option value=${type} ?selected=${type === this.chosenType}>${t.eventTypes[type]}</option>`)}
            </select>
          </div>`
        : nothing}
      <label class="check">
        <input type="checkbox" .checked=${this.showPast} @change=${(event: InputEvent) => this.change({ showPast: (event.target as HTMLInputElement).checked })} />
        ${t.showPast}
      </label>
      <div class="views" role="group" aria-label=${`${t.viewList} / ${t.viewMonth}`}>
        <button part="button" class="secondary" aria-pressed=${this.view === 'list' ? 'true' : 'false'} @click=${() => (this.view = 'list')}>${t.viewList}</button>
        <button part="button" class="secondary" aria-pressed=${this.view === 'month' ? 'true' : 'false'} @click=${() => (this.view = 'month')}>${t.viewMonth}</button>
      </div>
    </div>`;
  }

  private renderList(events: Event[]): TemplateResult {
    const { t } = this;
    const shown = events.slice(0, this.listLimit);
    const subscription = this.data ? this.subscriptionUrl(this.data) : undefined;
    const calendarActions = html`<p class="actions no-print">
      ${shown.length ? html`<button part="button" class="secondary" @click=${() => this.addAllToCalendar(shown)}>${t.addAllToCalendar}</button>` : nothing}
      ${subscription ? html`<a class="button secondary" part="link" href=${subscription}>${t.subscribe}</a>` : nothing}
    </p>`;
    if (shown.length === 0) return html`<p class="empty" part="empty">${t.noEvents}</p>${calendarActions}`;
    const months = new Map<string, Event[]>();
    for (const event of shown) {
      const key = brusselsDate(event.start).slice(0, 7);
      months.set(key, [...(months.get(key) ?? []), event]);
    }
    return html`${calendarActions}${[...months].map(
      ([key, monthEvents]) => html`<h3 class="month">${formatMonth(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, this.uiLang)}</h3>
        <ul class="events">
          ${monthEvents.map((event) => this.renderEvent(event))}
        </ul>`,
    )}`;
  }

  private renderEvent(event: Event): TemplateResult {
    const { t, uiLang: lang } = this;
    const online = safeWebUrl(event.online);
    const registration = safeWebUrl(event.registration);
    const active = event.status === 'scheduled';
    const where = event.territories.map((territory) =>
      territory === 'region' ? t.wholeRegion : t.bassinOf(this.data?.bassins.find((bassin) => bassin.id === territory)?.name[lang] ?? territory),
    );
    const address = event.place?.address;
    // The summary says when, what, where and what to do; the description is one button away (and printed).
    const hasDetails = Boolean(event.description || event.themes?.length);
    const open = this.expanded.has(event.id);
    const detailsId = `details-${event.id}`;
    return html`<li class="event event--${event.status}" part="event">
      <article aria-labelledby=${`event-${event.id}`}>
        <p class="when">
          <time datetime=${event.start}>${formatLongDate(event.start, lang)}</time>
          ${isDateOnly(event.start) ? html`<span class="muted">· ${t.timeNotKnown}</span>` : html`· ${formatTime(event.start, lang)}${event.end && !isDateOnly(event.end) ? html`–${formatTime(event.end, lang)}` : nothing}`}
          ${event.end && isDateOnly(event.end) && event.end !== event.start ? html`→ <time datetime=${event.end}>${formatLongDate(event.end, lang)}</time>` : nothing}
        </p>
        <h4 class="event__title" part="event-title" id=${`event-${event.id}`} tabindex="-1" data-event=${event.id}>
          ${event.status !== 'scheduled' ? html`<span class="badge state" part="status">${event.status === 'cancelled' ? t.cancelled : t.postponed}</span>` : nothing}
          <span class="title-text">${text(event.title, lang)}</span>
          ${event.sample ? html`<span class="badge">${t.sample}</span>` : nothing}
        </h4>
        <p class="meta muted">${t.eventTypes[event.type]} · ${where.join(', ')}</p>
        ${event.place
          ? html`<p class="place">
              ${text(event.place.name, lang)}${address
                ? html`${event.place.name ? ', ' : ''}${addressLine(address, lang)}`
                : nothing}
            </p>`
          : nothing}
        <p class="actions no-print">
          ${online && active ? html`<a class="button secondary" part="link" href=${online} rel="noopener noreferrer" target="_blank">${t.joinOnline}</a>` : nothing}
          ${registration && active ? html`<a class="button secondary" part="link" href=${registration} rel="noopener noreferrer" target="_blank">${t.register}</a>` : nothing}
          ${event.status !== 'cancelled' ? html`<button part="button" class="secondary" @click=${() => this.addToCalendar(event)}>${t.addToCalendar}</button>` : nothing}
          ${hasDetails
            ? html`<button part="button" class="secondary" aria-expanded=${open ? 'true' : 'false'} aria-controls=${detailsId} @click=${() => this.toggle(event)}>
                ${t.details}<span class="sr-only"> — ${localize(event.title, lang)?.text ?? ''}</span>
              </button>`
            : nothing}
        </p>
        ${hasDetails
          ? html`<div class="details" id=${detailsId} ?hidden=${!open}>
              ${event.description ? html`<p>${text(event.description, lang)}</p>` : nothing}
              ${event.themes?.length ? html`<p class="muted">${event.themes.map((theme) => text(theme, lang))}</p>` : nothing}
            </div>`
          : nothing}
      </article>
    </li>`;
  }

  private inShownMonth(events: Event[]): Event[] {
    return events.filter((event) => brusselsDate(event.start).slice(0, 7) === this.month.slice(0, 7));
  }

  private renderMonth(events: Event[]): TemplateResult {
    const { t, uiLang: lang } = this;
    const [year, month] = this.month.split('-').map(Number) as [number, number];
    const first = new Date(Date.UTC(year, month - 1, 1));
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const lead = (first.getUTCDay() + 6) % 7; // Monday first
    const byDay = new Map<number, Event[]>();
    for (const event of this.inShownMonth(events)) {
      const day = Number(brusselsDate(event.start).slice(8, 10));
      byDay.set(day, [...(byDay.get(day) ?? []), event]);
    }
    const cells = [...Array<undefined>(lead).fill(undefined), ...Array.from({ length: daysInMonth }, (_, index) => index + 1)];
    const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, week) => cells.slice(week * 7, week * 7 + 7));
    const names = weekdayNames(lang, 'short');
    const longNames = weekdayNames(lang, 'long');
    return html`<div class="month-nav no-print">
        <button part="button" class="secondary" @click=${() => this.moveMonth(-1)} aria-label=${t.previousMonth}>‹</button>
        <button part="button" class="secondary" @click=${() => this.moveMonth(1)} aria-label=${t.nextMonth}>›</button>
      </div>
      <table class="calendar" part="calendar">
        <caption>${formatMonth(year, month - 1, lang)}</caption>
        <thead>
          <tr>${names.map((name, index) => html`<th scope="col"><abbr title=${longNames[index]!}>${name}</abbr></th>`)}</tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) => html`<tr>
              ${week.map((day) =>
                day === undefined
                  ? html`<td class="outside"></td>`
                  : html`<td>
                      <span class="day">${day}</span>
                      ${(byDay.get(day) ?? []).map(
                        (event) => html`<button class="in-cell event--${event.status}" @click=${() => this.pick(event)}>
                          ${isDateOnly(event.start) ? nothing : html`${formatTime(event.start, lang)} `}${text(event.title, lang)}${event.status !== 'scheduled'
                            ? html` (${event.status === 'cancelled' ? t.cancelled : t.postponed})`
                            : nothing}
                        </button>`,
                      )}
                    </td>`,
              )}
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

function startTime(event: Event): number {
  return new Date(isDateOnly(event.start) ? `${event.start}T00:00:00Z` : event.start).getTime();
}
