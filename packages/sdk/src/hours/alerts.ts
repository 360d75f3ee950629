import type { OpeningHours, Service, ServiceAlert } from '../generated/types.js';
import { brusselsTime } from './brussels-time.js';

const FIRST_DAY = '0001-01-01';
const LAST_DAY = '9999-12-31';

/** An alert whose end comes before its start says nothing sure: it is left aside. */
const coherent = (alert: ServiceAlert) => !(alert.from && alert.until && alert.until < alert.from);

/**
 * The alerts that apply on the day of `at` in Brussels (from their first to their last day
 * included); expired, future and incoherent ones are left out.
 *
 * @example
 * currentAlerts(service.alerts).map((alert) => alert.text.fr) // ['Fermé jusqu’au 4 janvier']
 */
export function currentAlerts(alerts: readonly ServiceAlert[] | undefined, at: Date = new Date()): ServiceAlert[] {
  const today = brusselsTime(at).date;
  return (alerts ?? []).filter((alert) => coherent(alert) && (alert.from ?? FIRST_DAY) <= today && today <= (alert.until ?? LAST_DAY));
}

/**
 * A service's hours with its closing alerts as closed days, so "open now", "opens on…" and the
 * "open now" filter say closed while the service is: the hours to give openingStatus().
 */
export function hoursWithAlerts(service: Pick<Service, 'hours' | 'alerts'>): OpeningHours | undefined {
  const closures = (service.alerts ?? []).filter((alert) => alert.closed === true && coherent(alert));
  if (!closures.length || !service.hours?.weekly) return service.hours;
  return {
    ...service.hours,
    // Before the service's own exceptions: the first that covers a day decides it.
    exceptions: [...closures.map((alert) => ({ from: alert.from ?? FIRST_DAY, until: alert.until ?? LAST_DAY, closed: true as const })), ...(service.hours.exceptions ?? [])],
  };
}
