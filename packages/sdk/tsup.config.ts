import { defineConfig } from 'tsup';

export default defineConfig({
  // One entry per separable job, so a page that needs one loads only that one (see src/index.ts).
  entry: Object.fromEntries(['index', 'reference', 'client', 'reader', 'territory', 'search', 'hours', 'calendar', 'contact', 'text'].map((name) => [name, `src/${name}.ts`])),
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  // tsup's declaration build still sets baseUrl, which TypeScript 6 deprecates.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
});
