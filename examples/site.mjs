// The demo: builds examples/dist (the partner page, the snippet page, the embed configurator,
// the bundler app, the CDN bundles and the sample feed) and serves it on localhost.
//
//   node examples/site.mjs            build and serve (PORT, default 8080)
//   node examples/site.mjs --build    build only
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFeed, serveFeed } from '@brusano/feed';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const site = join(here, 'site');
const dist = join(here, 'dist');
const cdn = join(here, '..', 'packages', 'widgets', 'dist', 'cdn');
const app = join(here, 'bundler-app', 'dist');

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The snippets a partner copies, and the same elements live on the page. */
const SNIPPETS = {
  finder: '<brusano-service-finder feed="feed/manifest.json" commune="1090"></brusano-service-finder>',
  agenda: '<brusano-agenda feed="feed/manifest.json" bassin="nord" limit="3"></brusano-agenda>',
  helpdesk: '<brusano-helpdesk-card feed="feed/manifest.json" postal-code="1050"></brusano-helpdesk-card>',
};
const SCRIPT = '<script type="module" src="widgets/brusano-widgets.js"></script>';
const THEME = `brusano-service-finder, brusano-agenda, brusano-helpdesk-card {
  --brusano-color-accent: #6b2c91;
  --brusano-font-family: Georgia, serif;
  --brusano-radius: 0;
}
brusano-service-finder::part(card) { box-shadow: 0 1px 3px rgb(0 0 0 / 0.2); }`;

/** Builds the demo into `out` (examples/dist by default; the tests build theirs apart). */
export async function buildSite(out = dist) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const parts = { header: readFileSync(join(site, '_header.html'), 'utf8'), footer: readFileSync(join(site, '_footer.html'), 'utf8') };
  for (const file of readdirSync(site)) {
    if (file.startsWith('_')) continue;
    // The pages' scripts with what they import of the packages (the configurator, the SDK's look-up).
    if (file.endsWith('.js')) {
      await build({ entryPoints: [join(site, file)], outfile: join(out, file), bundle: true, format: 'esm', minify: true, logLevel: 'warning' });
      continue;
    }
    if (!file.endsWith('.template.html')) {
      cpSync(join(site, file), join(out, file));
      continue;
    }
    const page = readFileSync(join(site, file), 'utf8')
      .replace('{{header}}', parts.header)
      .replace('{{footer}}', parts.footer)
      .replace(/\{\{snippet:(\w+)\}\}/g, (_, name) => escapeHtml(name === 'theme' ? THEME : `${SCRIPT}\n${SNIPPETS[name]}`))
      .replace(/\{\{live:(\w+)\}\}/g, (_, name) => SNIPPETS[name]);
    writeFileSync(join(out, file.replace('.template.html', '.html')), page);
  }
  cpSync(cdn, join(out, 'widgets'), { recursive: true });
  // The sample feed as Brusano would publish it: checked, minified, precompressed, with its calendars.
  await buildFeed(join(here, 'feed'), join(out, 'feed'));
  cpSync(app, join(out, 'app'), { recursive: true });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildSite();
  if (!process.argv.includes('--build')) {
    const port = Number(process.env.PORT ?? 8080);
    const server = await serveFeed(dist, { port }).catch(() => serveFeed(dist, { port: 0 }));
    const url = server.url.replace('127.0.0.1', 'localhost');
    console.log(`\nBrusano widgets demo — ${url}\n`);
    console.log(`  partner page         ${url}index.html   (?lang=nl, ?lang=en)`);
    console.log(`  snippets             ${url}snippet.html`);
    console.log(`  embed configurator   ${url}configurator.html`);
    console.log(`  bundler app (Vite)   ${url}app/index.html`);
    console.log(`  sample feed          ${url}feed/manifest.json`);
    console.log(`\n  Node SDK example:    ./run example:sdk 1090\n\nCtrl-C to stop.`);
  }
}
