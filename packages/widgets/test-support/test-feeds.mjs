// Feeds made on the fly for the component tests, served by the test runner's own HTTP server:
//   /test-feeds/hostile/  the sample feed with hostile strings in its text fields
//   /test-feeds/partial/  the sample feed with a few invalid records
//   /test-feeds/alerts/   the sample feed with alerts dated from today: one closing now, one
//                         expired, one to come, one without dates
//   /test-feeds/report-inbox/ (or report-refused/) the sample feed whose manifest sends reports of
//                         mistakes to /test-feeds/inbox (kept, listed by GET) or to /test-feeds/refuse (500)
//   /test-feeds/imported/ the sample feed with a bad website link in every service, and one
//                         service as an HSDS import leaves it: English only, uncategorised,
//                         abroad, a phone kept as text and one with an extension
//   /test-feeds/broken/   a manifest that is not JSON
//   /test-feeds/slow/     the sample feed, answered after two seconds
//   /test-feeds/calendars/ the sample feed, with subscribable calendars named in its manifest
//   /test-feeds/corpus/   the hostile corpus of hostile-corpus.mjs in place of the services
//   /test-feeds/fault-<kind>/  every request fails: 500, 404, truncated (JSON cut short), html, reset, stall (10 s, then 503)
//   /test-feeds/flaky-<name>/  the sample feed until /test-feeds/flaky-<name>/break is asked for, then 500s
//   /test-feeds/requests/<name>/<file>  how many times /test-feeds/<name>/<file>.json was asked for
//   /built-feeds/<variant>/  the sample feed as brusano-feed build writes it (first pages, compact services):
//        plain       as built
//        slow        its compact services answered after 3 seconds (the first page comes first)
//        hostile     its compact services changed after the build: markup in names, unsafe and
//                    malformed links, wrong types, a record without a name
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFeed } from '@brusano/feed';
import { hostileEvents, hostileHelpdesks, hostileServices } from './hostile-corpus.mjs';

const sample = (name) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../examples/feed/${name}.json`, import.meta.url)), 'utf8'));

export const HOSTILE_NAME = '<img src=x onerror="window.__xss=1">';
export const HOSTILE_DESCRIPTION = '<script>window.__xss=1</script><b>bold?</b>';

function feeds() {
  const manifest = sample('manifest');
  const names = Object.keys(manifest.datasets);
  const base = Object.fromEntries(names.map((name) => [name, sample(name)]));

  const hostile = structuredClone(base);
  hostile.services[0].name = { fr: HOSTILE_NAME, nl: HOSTILE_NAME };
  hostile.services[0].description = { fr: HOSTILE_DESCRIPTION, nl: HOSTILE_DESCRIPTION };
  hostile.services[1].organization.name = { fr: '"><svg onload=window.__xss=1>' };
  hostile.events[0].title = { fr: HOSTILE_NAME, nl: HOSTILE_NAME };

  const partial = structuredClone(base);
  partial.services[0].phones = [{ number: 'call us' }];
  partial.services[1].websites = [{ url: 'javascript:alert(1)' }];
  partial.events[0].start = 'tomorrow';

  const imported = structuredClone(base);
  const badLinks = ['javascript:alert(1)', 'htp//broken.example.org', 'https://exa mple.org/', 'data:text/html,hi'];
  imported.services.forEach((service, index) => (service.websites = [{ url: badLinks[index % badLinks.length] }]));
  imported.services.push({
    id: 'hsds-sample-import',
    sample: true,
    name: { en: 'Community Food Support (sample)' },
    description: { en: 'Weekly food parcels. Sample record.' },
    categoryIds: [],
    locations: [{ address: { street: { en: '1 Sample Road (fictional)' }, foreignPostalCode: 'SW1A 0AA', municipality: { en: 'London' }, country: 'GB' } }],
    phones: [{ number: '+32 2 000 01 77', extension: '12' }, { text: 'Text HELP to 55501' }],
    websites: [{ url: 'https://food-support.example.org/' }],
  });

  const alerts = structuredClone(base);
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const notice = (fr) => ({ fr, nl: `${fr} (nl)` });
  alerts.services[0].hours = { timeZone: 'Europe/Brussels', weekly: [{ days: ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'], intervals: [{ opens: '00:00', closes: '23:59' }] }] };
  alerts.services[0].alerts = [{ text: notice('Fermé pour travaux (test).'), from: day(-1), until: day(2), closed: true }];
  alerts.services[1].alerts = [{ text: notice('Avis expiré (test).'), until: day(-2) }];
  alerts.services[2].alerts = [{ text: notice('Avis à venir (test).'), from: day(3) }];
  alerts.services[3].alerts = [{ text: notice('Permanence déplacée (test).') }];

  const corpus = structuredClone(base);
  corpus.services = hostileServices(base.services).services;
  corpus.events = hostileEvents(base.events).events;
  corpus.helpdesks = hostileHelpdesks(base.helpdesks);

  return { hostile, partial, imported, alerts, calendars: base, corpus };
}

/** The sample feed, built once per test run. */
const built = (async () => {
  const folder = mkdtempSync(join(tmpdir(), 'brusano-built-feed-'));
  await buildFeed(fileURLToPath(new URL('../../../examples/feed', import.meta.url)), folder);
  return folder;
})();

/** A built feed's compact services with hostile values written into its columns after the build. */
function hostileColumns(text) {
  const lines = text.split('\n');
  return lines
    .map((line) => {
      if (!line.startsWith('{"rows"')) return line;
      const comma = line.endsWith(',');
      const group = JSON.parse(comma ? line.slice(0, -1) : line);
      for (const column of group.columns) {
        const [path] = column;
        const values = column.length === 3 ? column[2] : column[1];
        const set = (row, value) => {
          if (column.length === 3) {
            column[1].push(value);
            values[row] = column[1].length - 1;
          } else values[row] = value;
        };
        if (path.join('.') === 'name.fr') set(0, '<img src=x onerror="window.__xss=1">');
        if (path.join('.') === 'websites') set(1, [{ url: 'javascript:window.__xss=1' }]);
        if (path.join('.') === 'phones') set(2, [{ number: 'javascript:alert(1)' }, { number: 42 }]);
        if (path.join('.') === 'categoryIds') set(3, 'logement');
        if (path.join('.') === 'name.nl') set(4, { '<b>': 1 });
      }
      // A column that tries to reach the objects' prototype.
      group.columns.push([['__proto__', 'polluted'], Array(group.rows).fill(true)]);
      return JSON.stringify(group) + (comma ? ',' : '');
    })
    .join('\n');
}

async function builtFeed(context, variant, path) {
  const folder = await built;
  const file = normalize(join(folder, path));
  if (!file.startsWith(folder + sep)) return;
  let body;
  try {
    body = readFileSync(file, 'utf8');
  } catch {
    context.status = 404;
    return;
  }
  if (path === 'browser/services.json') {
    if (variant === 'slow') await new Promise((resolve) => setTimeout(resolve, 3000));
    if (variant === 'hostile') body = hostileColumns(body);
  }
  context.type = extname(file) === '.ics' ? 'text/calendar' : 'application/json';
  context.body = body;
}

const requestCounts = new Map();
const brokenFlaky = new Set();

async function fault(context, kind) {
  switch (kind) {
    case '500':
      context.status = 500;
      context.body = 'Internal Server Error';
      return;
    case '404':
      context.status = 404;
      context.body = 'Not Found';
      return;
    case 'truncated':
      context.type = 'application/json';
      context.body = JSON.stringify(sample('manifest')).slice(0, 120);
      return;
    case 'html':
      context.type = 'text/html';
      context.body = '<!doctype html><title>Maintenance</title><p>Back soon</p>';
      return;
    case 'stall':
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      context.status = 503;
      return;
    case 'reset':
      context.req.socket.destroy();
      context.respond = false;
      return;
  }
}

/** Reports of mistakes posted to /test-feeds/inbox, in order. */
const inbox = [];

export async function testFeeds(context, next) {
  if (context.path === '/test-feeds/inbox' || context.path === '/test-feeds/refuse') {
    if (context.method === 'GET') {
      context.type = 'application/json';
      context.body = JSON.stringify(inbox);
      return;
    }
    const chunks = [];
    for await (const chunk of context.req) chunks.push(chunk);
    if (context.path === '/test-feeds/refuse') {
      context.status = 500;
      return;
    }
    inbox.push({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')), contentType: context.get('content-type'), cookie: context.get('cookie') });
    context.status = 204;
    return;
  }
  const builtMatch = /^\/built-feeds\/(plain|slow|hostile)\/(.+)$/.exec(context.path);
  if (builtMatch) return builtFeed(context, builtMatch[1], builtMatch[2]);
  const breaking = /^\/test-feeds\/(flaky-[a-z0-9-]+)\/break$/.exec(context.path);
  if (breaking) {
    brokenFlaky.add(breaking[1]);
    context.body = 'broken';
    return;
  }
  const counter = /^\/test-feeds\/requests\/([a-z0-9-]+\/[a-z-]+)$/.exec(context.path);
  if (counter) {
    context.type = 'application/json';
    context.body = String(requestCounts.get(counter[1]) ?? 0);
    return;
  }
  const match = /^\/test-feeds\/([a-z0-9-]+)\/([a-z-]+)\.json$/.exec(context.path);
  if (!match) return next();
  const [, feedName, file] = match;
  requestCounts.set(`${feedName}/${file}`, (requestCounts.get(`${feedName}/${file}`) ?? 0) + 1);
  if (feedName.startsWith('fault-')) return fault(context, feedName.slice('fault-'.length));
  if (feedName.startsWith('flaky-')) {
    if (brokenFlaky.has(feedName)) return fault(context, '500');
    context.type = 'application/json';
    context.body = JSON.stringify(file === 'manifest' ? manifestOf(feedName) : sample(file));
    return;
  }
  if (feedName === 'report-inbox' || feedName === 'report-refused') {
    context.type = 'application/json';
    const manifest = { ...manifestOf(feedName), reportErrors: { url: `${context.origin}/test-feeds/${feedName === 'report-inbox' ? 'inbox' : 'refuse'}` } };
    context.body = JSON.stringify(file === 'manifest' ? manifest : sample(file));
    return;
  }
  if (feedName === 'slow') {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    context.type = 'application/json';
    context.body = JSON.stringify(sample(file));
    return;
  }
  if (feedName === 'broken') {
    context.type = 'application/json';
    context.body = file === 'manifest' ? '{ "schemaVersion": ' : '[]';
    return;
  }
  const feed = feeds()[feedName];
  if (!feed) return next();
  context.type = 'application/json';
  context.body = JSON.stringify(file === 'manifest' ? manifestOf(feedName) : feed[file]);
}

function manifestOf(feedName) {
  const manifest = sample('manifest');
  if (feedName === 'calendars') {
    manifest.calendars = ['all', 'nord', 'nord-est', 'centre-ouest', 'sud', 'sud-est'].flatMap((territory) =>
      ['fr', 'nl', 'en'].map((lang) => ({ territory, lang, url: `calendars/${territory}.${lang}.ics` })),
    );
  }
  return manifest;
}
