import { ReportNotSentError } from '../errors/ReportNotSentError.js';

/** What a person says is wrong in a record. */
export interface ErrorReport {
  serviceId: string;
  serviceName: string;
  reason: 'closed-for-good' | 'phone' | 'address' | 'hours' | 'description' | 'other';
  /** What the person wrote; may be empty. */
  text: string;
  /** The feed and its version (its generation time), so the data team finds the record as it was. */
  feed: { url: string; generatedAt?: string };
  lang: 'fr' | 'nl' | 'en';
}

/**
 * Posts a report of a mistake to a feed's endpoint (`manifest.reportErrors.url`) as JSON.
 * Only an http(s) address is posted to; no cookie or other credential goes with it.
 * @throws {ReportNotSentError}
 *
 * @example
 * await sendReport(manifest.reportErrors.url, { serviceId, serviceName, reason: 'phone', text: '', feed: { url }, lang: 'fr' });
 */
export async function sendReport(url: string, report: ErrorReport, { fetch = globalThis.fetch, timeoutMs = 10_000 } = {}): Promise<void> {
  let endpoint: URL;
  try {
    endpoint = new URL(url);
  } catch {
    throw new ReportNotSentError(`${url} is not an address.`, url);
  }
  if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') throw new ReportNotSentError(`${url} is not an http(s) address.`, url);
  let response: Response;
  try {
    response = await fetch(endpoint.href, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...report, text: report.text.slice(0, 5_000) }),
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new ReportNotSentError(`The report could not reach ${endpoint.href} (${(error as Error).message}).`, endpoint.href);
  }
  if (!response.ok) throw new ReportNotSentError(`${endpoint.href} answered ${response.status}.`, endpoint.href);
}
