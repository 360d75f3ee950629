import type { Language } from '@brusano/sdk/text';

/** The helpdesk card's texts, in French, Dutch and English. */
const fr = {
  helpdeskTitle: 'Ligne d’aide',
  postalCodeLabel: 'Votre code postal ou votre commune',
  find: 'Chercher',
  whichArea: 'Ce code couvre plusieurs zones. Où êtes-vous ?',
  changeArea: 'Choisir une autre zone',
  noBassin: 'aucun bassin connu',
  outsideRegion: (input: string) => `« ${input} » n’est pas dans la Région bruxelloise.`,
  regionalContact: 'Contact régional',
  noBassinLine: 'Le numéro de ce bassin n’est pas encore connu. Vous pouvez joindre :',
  saveContact: 'Enregistrer le contact',
  forProfessionals: 'Pour les professionnel·les',
  offline: 'Hors ligne : informations de référence enregistrées dans le widget.',
};

export type HelpdeskCardStrings = typeof fr;

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

export const helpdeskCardStrings: Record<Language, HelpdeskCardStrings> = { fr, nl, en };
