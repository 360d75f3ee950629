/**
 * Words people use for the same thing, across French and Dutch, acronyms spelled out.
 * A query containing one of them also finds records that use another. Written in the
 * normal form of normalizeText (lower case, no accents, spaces for punctuation).
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['cpas', 'ocmw', 'centre public d action sociale', 'openbaar centrum voor maatschappelijk welzijn'],
  ['maison medicale', 'maisons medicales', 'wijkgezondheidscentrum', 'wijkgezondheidscentra'],
  ['ssm', 'service de sante mentale', 'services de sante mentale', 'cgg', 'centrum voor geestelijke gezondheidszorg'],
  ['pms', 'centre psycho medico social', 'clb', 'centrum voor leerlingenbegeleiding'],
  ['casg', 'centre d action sociale globale', 'caw', 'centrum algemeen welzijnswerk'],
  ['one', 'office de la naissance et de l enfance', 'kind en gezin'],
  ['planning familial', 'centre de planning', 'gezinsplanning', 'centrum voor gezinsplanning'],
  ['epn', 'espace public numerique', 'openbare computerruimte'],
  ['sans abri', 'sdf', 'thuislozen', 'dakloos', 'daklozen', 'dak en thuislozen'],
  ['logement', 'huisvesting', 'woning'],
  ['dettes', 'schulden', 'mediation de dettes', 'schuldbemiddeling'],
  ['aide alimentaire', 'colis alimentaire', 'voedselhulp', 'voedselpakket'],
  ['sante mentale', 'geestelijke gezondheid'],
  ['creche', 'kinderopvang', 'kinderdagverblijf'],
  ['personnes agees', 'seniors', 'ouderen', 'senioren'],
  ['assuetudes', 'toxicomanie', 'verslaving', 'verslavingszorg'],
  ['violence conjugale', 'violences conjugales', 'partnergeweld'],
  ['aidants proches', 'aidant proche', 'mantelzorgers', 'mantelzorger'],
  ['interpretariat', 'interpretes', 'tolken', 'tolk'],
  ['ris', 'revenu d integration', 'leefloon'],
  ['primo arrivants', 'primo arrivant', 'nieuwkomers', 'nieuwkomer'],
  ['aide juridique', 'juridische hulp', 'juridisch advies'],
  ['raq', 'relais d action de quartier'],
  ['chw', 'community health worker', 'community health workers'],
];

/** Words too common to search by (FR and NL articles and prepositions). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'l', 'd', 'le', 'la', 'les', 'de', 'du', 'des', 'un', 'une', 'et', 'a', 'au', 'aux', 'en', 'pour', 'par', 'sur',
  'het', 'een', 'van', 'voor', 'en', 'op', 'met', 'in', 'der', 'den', 'the', 'of', 'and', 'for',
]);
