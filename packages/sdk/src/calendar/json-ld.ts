import type { Event } from '../generated/types.js';
import { localize, type Language } from '../text/localize.js';

const STATUS: Record<Event['status'], string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
};

/**
 * An event as schema.org `Event` JSON-LD, so search engines and assistants can read the agenda.
 *
 * @example
 * script.textContent = JSON.stringify(events.map((event) => eventToJsonLd(event, 'fr')));
 */
export function eventToJsonLd(event: Event, lang: Language): Record<string, unknown> {
  const place = event.place
    ? {
        '@type': 'Place',
        ...(event.place.name ? { name: localize(event.place.name, lang)?.text } : {}),
        ...(event.place.address
          ? {
              address: {
                '@type': 'PostalAddress',
                streetAddress: [localize(event.place.address.street, lang)?.text, event.place.address.number].filter(Boolean).join(' '),
                postalCode: event.place.address.postalCode,
                ...(event.place.address.municipality ? { addressLocality: localize(event.place.address.municipality, lang)?.text } : {}),
                addressCountry: 'BE',
              },
            }
          : {}),
      }
    : undefined;
  const online = event.online ? { '@type': 'VirtualLocation', url: event.online } : undefined;
  const locations = [place, online].filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': `urn:brusano:event:${event.id}`,
    name: localize(event.title, lang)!.text,
    ...(event.description ? { description: localize(event.description, lang)?.text } : {}),
    startDate: event.start,
    ...(event.end ? { endDate: event.end } : {}),
    eventStatus: STATUS[event.status],
    eventAttendanceMode: `https://schema.org/${place && online ? 'Mixed' : online ? 'Online' : 'Offline'}EventAttendanceMode`,
    ...(locations.length ? { location: locations.length === 1 ? locations[0] : locations } : {}),
    ...(event.registration ? { url: event.registration } : {}),
    inLanguage: lang,
  };
}
