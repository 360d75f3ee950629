import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Helpdesk } from '@brusano/sdk';
import { openingStatus } from '@brusano/sdk/hours';
import { isReachable, regionalHelpdesk, type helpdeskFor, type HelpdeskReference, type TerritoryArea } from '@brusano/sdk/territory';
import { bassinShape, communeShape, helpdeskShape, quartierShape } from '@brusano/sdk/reader';
import { BrusanoElement } from '../shared/brusano-element.js';
import type { SharedStrings, Translations } from '../shared/i18n.js';
import type { HelpdeskCardStrings } from './strings/fr.js';
import { downloadText } from '../shared/links.js';
import { addressLine, helpdeskContacts, openingLine, text, websiteLinks } from '../shared/templates.js';
import { helpdeskCardStyles } from './helpdesk-card.styles.js';

/** What `brusano-select` carries when a person says which area they mean. */
export interface AreaSelectDetail {
  area: TerritoryArea;
}


/**
 * @tagname brusano-helpdesk-card
 * @summary Who to call: the helpdesk of the bassin for a commune or postal code, with the regional contact as fallback.
 * It works offline from the reference data the SDK carries, and uses the feed's data once loaded.
 *
 * @attr feed - URL of the feed's manifest.json (optional: without it the card uses its own reference data).
 * @attr bassin - Show this bassin's helpdesk: nord, nord-est, centre-ouest, sud, sud-est.
 * @attr commune - A commune (name in FR or NL, or NIS code) to find the helpdesk for.
 * @attr postal-code - A postal code to find the helpdesk for.
 *
 * @fires brusano-select - A person chose an area when the postal code covers several. `detail.area`.
 * @fires brusano-error - The feed could not be loaded (the card then uses its reference data). `detail.type`, `detail.message`.
 *
 * @csspart base - The whole card.
 * @csspart form - The postal code form.
 * @csspart choices - The list of areas to choose from.
 * @csspart helpdesk - One helpdesk.
 * @csspart status - Open/closed label.
 *
 * The `lang` attribute, the `link`, `button` and `notice` parts and the --brusano-* custom properties
 * are documented on BrusanoElement: the three widgets share them.
 */
export class BrusanoHelpdeskCard extends BrusanoElement {
  static override styles = helpdeskCardStyles;
  protected static override translations: Translations<SharedStrings & HelpdeskCardStrings> = {
    fr: () => import('./strings/fr.js'),
    nl: () => import('./strings/nl.js'),
    en: () => import('./strings/en.js'),
  };
  protected static override datasets = { bassins: bassinShape, communes: communeShape, quartiers: quartierShape, helpdesks: helpdeskShape };

  static override properties = {
    bassin: { type: String },
    commune: { type: String },
    postalCode: { type: String, attribute: 'postal-code' },
    place: { state: true },
    chosenArea: { state: true },
    ownReference: { state: true },
    findHelpdesk: { state: true },
    lookUpUnavailable: { state: true },
  };

  declare bassin: string | undefined;
  declare commune: string | undefined;
  declare postalCode: string | undefined;
  /** What the person (or the page) asked about. */
  declare private place: string;
  declare private chosenArea: number | undefined;
  /** The SDK's own reference data, loaded only when there is no feed or it failed: a page with a feed does not carry it. */
  declare private ownReference: HelpdeskReference | undefined;
  /** The territory look-up, loaded when there is a place to look up: a card for one bassin does not carry it. */
  declare private findHelpdesk: typeof helpdeskFor | undefined;
  declare private lookUpUnavailable: boolean;

  constructor() {
    super();
    this.place = '';
    this.lookUpUnavailable = false;
  }

  protected override get t(): SharedStrings & HelpdeskCardStrings {
    return super.t as SharedStrings & HelpdeskCardStrings;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Without a feed the card still works, from the SDK's reference data.
    if ((changed.has('feed') || changed.has('feedData')) && !this.feed && !this.feedData) this.feedState = { status: 'idle' };
    else super.willUpdate(changed);
    if ((this.feedState.status === 'idle' || this.feedState.status === 'error') && !this.ownReference) {
      import('@brusano/sdk/reference').then(
        (reference) => (this.ownReference = reference),
        () => undefined, // the chunk cannot be loaded either: the card stays with its title and form
      );
    }
    if (changed.has('commune') || changed.has('postalCode')) {
      this.place = (this.postalCode || this.commune || '').trim();
      this.chosenArea = undefined;
    }
    if (this.place && !this.findHelpdesk) {
      import('@brusano/sdk/territory').then(
        ({ helpdeskFor }) => (this.findHelpdesk = helpdeskFor),
        () => (this.lookUpUnavailable = true), // the chunk cannot be loaded: the card gives the regional contact
      );
    }
  }

  /** The feed's data when it loaded, else the reference data the SDK carries. */
  private get reference(): HelpdeskReference | undefined {
    return this.data ?? this.ownReference;
  }

  private lookUp(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('place') as HTMLInputElement;
    this.place = input.value.trim().slice(0, 100);
    this.chosenArea = undefined;
  }

  private choose(index: number, area: TerritoryArea): void {
    this.chosenArea = index;
    this.emit<AreaSelectDetail>('brusano-select', { area });
  }

  /** The vCard writer is loaded on the click: most visitors never save the contact. */
  private async saveContact(helpdesk: Helpdesk): Promise<void> {
    const { helpdeskToVCard } = await import('@brusano/sdk/contact');
    downloadText(`${helpdesk.id}.vcf`, 'text/vcard', helpdeskToVCard(helpdesk, this.uiLang));
  }

  override render(): TemplateResult {
    const { t } = this;
    return html`<section part="base" class="card" lang=${this.uiLang} aria-labelledby="title">
      <h2 id="title">${t.helpdeskTitle}</h2>
      ${this.reference ? nothing : html`<p class="sr-only" role="status">${t.loading}</p>`}
      ${this.feedState.status === 'error' && this.feedState.message !== 'feedMissing'
        ? html`<p class="notice muted" part="notice">${t.offline}</p>`
        : nothing}
      ${this.bassin ? nothing : this.renderForm()} ${this.reference ? this.renderAnswer(this.reference) : nothing}
    </section>`;
  }

  private renderForm(): TemplateResult {
    const { t } = this;
    return html`<form class="lookup" part="form" @submit=${this.lookUp}>
      <label for="place">${t.postalCodeLabel}</label>
      <div class="row">
        <input id="place" name="place" autocomplete="postal-code" maxlength="100" .value=${this.place} />
        <button part="button" type="submit">${t.find}</button>
      </div>
    </form>`;
  }

  private renderAnswer(reference: HelpdeskReference): TemplateResult {
    const { t } = this;
    const regional = regionalHelpdesk(reference);
    if (this.bassin) {
      const own = reference.helpdesks.find((helpdesk) => helpdesk.territory === this.bassin);
      return this.renderLine(own, regional);
    }
    if (this.place && !this.findHelpdesk && !this.lookUpUnavailable) return html`<p class="sr-only" role="status">${t.loading}</p>`;
    if (!this.place || !this.findHelpdesk) return html`<div class="regional"><h3>${t.regionalContact}</h3>${this.renderHelpdesk(regional)}</div>`;

    const answer = this.findHelpdesk(this.place, reference);
    if (answer.territory.status === 'outside-region') {
      return html`<p class="notice" part="notice" role="status">${t.outsideRegion(this.place)}</p>
        <h3>${t.regionalContact}</h3>
        ${this.renderHelpdesk(regional)}`;
    }
    if (answer.needsChoice && this.chosenArea === undefined) return this.renderChoices(answer.territory.areas);
    const area = this.chosenArea === undefined ? undefined : answer.territory.areas[this.chosenArea];
    const bassin = area ? area.bassin : answer.choices[0]?.bassin;
    const own = bassin ? reference.helpdesks.find((helpdesk) => helpdesk.territory === bassin.id) : undefined;
    return html`${area ? html`<p class="chosen">${this.areaName(area)} · <button class="link" @click=${() => (this.chosenArea = undefined)}>${t.changeArea}</button></p>` : nothing}
      ${this.renderLine(own, regional)}`;
  }

  /** A bassin line when it can be reached; else what we know of it, and the regional contact. */
  private renderLine(own: Helpdesk | undefined, regional: Helpdesk): TemplateResult {
    const { t } = this;
    if (own && isReachable(own)) return this.renderHelpdesk(own);
    const sites = own ? websiteLinks(own.websites, this.uiLang) : [];
    return html`${own
        ? html`<div class="helpdesk partial" part="helpdesk">
            <h3>${text(own.name, this.uiLang)}</h3>
            ${sites.length ? html`<ul class="plain">${sites}</ul>` : nothing}
          </div>`
        : nothing}
      <p>${t.noBassinLine}</p>
      ${this.renderHelpdesk(regional)}`;
  }

  private areaName(area: TerritoryArea): string {
    const lang = this.uiLang;
    const name = area.subArea ? `${area.commune.name[lang] ?? area.commune.name.fr} — ${area.subArea.name[lang] ?? area.subArea.name.fr}` : (area.commune.name[lang] ?? area.commune.name.fr);
    const bassin = area.bassin ? this.t.bassinOf(area.bassin.name[lang] ?? area.bassin.name.fr) : this.t.noBassin;
    return `${name} (${bassin})`;
  }

  private renderChoices(areas: TerritoryArea[]): TemplateResult {
    return html`<fieldset class="choices" part="choices">
      <legend>${this.t.whichArea}</legend>
      <ul class="plain">
        ${areas.map(
          (area, index) => html`<li><button part="button" class="secondary" @click=${() => this.choose(index, area)}>${this.areaName(area)}</button></li>`,
        )}
      </ul>
    </fieldset>`;
  }

  private renderHelpdesk(helpdesk: Helpdesk): TemplateResult {
    const { t, uiLang: lang } = this;
    const status = helpdesk.hours ? openingStatus(helpdesk.hours) : undefined;
    const forProfessionals = helpdesk.audience?.length === 1 && helpdesk.audience[0] === 'professionals';
    return html`<div class="helpdesk" part="helpdesk">
      <h3>${text(helpdesk.name, lang)}</h3>
      ${forProfessionals ? html`<p><span class="badge">${t.forProfessionals}</span></p>` : nothing}
      ${helpdesk.purpose ? html`<p>${text(helpdesk.purpose, lang)}</p>` : nothing}
      ${status ? html`<p>${openingLine(status, t, lang)}</p>` : nothing}
      ${helpdeskContacts(helpdesk, t, lang)}
      ${helpdesk.address
        ? html`<p class="address">
            ${addressLine(helpdesk.address, lang)}
          </p>`
        : nothing}
      ${(helpdesk.notes ?? []).map((note) => html`<p class="muted">${text(note, lang)}</p>`)}
      ${isReachable(helpdesk)
        ? html`<button part="button" class="secondary no-print" @click=${() => this.saveContact(helpdesk)}>${t.saveContact}</button>`
        : nothing}
    </div>`;
  }
}
