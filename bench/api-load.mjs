// Load on the HSDS API of `brusano-feed serve`: autocannon against /services on a built feed,
// once on one page (as a client paging through the list meets it) and once on searches that
// change with every request (thousands of distinct queries: the server's 500 kept answers rarely help). Run alone with `node bench/api-load.mjs <feed-folder>`.
import autocannon from 'autocannon';
import { serveFeed } from '@brusano/feed';

const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 10);
const CONNECTIONS = 50;
const WORDS = ['aide', 'sociale', 'logement', 'sante', 'jeunes', 'emploi', 'famille', 'dettes', 'centre', 'medical', 'femmes', 'accueil'];

function run(url, requests) {
  return new Promise((done, fail) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests, headers: { 'accept-encoding': 'br' } }, (error, result) => (error ? fail(error) : done(result)));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

const summary = (result) => ({ requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts });

/** Requests per second and latency of the API's /services page, with CONNECTIONS clients for DURATION_S seconds. */
export async function apiLoadBench(feedFolder) {
  const server = await serveFeed(feedFolder);
  try {
    await fetch(new URL('services', server.url)); // the feed is read once, on the first request
    const onePage = summary(await run(new URL('services?page=1&per_page=50', server.url).href));
    let at = 0;
    const searches = summary(
      await run(server.url, [{ setupRequest: (request) => ({ ...request, path: `/services?search=${WORDS[at % WORDS.length]}&page=${1 + (at % 7)}&per_page=${10 + (at++ % 91)}` }) }]),
    );
    return { connections: CONNECTIONS, seconds: DURATION_S, onePage, searches };
  } finally {
    await server.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const result = await apiLoadBench(process.argv[2] ?? 'examples/feed');
  console.log(JSON.stringify(result, null, 2));
}
