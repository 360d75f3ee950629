import { bassins, communes, helpdesks, quartiers, regionalContact } from '../generated/reference.js';
import type { Bassin, Helpdesk } from '../generated/types.js';
import { resolveTerritory, type TerritoryAnswer, type TerritoryReference } from '../territory/resolve-territory.js';

export interface HelpdeskReference extends TerritoryReference {
  helpdesks: readonly Helpdesk[];
}

/** A bassin the place may belong to, and how to reach its helpdesk. */
export interface HelpdeskChoice {
  bassin: Bassin;
  /** The bassin's helpdesk record, if the data has one. */
  helpdesk?: Helpdesk;
  /** True when the helpdesk has a phone number or an e-mail address. */
  reachable: boolean;
}

export interface HelpdeskAnswer {
  territory: TerritoryAnswer;
  /** One entry per candidate bassin; several when the territory is ambiguous. */
  choices: HelpdeskChoice[];
  /** The regional contact: always there, to show when no bassin line can be reached or chosen. */
  regional: Helpdesk;
  /** True when the person must say which commune or quartier they mean. */
  needsChoice: boolean;
  /** True when no candidate bassin's helpdesk can be reached: show the regional contact first. */
  useRegional: boolean;
}

const embeddedReference: HelpdeskReference = { bassins, communes, quartiers, helpdesks };
const REGION = 'region';

/** The regional contact: the line to call when no bassin line is known or the place is unclear. */
export function regionalHelpdesk(reference?: Pick<HelpdeskReference, 'helpdesks'>): Helpdesk {
  return reference?.helpdesks.find((helpdesk) => helpdesk.territory === REGION) ?? regionalContact;
}

/** True when a helpdesk can be called or written to. */
export function isReachable(helpdesk: Helpdesk | undefined): boolean {
  return Boolean(helpdesk && (helpdesk.phones.length > 0 || helpdesk.emails.length > 0));
}

/**
 * The helpdesk(s) for a place, with the regional contact as fallback.
 * Takes an answer of `resolveTerritory`, or anything `resolveTerritory` takes.
 *
 * @example
 * const { choices, regional, useRegional } = helpdeskFor('1090');
 * choices[0].helpdesk?.phones[0]?.number // '+32 2 318 60 54' (Bassin Nord)
 */
export function helpdeskFor(territory: TerritoryAnswer | string, reference: HelpdeskReference = embeddedReference): HelpdeskAnswer {
  const resolved = typeof territory === 'string' ? resolveTerritory(territory, reference) : territory;
  const byTerritory = new Map(reference.helpdesks.map((helpdesk) => [helpdesk.territory, helpdesk]));
  const regional = regionalHelpdesk(reference);
  const choices = resolved.bassins.map((bassin) => {
    const helpdesk = byTerritory.get(bassin.id);
    return { bassin, ...(helpdesk ? { helpdesk } : {}), reachable: isReachable(helpdesk) };
  });
  return {
    territory: resolved,
    choices,
    regional,
    needsChoice: resolved.ambiguous,
    useRegional: !choices.some((choice) => choice.reachable),
  };
}
