import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Feed, Service } from '@brusano/sdk';
import type { ErrorReport } from '@brusano/sdk/report';
import { localize, type Language } from '@brusano/sdk/text';
import { mailtoHref, safeWebUrl } from '../shared/links.js';
import type { FinderStrings } from './strings/fr.js';

const REASONS: readonly ErrorReport['reason'][] = ['closed-for-good', 'phone', 'address', 'hours', 'description', 'other'];

/** What the form of one card is drawn from. */
interface FormContext {
  service: Service;
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  name: string;
  /** Where the report is posted, when the feed gives an endpoint. */
  endpoint: string | undefined;
  /** The prepared e-mail, once a reason is chosen, when the report goes by e-mail. */
  mailto: string | undefined;
  feed: Feed | undefined;
  t: FinderStrings;
  lang: Language;
}

interface Draft {
  reason?: ErrorReport['reason'];
  text: string;
  state: 'editing' | 'sending' | 'sent' | 'failed' | 'needs-reason';
}

/**
 * "Signaler une erreur": a small form per card — what is wrong, and words — sent where the feed
 * says (its manifest's `reportErrors`: an HTTPS endpoint, posted as JSON through the SDK; or an
 * e-mail address, as a prepared message), else where the record says. Nothing personal is
 * collected unless the person types it.
 */
export class ReportFormController implements ReactiveController {
  private readonly drafts = new Map<string, Draft>();
  /** The cards whose form is open: the others carry only the summary (a page of cards stays light). */
  private readonly opened = new Set<string>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  render(service: Service, feed: Feed | undefined, t: FinderStrings, lang: Language): TemplateResult | typeof nothing {
    const endpoint = feed?.manifest.reportErrors?.url ? safeWebUrl(feed.manifest.reportErrors.url) : undefined;
    const email = feed?.manifest.reportErrors?.email ?? service.reportError?.email;
    if (!endpoint && !email) {
      // The record's own page for corrections, when that is all there is.
      const page = service.reportError?.url ? safeWebUrl(service.reportError.url) : undefined;
      return page ? html`<p class="report no-print"><a href=${page} part="link">${t.reportError}</a></p>` : nothing;
    }
    const draft = this.drafts.get(service.id) ?? { text: '', state: 'editing' };
    const name = localize(service.name, lang)?.text ?? service.id;
    const version = feed?.manifest.generatedAt ? `${feed.url} (${feed.manifest.generatedAt})` : (feed?.url ?? '');
    // Read at the time of the event: two events may come before the next render.
    const update = (patch: Partial<Draft>) => {
      this.drafts.set(service.id, { ...(this.drafts.get(service.id) ?? draft), state: 'editing', ...patch });
      this.host.requestUpdate();
    };
    const mailto = !endpoint && email && draft.reason ? mailtoHref(email, t.reportSubject(name), t.reportBody(name, service.id, t.reasons[draft.reason], draft.text.trim(), version)) : undefined;
    const toggle = (event: Event) => {
      const open = (event.target as HTMLDetailsElement).open;
      if (open === this.opened.has(service.id)) return;
      if (open) this.opened.add(service.id);
      else this.opened.delete(service.id);
      this.host.requestUpdate();
    };
    const opened = this.opened.has(service.id);
    return html`<details class="report no-print" part="report" ?open=${opened} @toggle=${toggle}>
      <summary>${t.reportError}</summary>
      ${opened ? this.renderForm({ service, draft, update, name, endpoint, mailto, feed, t, lang }) : nothing}
    </details>`;
  }

  private renderForm({ service, draft, update, name, endpoint, mailto, feed, t, lang }: FormContext): TemplateResult {
    const id = `report-${service.id}`;
    return html`<form @submit=${(event: SubmitEvent) => this.send(event, service, name, endpoint, feed, lang)}>
        <fieldset>
          <legend>${t.reportWhat}</legend>
          ${REASONS.map(
            (reason) => html`<label class="check"
              ><input type="radio" name=${`${id}-reason`} value=${reason} .checked=${draft.reason === reason} @change=${() => update({ reason })} /> ${t.reasons[reason]}</label
            >`,
          )}
        </fieldset>
        <label for=${`${id}-text`}>${t.reportDetails}</label>
        <textarea id=${`${id}-text`} maxlength="2000" rows="3" .value=${draft.text} @input=${(event: Event) => update({ text: (event.target as HTMLTextAreaElement).value })}></textarea>
        <p class="muted">${t.reportPrivacy}</p>
        ${endpoint
          ? html`<button part="button" type="submit" ?disabled=${draft.state === 'sending'}>${t.reportSend}</button>`
          : mailto
            ? html`<a part="link" class="button" href=${mailto}>${t.reportWriteEmail}</a>`
            : html`<p class="muted">${t.reportChooseFirst}</p>`}
        ${draft.state === 'sent' ? html`<p role="status">${t.reportSent}</p>` : nothing}
        ${draft.state === 'failed' ? html`<p role="alert">${t.reportFailed}</p>` : nothing}
        ${draft.state === 'needs-reason' ? html`<p role="alert">${t.reportChooseFirst}</p>` : nothing}
      </form>`;
  }

  private async send(event: SubmitEvent, service: Service, name: string, endpoint: string | undefined, feed: Feed | undefined, lang: Language): Promise<void> {
    event.preventDefault();
    const draft = this.drafts.get(service.id) ?? { text: '', state: 'editing' };
    if (!endpoint) return;
    const set = (state: Draft['state']) => {
      this.drafts.set(service.id, { ...draft, state });
      this.host.requestUpdate();
    };
    if (!draft.reason) return set('needs-reason');
    set('sending');
    try {
      // The SDK posts it: the widgets never fetch on their own.
      const { sendReport } = await import('@brusano/sdk/report');
      await sendReport(endpoint, {
        serviceId: service.id,
        serviceName: name,
        reason: draft.reason,
        text: draft.text.trim(),
        feed: { url: feed?.url ?? '', ...(feed?.manifest.generatedAt ? { generatedAt: feed.manifest.generatedAt } : {}) },
        lang,
      });
      this.drafts.set(service.id, { text: '', state: 'sent' });
      this.host.requestUpdate();
    } catch {
      set('failed');
    }
  }
}
