import type { Language } from '@brusano/sdk/text';

/**
 * The texts every widget shows (loading, errors, contact labels, opening hours), in French, Dutch
 * and English. Each element keeps its own texts beside it (`<element>.strings.ts`), so its chunk
 * carries its own words and nobody else's. Plain words; acronyms explained.
 */
const fr = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  sample: 'Exemple',
  sampleNote: 'Donnée d’exemple : ce service n’existe pas.',
  feedMissing: 'Ce widget n’a pas d’adresse de données (attribut feed).',
  feedError: 'Les informations n’ont pas pu être chargées. Vérifiez votre connexion et réessayez.',
  feedTimeout: 'Le serveur ne répond pas. Réessayez dans un moment.',
  feedFormat: 'Les données reçues ne sont pas lisibles. Nous ne pouvons pas les afficher.',
  partialData: (count: number) =>
    count === 1 ? '1 fiche contenait une erreur et n’est pas affichée.' : `${count} fiches contenaient une erreur et ne sont pas affichées.`,
  helpInstead: 'Pour trouver de l’aide maintenant, contactez :',
  staleData: (date: string) => `La mise à jour n’a pas pu être chargée : ces informations datent du ${date}.`,
  open: 'Ouvert',
  closed: 'Fermé',
  closesAt: (time: string) => `ferme à ${time}`,
  closesSoon: (time: string) => `ferme bientôt (${time})`,
  opensAt: (day: string, time: string) => `ouvre ${day} à ${time}`,
  today: 'aujourd’hui',
  tomorrow: 'demain',
  phone: 'Téléphone',
  extension: (number: string) => `poste ${number}`,
  email: 'E-mail',
  website: 'Site web',
  bassin: 'Bassin d’aide et de soins',
  allBassins: 'Tous les bassins',
  bassinOf: (name: string) => `Bassin ${name}`,
  partialFields: (count: number) =>
    count === 1 ? '1 fiche est affichée sans un détail qui contenait une erreur.' : `${count} fiches sont affichées sans certains détails qui contenaient une erreur.`,
};

export type SharedStrings = typeof fr;

const nl: SharedStrings = {
  loading: 'Laden…',
  retry: 'Opnieuw proberen',
  sample: 'Voorbeeld',
  sampleNote: 'Voorbeeldgegevens: deze dienst bestaat niet.',
  feedMissing: 'Deze widget heeft geen gegevensadres (attribuut feed).',
  feedError: 'De informatie kon niet worden geladen. Controleer je verbinding en probeer opnieuw.',
  feedTimeout: 'De server antwoordt niet. Probeer het zo meteen opnieuw.',
  feedFormat: 'De ontvangen gegevens zijn niet leesbaar. We kunnen ze niet tonen.',
  partialData: (count: number) =>
    count === 1 ? '1 fiche bevatte een fout en wordt niet getoond.' : `${count} fiches bevatten een fout en worden niet getoond.`,
  helpInstead: 'Om nu hulp te vinden, neem contact op met:',
  staleData: (date: string) => `De update kon niet worden geladen: deze informatie dateert van ${date}.`,
  open: 'Open',
  closed: 'Gesloten',
  closesAt: (time: string) => `sluit om ${time}`,
  closesSoon: (time: string) => `sluit binnenkort (${time})`,
  opensAt: (day: string, time: string) => `opent ${day} om ${time}`,
  today: 'vandaag',
  tomorrow: 'morgen',
  phone: 'Telefoon',
  extension: (number: string) => `toestel ${number}`,
  email: 'E-mail',
  website: 'Website',
  bassin: 'Zorgzone',
  allBassins: 'Alle zorgzones',
  bassinOf: (name: string) => `Zorgzone ${name}`,
  partialFields: (count: number) =>
    count === 1 ? '1 fiche wordt getoond zonder een gegeven dat een fout bevatte.' : `${count} fiches worden getoond zonder sommige gegevens die een fout bevatten.`,
};

const en: SharedStrings = {
  loading: 'Loading…',
  retry: 'Try again',
  sample: 'Sample',
  sampleNote: 'Sample data: this service does not exist.',
  feedMissing: 'This widget has no data address (feed attribute).',
  feedError: 'The information could not be loaded. Check your connection and try again.',
  feedTimeout: 'The server does not answer. Try again in a moment.',
  feedFormat: 'The data received cannot be read. We cannot show it.',
  partialData: (count: number) =>
    count === 1 ? '1 record had an error and is not shown.' : `${count} records had an error and are not shown.`,
  helpInstead: 'To find help now, contact:',
  staleData: (date: string) => `The update could not be loaded: this information dates from ${date}.`,
  open: 'Open',
  closed: 'Closed',
  closesAt: (time: string) => `closes at ${time}`,
  closesSoon: (time: string) => `closes soon (${time})`,
  opensAt: (day: string, time: string) => `opens ${day} at ${time}`,
  today: 'today',
  tomorrow: 'tomorrow',
  phone: 'Phone',
  extension: (number: string) => `extension ${number}`,
  email: 'E-mail',
  website: 'Website',
  bassin: 'Care area (bassin)',
  allBassins: 'All care areas',
  bassinOf: (name: string) => `Bassin ${name}`,
  partialFields: (count: number) =>
    count === 1 ? '1 record is shown without a detail that had an error.' : `${count} records are shown without some details that had an error.`,
};

const SHARED: Record<Language, SharedStrings> = { fr, nl, en };

export function strings(lang: Language): SharedStrings {
  return SHARED[lang];
}

/**
 * An element's texts together with the shared ones, merged once per language.
 *
 * @example
 * const texts = withShared(agendaStrings);
 * texts('nl').agendaTitle // 'Agenda van bijeenkomsten en activiteiten'
 */
export function withShared<T extends object>(own: Record<Language, T>): (lang: Language) => SharedStrings & T {
  const merged = new Map<Language, SharedStrings & T>();
  return (lang) => {
    let found = merged.get(lang);
    if (!found) merged.set(lang, (found = { ...SHARED[lang], ...own[lang] }));
    return found;
  };
}
