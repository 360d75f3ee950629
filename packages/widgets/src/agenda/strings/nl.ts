import shared from '../../shared/strings/nl.js';
import type { AgendaStrings } from './fr.js';

/** The agenda’s texts, in Dutch, with the shared ones. */
const nl: AgendaStrings = {
  agendaTitle: 'Agenda van bijeenkomsten en activiteiten',
  eventType: 'Soort',
  allTypes: 'Alle soorten',
  eventTypes: {
    adc: 'Veranderatelier',
    cab: 'Actieraad van de zorgzone',
    car: 'Regionale actieraad',
    concertation: 'Thematisch overleg',
    training: 'Vorming',
    other: 'Andere',
  },
  showPast: 'Ook voorbije activiteiten tonen',
  viewList: 'Lijst',
  viewMonth: 'Maand',
  previousMonth: 'Vorige maand',
  nextMonth: 'Volgende maand',
  noEvents: 'Geen komende activiteiten voor deze keuzes.',
  eventCount: (count: number) => (count === 0 ? 'Geen activiteiten.' : count === 1 ? '1 activiteit.' : `${count} activiteiten.`),
  cancelled: 'Geannuleerd',
  postponed: 'Uitgesteld',
  online: 'Online',
  joinOnline: 'Online deelnemen',
  register: 'Inschrijven',
  addToCalendar: 'Toevoegen aan mijn agenda',
  details: 'Details',
  addAllToCalendar: 'Deze activiteiten toevoegen aan mijn agenda',
  subscribe: 'Abonneren op deze agenda',
  wholeRegion: 'Heel het Gewest',
  timeNotKnown: 'uur nog te bevestigen',
};

export default { ...shared, ...nl };
