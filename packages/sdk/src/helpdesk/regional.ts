import { regionalContact } from '../generated/regional-contact.js';
import type { Helpdesk } from '../generated/types.js';
import type { TerritoryReference } from '../territory/resolve-territory.js';

export interface HelpdeskReference extends TerritoryReference {
  helpdesks: readonly Helpdesk[];
}

const REGION = 'region';

/** The regional contact: the line to call when no bassin line is known or the place is unclear. */
export function regionalHelpdesk(reference?: Pick<HelpdeskReference, 'helpdesks'>): Helpdesk {
  return reference?.helpdesks.find((helpdesk) => helpdesk.territory === REGION) ?? regionalContact;
}

/** True when a helpdesk can be called or written to. */
export function isReachable(helpdesk: Helpdesk | undefined): boolean {
  return Boolean(helpdesk && (helpdesk.phones.length > 0 || helpdesk.emails.length > 0));
}
