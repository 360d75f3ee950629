import shared from '../../shared/strings/nl.js';
import type { HelpdeskCardStrings } from './fr.js';

/** The helpdesk card’s texts, in Dutch, with the shared ones. */
const nl: HelpdeskCardStrings = {
  helpdeskTitle: 'Hulplijn',
  postalCodeLabel: 'Je postcode of gemeente',
  find: 'Zoeken',
  whichArea: 'Deze code omvat meerdere gebieden. Waar ben je?',
  changeArea: 'Een ander gebied kiezen',
  noBassin: 'geen zorgzone bekend',
  outsideRegion: (input: string) => `'${input}' ligt niet in het Brussels Gewest.`,
  regionalContact: 'Regionaal contact',
  noBassinLine: 'Het nummer van deze zorgzone is nog niet bekend. Je kunt terecht bij:',
  saveContact: 'Contact bewaren',
  forProfessionals: 'Voor professionals',
  offline: 'Offline: referentiegegevens die in de widget zijn opgeslagen.',
};

export default { ...shared, ...nl };
