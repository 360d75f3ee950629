import shared from '../../shared/strings/fr.js';

/** The helpdesk card’s texts, in French, with the shared ones. */
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

export default { ...shared, ...fr };
