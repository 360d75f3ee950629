import shared from '../../shared/strings/en.js';
import type { HelpdeskCardStrings } from './fr.js';

/** The helpdesk card’s texts, in English, with the shared ones. */
const en: HelpdeskCardStrings = {
  helpdeskTitle: 'Help line',
  postalCodeLabel: 'Your postal code or commune',
  find: 'Search',
  whichArea: 'This code covers several areas. Where are you?',
  changeArea: 'Choose another area',
  noBassin: 'no known care area',
  outsideRegion: (input: string) => `"${input}" is not in the Brussels Region.`,
  regionalContact: 'Regional contact',
  noBassinLine: 'This care area’s number is not known yet. You can reach:',
  saveContact: 'Save contact',
  forProfessionals: 'For professionals',
  offline: 'Offline: reference information stored in the widget.',
};

export default { ...shared, ...en };
