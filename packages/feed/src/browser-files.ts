import {
  COLUMNS_FORMAT,
  createServiceSearch,
  encodeRowGroup,
  FIRST_PAGE_FORMAT,
  FIRST_PAGES_URL,
  hoursWithAlerts,
  territoryKey,
  type FeedData,
  type FeedManifest,
  type FirstPage,
  type OpeningHours,
} from '@brusano/sdk';

/** Services per line of the compact file: a line is read in one short task in the browser. */
export const ROW_GROUP_SIZE = 500;
/** Services in a first page: two screens of the finder's default page size. */
export const FIRST_PAGE_SIZE = 20;

export type BrowserIndex = NonNullable<FeedManifest['browser']>;

/**
 * The compact file of every service: a JSON array written one element per line, a header then
 * groups of services in columns (see the SDK's reader/columns.ts), so a browser reads it as it
 * downloads.
 */
export function compactServices(services: FeedData['services']): string {
  const lines = [JSON.stringify({ format: COLUMNS_FORMAT, count: services.length, rowGroups: Math.ceil(services.length / ROW_GROUP_SIZE) })];
  for (let start = 0; start < services.length; start += ROW_GROUP_SIZE) lines.push(JSON.stringify(encodeRowGroup(services.slice(start, start + ROW_GROUP_SIZE))));
  return `[\n${lines.join(',\n')}\n]\n`;
}

/**
 * The finder's first screen for the Region, each bassin and each commune, computed by the same
 * search the finder runs: the first services in its order, the total and every facet count.
 */
export function firstPages(data: Pick<FeedData, 'services' | 'categories' | 'sectors' | 'communes' | 'bassins'>): FirstPage[] {
  const search = createServiceSearch(data);
  const territories: { bassin?: string; commune?: string }[] = [{}, ...data.bassins.map((bassin) => ({ bassin: bassin.id })), ...data.communes.map((commune) => ({ commune: commune.nis }))];
  return territories.map((territory) => {
    const { services, facets } = search.search('', { ...(territory.bassin ? { bassins: [territory.bassin] } : {}), ...(territory.commune ? { communes: [territory.commune] } : {}) });
    const hours = new Map<string, [OpeningHours | null, number]>();
    for (const service of services) {
      // Closing alerts as closed days, so the first page's "open now" count says closed meanwhile.
      const effective = hoursWithAlerts(service);
      const key = JSON.stringify(effective ?? null);
      const entry = hours.get(key);
      if (entry) entry[1]++;
      else hours.set(key, [effective ?? null, 1]);
    }
    const { openNow: _dependsOnTheHour, ...counts } = facets;
    return {
      format: FIRST_PAGE_FORMAT,
      territory: territoryKey(territory)!,
      total: services.length,
      services: services.slice(0, FIRST_PAGE_SIZE),
      facets: counts,
      hours: [...hours.values()],
    };
  });
}

/**
 * Writes what the widgets read first (the first pages and the compact services) with `write`,
 * and returns the manifest's `browser` entry that names them.
 */
export async function writeBrowserFiles(
  data: Pick<FeedData, 'services' | 'categories' | 'sectors' | 'communes' | 'bassins'>,
  write: (path: string, bytes: Buffer) => Promise<string>,
): Promise<BrowserIndex> {
  const pages = firstPages(data);
  for (const page of pages) await write(FIRST_PAGES_URL.replace('{territory}', page.territory), Buffer.from(JSON.stringify(page)));
  const url = 'browser/services.json';
  const sha256 = await write(url, Buffer.from(compactServices(data.services)));
  return {
    format: 'brusano-browser/1',
    services: { url, count: data.services.length, sha256 },
    firstPages: { url: FIRST_PAGES_URL, territories: pages.map((page) => page.territory), size: FIRST_PAGE_SIZE },
  };
}
