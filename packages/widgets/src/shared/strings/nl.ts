import type { SharedStrings } from './fr.js';

/** The texts every widget shows (loading, errors, contact labels, opening hours), in Dutch. */
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

export default nl;
