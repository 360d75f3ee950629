import type { SharedStrings } from './fr.js';

/** The texts every widget shows (loading, errors, contact labels, opening hours), in English. */
const en: SharedStrings = {
  // The same sentences as the brusano-error events' (i18n.ts), kept apart so that this module imports no code.
  feedMissing: 'This widget has no data address (feed attribute).',
  feedError: 'The information could not be loaded. Check your connection and try again.',
  feedTimeout: 'The server does not answer. Try again in a moment.',
  feedFormat: 'The data received cannot be read. We cannot show it.',
  partialData: (count: number) => (count === 1 ? '1 record had an error and is not shown.' : `${count} records had an error and are not shown.`),
  partialFields: (count: number) =>
    count === 1 ? '1 record is shown without a detail that had an error.' : `${count} records are shown without some details that had an error.`,
  loading: 'Loading…',
  retry: 'Try again',
  sample: 'Sample',
  sampleNote: 'Sample data: this service does not exist.',
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
};

export default en;
