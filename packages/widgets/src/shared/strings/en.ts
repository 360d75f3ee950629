import { EVENT_MESSAGES } from '../i18n.js';
import type { SharedStrings } from './fr.js';

/** The texts every widget shows (loading, errors, contact labels, opening hours), in English. */
const en: SharedStrings = {
  // The brusano-error events' sentences, said to people too.
  ...EVENT_MESSAGES,
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
