import type { Bassin, Helpdesk } from '../generated/types.js';
import { resolveTerritory, type TerritoryAnswer } from '../territory/resolve-territory.js';
import { isReachable, regionalHelpdesk, type HelpdeskReference } from './regional.js';

export type { HelpdeskReference };

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


/**
 * The helpdesk(s) for a place, with the regional contact as fallback.
 * Takes an answer of `resolveTerritory`, or anything `resolveTerritory` takes.
 *
 * @example
 * const { choices, regional, useRegional } = helpdeskFor('1090', feed);
 * choices[0].helpdesk?.phones[0]?.number // '+32 2 318 60 54' (Bassin Nord)
 */
export function helpdeskFor(territory: TerritoryAnswer | string, reference: HelpdeskReference): HelpdeskAnswer {
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
