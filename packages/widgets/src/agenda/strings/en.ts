import shared from '../../shared/strings/en.js';
import type { AgendaStrings } from './fr.js';

/** The agenda’s texts, in English, with the shared ones. */
const en: AgendaStrings = {
  agendaTitle: 'Agenda of meetings and activities',
  eventType: 'Type',
  allTypes: 'All types',
  eventTypes: {
    adc: 'Atelier du changement (change workshop)',
    cab: 'Bassin action council',
    car: 'Regional action council',
    concertation: 'Thematic consultation',
    training: 'Training',
    other: 'Other',
  },
  showPast: 'Also show past events',
  viewList: 'List',
  viewMonth: 'Month',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  noEvents: 'No upcoming events for these choices.',
  eventCount: (count: number) => (count === 0 ? 'No events.' : count === 1 ? '1 event.' : `${count} events.`),
  cancelled: 'Cancelled',
  postponed: 'Postponed',
  online: 'Online',
  joinOnline: 'Join online',
  register: 'Register',
  addToCalendar: 'Add to my calendar',
  details: 'Details',
  addAllToCalendar: 'Add these events to my calendar',
  subscribe: 'Subscribe to this agenda',
  wholeRegion: 'Whole Region',
  timeNotKnown: 'time to be confirmed',
};

export default { ...shared, ...en };
