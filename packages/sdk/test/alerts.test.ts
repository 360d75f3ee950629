import { describe, expect, it } from 'vitest';
import { checkReferences, createServiceSearch, currentAlerts, hoursWithAlerts, openingStatus, type OpeningHours, type Service } from '@brusano/sdk';
import { sampleFeed } from '../../../test/support/feed.js';

// Wednesday 10:00 in Brussels, in winter.
const AT = new Date('2026-12-02T09:00:00Z');
const weekdays: OpeningHours = { timeZone: 'Europe/Brussels', weekly: [{ days: ['mo', 'tu', 'we', 'th', 'fr'], intervals: [{ opens: '09:00', closes: '17:00' }] }] };
const text = (fr: string) => ({ fr, nl: fr });

describe('service alerts', () => {
  it('are current from their first to their last day included, in Brussels time; expired, future and incoherent ones are left aside', () => {
    const alerts = [
      { text: text('toujours') },
      { text: text('aujourd’hui'), from: '2026-12-02', until: '2026-12-02' },
      { text: text('expiré'), until: '2026-12-01' },
      { text: text('futur'), from: '2026-12-03' },
      { text: text('incohérent'), from: '2026-12-05', until: '2026-11-01' },
    ];
    expect(currentAlerts(alerts, AT).map((alert) => alert.text.fr)).toEqual(['toujours', 'aujourd’hui']);
    // 23:30 in Brussels on 2 December is already 3 December in Brussels at 23:30 UTC.
    expect(currentAlerts(alerts, new Date('2026-12-02T23:30:00Z')).map((alert) => alert.text.fr)).toEqual(['toujours', 'futur']);
    expect(currentAlerts(undefined, AT)).toEqual([]);
  });

  it('close the service while a closing alert runs: open now says closed, and when it opens again', () => {
    const service: Pick<Service, 'hours' | 'alerts'> = { hours: weekdays, alerts: [{ text: text('Fermé jusqu’au 4 décembre'), from: '2026-12-01', until: '2026-12-04', closed: true }] };
    expect(openingStatus(service.hours, AT).open).toBe(true);
    const status = openingStatus(hoursWithAlerts(service), AT);
    expect(status.open).toBe(false);
    expect(status.opensAt).toEqual({ date: '2026-12-07', time: '09:00' });
    expect(hoursWithAlerts({ hours: weekdays, alerts: [{ text: text('x'), closed: true, from: '2026-12-09', until: '2026-12-01' }] })).toEqual(weekdays);
  });

  it('take a closed service out of "open now" in the search', () => {
    const services: Service[] = sampleFeed().datasets.services.slice(0, 10).map((service: Service) => ({ ...service, hours: weekdays }));
    services[0] = { ...services[0]!, alerts: [{ text: text('Fermé'), closed: true }] };
    const found = createServiceSearch({ services }).search('', { openNow: true }, { at: AT });
    expect(found.services.map((service) => service.id).sort()).toEqual(services.slice(1).map((service: Service) => service.id).sort());
    expect(found.facets.openNow).toBe(services.length - 1);
  });

  it('are reported by validate when they end before they start, as are ages that contradict each other', () => {
    const [service] = sampleFeed().datasets.services;
    const { datasets } = sampleFeed();
    const problems = checkReferences({ ...datasets, services: [{ ...service, alerts: [{ text: text('x'), from: '2026-12-05', until: '2026-12-01' }], minimumAge: 30, maximumAge: 18 }] });
    expect(problems.map((problem) => `${problem.pointer} ${problem.outcome}`)).toEqual(['/alerts/0/until field-dropped', '/maximumAge field-dropped']);
  });
});
