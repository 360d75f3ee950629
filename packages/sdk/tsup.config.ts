import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', reference: 'src/reference.ts' },
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
