// The CDN files, built from the unbundled ESM that tsc writes to dist/:
//   brusano-widgets.js           the loader, the one documented script: it defines an element
//                                when one appears on the page, from the chunks beside it;
//   elements/brusano-*.js        each element's chunk, and chunks/ the code they share (Lit,
//                                the base element, the SDK's reader);
//   brusano-<element>.js         one self-contained file per element, for those who want one file.
import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { formatPhoneNumber } from '@brusano/sdk/text';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const minify = terser({ format: { comments: false }, compress: { passes: 2 }, module: true });
/**
 * The markup and styles of our templates without their indentation (Lit's own plugin; terser
 * leaves strings alone). Whitespace is collapsed to one space, never removed: between a part
 * drawn by an expression and the next element, a space is text the reader sees ("Fermé · ouvre").
 */
const minifyTemplates = () => minifyLiterals({ include: ['dist/**/*.js'], failOnError: true, options: { minifyOptions: { conservativeCollapse: true } } });
const onwarn = (warning, warn) => {
  if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
};

/**
 * Lit records its version in global arrays (litHtmlVersions…) to warn about duplicate copies in
 * development, and keeps decorator metadata in a global map. On a partner's page the widgets add
 * no global: the records are left out, and the map is the bundle's own.
 */
function noLitGlobals() {
  const versions = /\(\w+\.(?:litHtmlVersions|reactiveElementVersions|litElementVersions)\?\?=\[\]\)\.push\("[^"]*"\)/g;
  const metadata = /\b\w+\.litPropertyMetadata\?\?=new WeakMap\b/;
  return {
    name: 'no-lit-globals',
    transform(code, id) {
      if (!/[\\/](lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id)) return null;
      let result = code.replace(versions, '0');
      if (metadata.test(result)) result = `var litPropertyMetadata=new WeakMap;${result.replace(metadata, '0')}`;
      return { code: result, map: null };
    },
  };
}

/**
 * What the loader knows of the reference data, written into it from the SDK's reference files:
 * the regional contact (for its "could not load" message) and each postal code's first commune
 * (to ask for a finder's first page early). The loader shares no module with the elements.
 */
function loaderData() {
  const reference = (name) => JSON.parse(readFileSync(new URL(`../sdk/reference/${name}.json`, import.meta.url), 'utf8'));
  const modules = {
    'brusano:regional-contact': () => {
      const region = reference('helpdesks').find((helpdesk) => helpdesk.territory === 'region');
      // The number as a Brussels reader writes it, for the text; the link keeps the international form.
      return { name: region.name, phone: region.phones[0].number, phoneText: formatPhoneNumber(region.phones[0].number), website: region.websites[0].url };
    },
    'brusano:postal-codes': () => {
      const map = {};
      for (const commune of reference('communes')) for (const code of commune.postalCodes) map[code] ??= commune.nis;
      return map;
    },
  };
  return {
    name: 'loader-data',
    resolveId: (source) => (source in modules ? source : null),
    load: (source) => (source in modules ? `export default ${JSON.stringify(modules[source]())};` : null),
  };
}

/**
 * A chunk imports the chunks it needs, which the browser would only discover once that chunk has
 * arrived: one more round trip on a slow network. Each dynamic import (the loader's of an element,
 * an element's of a part it loads on use) asks for them all at once instead.
 */
function importTogether() {
  return {
    name: 'import-together',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const closure = (chunk, found = new Set()) => {
        for (const name of chunk.imports) if (!found.has(name)) closure(byName.get(name), found.add(name));
        return found;
      };
      const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const chunk of chunks.filter((candidate) => candidate.dynamicImports.length)) {
        const loaded = closure(chunk);
        const from = (name) => {
          const path = relative(dirname(chunk.fileName), name);
          return path.startsWith('.') ? path : `./${path}`;
        };
        for (const target of chunk.dynamicImports) {
          const dependencies = [...closure(byName.get(target))].filter((name) => !loaded.has(name) && name !== chunk.fileName);
          if (!dependencies.length) continue;
          const literal = new RegExp(`import\\((["'])${escape(from(target))}\\1\\)`, 'g');
          if (!literal.test(chunk.code)) this.error(`import-together: no import("${from(target)}") in ${chunk.fileName}`);
          chunk.code = chunk.code.replace(literal, () => `Promise.all([import("${from(target)}"),${dependencies.map((name) => `import("${from(name)}")`).join(',')}]).then(m=>m[0])`);
        }
      }
    },
  };
}

/**
 * Small modules that two elements share, copied into each element's files instead of a file of
 * their own: the texts all elements share (in each element's texts, with the brusano-error
 * sentences the English ones repeat), and the formatting of dates and distances. A copy of a few
 * hundred bytes spares a finder's page a request, past the six a browser makes at once to a CDN
 * over HTTP/1.1 (a round trip more on a slow network); a page with two elements loads it twice.
 * What a copy imports of these is copied too.
 */
function copiedIntoEachElement() {
  const copied = [/[\\/]shared[\\/]strings[\\/](fr|nl|en)\.js$/, /[\\/]dist[\\/]shared[\\/](format|i18n)\.js$/];
  const elementFolder = /[\\/]dist[\\/](service-finder|agenda|helpdesk-card)[\\/]/;
  return {
    name: 'copied-into-each-element',
    async resolveId(source, importer, options) {
      const element = importer?.match(elementFolder)?.[1] ?? importer?.match(/\?for=([a-z-]+)$/)?.[1];
      if (!element) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && copied.some((pattern) => pattern.test(resolved.id)) ? `${resolved.id}?for=${element}` : null;
    },
    load: (id) => (/\?for=/.test(id) ? readFileSync(id.replace(/\?for=.*$/, ''), 'utf8') : null),
  };
}

/** The territory look-up in one file: the finder reads it with its search or when a place is named, a helpdesk card when it has a place to look up. */
const territoryChunk = (id) => (/[\\/]sdk[\\/]dist[\\/](text[\\/]normalize|territory[\\/]resolve-territory)\.js$/.test(id) ? 'territory' : undefined);

const lazy = {
  input: { 'brusano-widgets': 'dist/loader/loader.js' },
  output: {
    dir: 'dist/cdn',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    manualChunks: territoryChunk,
    // An element's chunk keeps the element's name, even when it also lends code to a later chunk.
    chunkFileNames: (chunk) => {
      // An element's texts in one language beside the element; the texts all elements share among the chunks.
      const texts = chunk.moduleIds.map((id) => id.match(/[\\/](service-finder|agenda|helpdesk-card|shared)[\\/]strings[\\/](fr|nl|en)\.js$/)).find(Boolean);
      if (texts) return texts[1] === 'shared' ? `chunks/texts-${texts[2]}-[hash].js` : `elements/brusano-${texts[1]}.${texts[2]}.js`;
      const element = chunk.moduleIds.find((id) => id.includes('/loader/elements/'));
      if (element) return `elements/${element.split('/').pop().replace(/\.js$/, '')}.js`;
      // A library's chunk by the library's name (uqr/dist/index.mjs would be "dist").
      const library = chunk.facadeModuleId?.match(/.*node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];
      return library ? `chunks/${library.replace('/', '-')}-[hash].js` : 'chunks/[name]-[hash].js';
    },
  },
  plugins: [loaderData(), copiedIntoEachElement(), minifyTemplates(), nodeResolve({ browser: true }), noLitGlobals(), minify, importTogether()],
  onwarn,
};

const ONE_FILE = {
  'brusano-service-finder': 'dist/service-finder/service-finder.js',
  'brusano-agenda': 'dist/agenda/agenda.js',
  'brusano-helpdesk-card': 'dist/helpdesk-card/helpdesk-card.js',
};

export default [
  lazy,
  ...Object.entries(ONE_FILE).map(([name, input]) => ({
    input,
    output: { file: `dist/cdn/${name}.js`, format: 'es', sourcemap: true, inlineDynamicImports: true },
    plugins: [minifyTemplates(), nodeResolve({ browser: true }), noLitGlobals(), minify],
    onwarn,
  })),
];
