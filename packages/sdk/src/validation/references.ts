import { normalizeText } from '../text/normalize.js';
import type { FeedData } from './datasets.js';
import type { Problem } from './problem.js';

/**
 * Checks what records say of each other: a service's communes, bassins, categories and sectors,
 * an event's or a helpdesk's territory, a commune's bassin, a lead-in's categories must all exist
 * in the feed (categories and sectors are checked only when the feed carries them); and a word
 * is a lead-in of one record only (case and accents aside), so it leads to one list of categories.
 *
 * @example
 * const problems = checkReferences(feed); // [] when every reference resolves
 */
export function checkReferences(data: Partial<FeedData>): Problem[] {
  const problems: Problem[] = [];
  const bassins = new Set((data.bassins ?? []).map((bassin) => bassin.id));
  const communes = new Set((data.communes ?? []).map((commune) => commune.nis));
  const subAreas = new Set((data.communes ?? []).flatMap((commune) => (commune.subAreas ?? []).map((area) => area.id)));
  const categories = data.categories?.length ? new Set(data.categories.map((term) => term.id)) : undefined;
  const sectors = data.sectors?.length ? new Set(data.sectors.map((term) => term.id)) : undefined;
  const territories = new Set([...bassins, 'region']);

  const check = (dataset: keyof FeedData, index: number, recordId: string, pointer: string, value: string | number, known: Set<string | number> | undefined, what: string) => {
    if (known && !known.has(value)) problems.push({ dataset, index, recordId, pointer, message: `refers to ${what} ${value}, which the feed does not have` });
  };

  (data.services ?? []).forEach((service, index) => {
    service.locations?.forEach((location, at) => {
      if (location.address.nis) check('services', index, service.id, `/locations/${at}/address/nis`, location.address.nis, communes, 'commune');
    });
    service.areaServed?.communes?.forEach((nis, at) => check('services', index, service.id, `/areaServed/communes/${at}`, nis, communes, 'commune'));
    service.areaServed?.bassins?.forEach((id, at) => check('services', index, service.id, `/areaServed/bassins/${at}`, id, bassins, 'bassin'));
    service.categoryIds.forEach((id, at) => check('services', index, service.id, `/categoryIds/${at}`, id, categories, 'category'));
    service.sectorIds?.forEach((id, at) => check('services', index, service.id, `/sectorIds/${at}`, id, sectors, 'sector'));
    // What the schemas can't say: dates and ages that contradict each other (the widgets leave them aside).
    service.alerts?.forEach((alert, at) => {
      if (alert.from && alert.until && alert.until < alert.from) problems.push({ dataset: 'services', index, recordId: service.id, pointer: `/alerts/${at}/until`, message: `ends (${alert.until}) before it starts (${alert.from}); the alert is not shown`, outcome: 'field-dropped' });
    });
    if (service.minimumAge !== undefined && service.maximumAge !== undefined && service.maximumAge < service.minimumAge) {
      problems.push({ dataset: 'services', index, recordId: service.id, pointer: '/maximumAge', message: `is below the minimum age (${service.minimumAge}); the ages are not used to filter`, outcome: 'field-dropped' });
    }
  });
  (data.events ?? []).forEach((event, index) =>
    event.territories.forEach((territory, at) => check('events', index, event.id, `/territories/${at}`, territory, territories, 'territory')),
  );
  (data.helpdesks ?? []).forEach((helpdesk, index) => check('helpdesks', index, helpdesk.id, '/territory', helpdesk.territory, territories, 'territory'));
  (data.communes ?? []).forEach((commune, index) => {
    if (commune.bassin) check('communes', index, commune.nis, '/bassin', commune.bassin, bassins, 'bassin');
    commune.subAreas?.forEach((area, at) => {
      if (area.bassin) check('communes', index, commune.nis, `/subAreas/${at}/bassin`, area.bassin, bassins, 'bassin');
    });
  });
  (data.bassins ?? []).forEach((bassin, index) => {
    bassin.communes.forEach((nis, at) => check('bassins', index, bassin.id, `/communes/${at}`, nis, communes, 'commune'));
    bassin.subAreas.forEach((id, at) => check('bassins', index, bassin.id, `/subAreas/${at}`, id, subAreas, 'sub-area'));
  });
  const leadinOfWord = new Map<string, string>();
  (data.leadins ?? []).forEach((leadin, index) => {
    leadin.categoryIds.forEach((id, at) => check('leadins', index, leadin.id, `/categoryIds/${at}`, id, categories, 'category'));
    for (const lang of ['fr', 'nl', 'en'] as const) {
      leadin.terms[lang]?.forEach((term, at) => {
        const word = normalizeText(term);
        const other = leadinOfWord.get(word);
        if (other && other !== leadin.id) problems.push({ dataset: 'leadins', index, recordId: leadin.id, pointer: `/terms/${lang}/${at}`, message: `"${term}" is also a lead-in of ${other}: a word may lead to one list of categories only` });
        else leadinOfWord.set(word, leadin.id);
      });
    }
  });
  (data.quartiers ?? []).forEach((quartier, index) => {
    if (quartier.bassin) check('quartiers', index, quartier.id, '/bassin', quartier.bassin, bassins, 'bassin');
    quartier.communes.forEach((nis, at) => check('quartiers', index, quartier.id, `/communes/${at}`, nis, communes, 'commune'));
  });
  return problems;
}
