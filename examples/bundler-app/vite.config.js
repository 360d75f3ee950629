import { defineConfig } from 'vite';

// examples/site.mjs copies the build into the demo site under /app/, next to the sample feed at /feed/.
export default defineConfig({
  base: './',
  build: { target: 'es2022' },
});
