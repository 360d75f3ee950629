import shared from '../../shared/strings/fr.js';

/** The agenda’s texts, in French, with the shared ones. */
const fr = {
  agendaTitle: 'Agenda des rencontres et activités',
  eventType: 'Type',
  allTypes: 'Tous les types',
  eventTypes: {
    adc: 'Atelier du changement',
    cab: 'Conseil de l’action du bassin',
    car: 'Conseil de l’action régionale',
    concertation: 'Concertation thématique',
    training: 'Formation',
    other: 'Autre',
  } as Record<string, string>,
  showPast: 'Afficher aussi les événements passés',
  viewList: 'Liste',
  viewMonth: 'Mois',
  previousMonth: 'Mois précédent',
  nextMonth: 'Mois suivant',
  noEvents: 'Aucun événement à venir pour ces choix.',
  eventCount: (count: number) => (count === 0 ? 'Aucun événement.' : count === 1 ? '1 événement.' : `${count} événements.`),
  cancelled: 'Annulé',
  postponed: 'Reporté',
  online: 'En ligne',
  joinOnline: 'Rejoindre en ligne',
  register: 'S’inscrire',
  addToCalendar: 'Ajouter à mon agenda',
  details: 'Détails',
  addAllToCalendar: 'Ajouter ces événements à mon agenda',
  subscribe: 'S’abonner à cet agenda',
  wholeRegion: 'Toute la Région',
  timeNotKnown: 'heure à confirmer',
};

export type AgendaStrings = typeof fr;

export default { ...shared, ...fr };
