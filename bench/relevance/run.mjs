// The judged relevance benchmark: the judged queries (judged-queries.mjs, with how they were
// judged) over 5,000 generated services, for the finder's search and for three peers on the same
// data — MiniSearch with common settings, Orama with its French and Dutch stemmers, Fuse.js.
// Prints success@10, precision@10, MRR and the queries with no result, per engine.
//
//   node bench/relevance/run.mjs             every engine, a table
//   node bench/relevance/run.mjs --misses    also the queries our search fails, for review
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { stemmer as dutchStemmer } from '@orama/stemmers/dutch';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { leadinsWithin } from '@brusano/feed';
import { createServiceSearch, understandQuery } from '@brusano/sdk';
import { communes } from '@brusano/sdk/reference/communes';
import { createRequire } from 'node:module';
import { generateServices } from '../generate-feed.mjs';
import { JUDGED } from './judged-queries.mjs';

const reference = (name) => createRequire(import.meta.url)(`@brusano/sdk/reference/${name}.json`);
const allCategories = reference('categories');
const allSectors = reference('sectors');

const SERVICES = 5_000;
const TOP = 10;

/** Whether a service answers a judged query: an accepted category, and what the filter words ask. */
export function isRelevant(service, { accept, where }) {
  if (!service.categoryIds.some((id) => accept.includes(id))) return false;
  if (where.free && service.cost?.free !== true) return false;
  if (where.language && !service.languages?.includes(where.language)) return false;
  if (where.public && !service.publics?.some((code) => code === where.public || code === 'everyone')) return false;
  if (where.commune) {
    const serves = service.areaServed?.region || service.areaServed?.communes?.includes(where.commune) || service.locations?.some((location) => location.address.nis === where.commune);
    if (!serves) return false;
  }
  return true;
}

/** success@10, precision@10, MRR and the queries with no result, from each query's ranked services. */
export function score(judged, rankings) {
  let success = 0;
  let precision = 0;
  let reciprocal = 0;
  let empty = 0;
  const misses = [];
  judged.forEach((query, index) => {
    const ranked = rankings[index];
    if (ranked.length === 0) empty++;
    const top = ranked.slice(0, TOP);
    const relevant = top.filter((service) => isRelevant(service, query)).length;
    if (relevant > 0) success++;
    else misses.push(query.query);
    precision += top.length ? relevant / top.length : 0;
    const first = ranked.findIndex((service) => isRelevant(service, query));
    reciprocal += first >= 0 ? 1 / (first + 1) : 0;
  });
  const count = judged.length;
  return { successAt10: success / count, precisionAt10: precision / count, mrr: reciprocal / count, noResult: empty, misses };
}

export function relevanceData(count = SERVICES) {
  const services = generateServices(count);
  const used = new Set(services.flatMap((service) => service.categoryIds));
  const usedSectors = new Set(services.flatMap((service) => service.sectorIds ?? []));
  const categories = allCategories.filter((term) => used.has(term.id));
  const sectors = allSectors.filter((term) => usedSectors.has(term.id));
  return { services, categories, sectors, leadins: leadinsWithin(used) };
}

const join = (text) => [text?.fr, text?.nl, text?.en].filter(Boolean).join(' ');

/** What the peers index of a service: its name, description and its categories' titles and keywords. */
function documents({ services, categories }) {
  const byId = new Map(categories.map((term) => [term.id, term]));
  const categoryText = (service, lang) =>
    service.categoryIds
      .map((id) => byId.get(id))
      .filter(Boolean)
      .map((term) => (lang ? [term.title[lang], ...(term.keywords?.[lang] ?? [])] : [join(term.title), ...Object.values(term.keywords ?? {}).flat()]).join(' '))
      .join(' ');
  return services.map((service, id) => ({
    id,
    name: join(service.name),
    description: join(service.description),
    categories: categoryText(service),
    fr: { id: String(id), name: service.name.fr ?? '', description: service.description.fr ?? '', categories: categoryText(service, 'fr') },
    nl: { id: String(id), name: service.name.nl ?? '', description: service.description.nl ?? '', categories: categoryText(service, 'nl') },
  }));
}

const engines = {
  async ours(data) {
    const search = createServiceSearch(data);
    const languages = [...new Set(data.services.flatMap((service) => service.languages ?? []))];
    return (query) => {
      const understood = understandQuery(query, { communes, languages });
      return search.search(understood.text, understood.filters).services;
    };
  },
  async minisearch(data) {
    const docs = documents(data);
    const index = new MiniSearch({ fields: ['name', 'description', 'categories'], searchOptions: { prefix: true, fuzzy: 0.2, boost: { name: 2 } } });
    index.addAll(docs);
    return (query) => index.search(query).map((hit) => data.services[hit.id]);
  },
  async orama(data) {
    const docs = documents(data);
    const schema = { id: 'string', name: 'string', description: 'string', categories: 'string' };
    const databases = await Promise.all(
      [
        ['fr', 'french', frenchStemmer],
        ['nl', 'dutch', dutchStemmer],
      ].map(async ([lang, language, stemmer]) => {
        const db = create({ schema, components: { tokenizer: { language, stemming: true, stemmer } } });
        await insertMultiple(db, docs.map((doc) => doc[lang]));
        return db;
      }),
    );
    return async (query) => {
      const best = new Map();
      for (const db of databases) {
        const { hits } = await oramaSearch(db, { term: query, properties: ['name', 'description', 'categories'], boost: { name: 2 }, tolerance: 1, limit: 100 });
        for (const hit of hits) best.set(hit.id, Math.max(best.get(hit.id) ?? 0, hit.score));
      }
      return [...best.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => data.services[Number(id)]);
    };
  },
  async fuse(data) {
    const docs = documents(data);
    const fuse = new Fuse(docs, { keys: [{ name: 'name', weight: 2 }, 'description', 'categories'], threshold: 0.3, ignoreLocation: true });
    return (query) => fuse.search(query, { limit: 100 }).map((hit) => data.services[hit.item.id]);
  },
};

export async function relevanceBench({ log = console.log } = {}) {
  const accepted = new Set(allCategories.map((term) => term.id));
  const unknown = JUDGED.flatMap((query) => query.accept.filter((id) => !accepted.has(id)));
  if (unknown.length) throw new Error(`judged-queries.mjs accepts categories Bruxelles Social does not have: ${[...new Set(unknown)].join(', ')}`);
  const data = relevanceData();
  const results = {};
  for (const [name, make] of Object.entries(engines)) {
    const run = await make(data);
    const rankings = [];
    for (const { query } of JUDGED) rankings.push(await run(query));
    results[name] = score(JUDGED, rankings);
    const { successAt10, precisionAt10, mrr, noResult } = results[name];
    log(`relevance ${name}: success@10 ${(successAt10 * 100).toFixed(1)} %, precision@10 ${(precisionAt10 * 100).toFixed(1)} %, MRR ${mrr.toFixed(3)}, no result ${noResult}`);
  }
  return { queries: JUDGED.length, services: data.services.length, results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { results, queries } = await relevanceBench();
  console.log(`${queries} judged queries`);
  if (process.argv.includes('--misses')) console.log('our misses:', results.ours.misses);
}
