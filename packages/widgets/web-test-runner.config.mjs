// Component tests in real Chromium (Debian's package), served from the repository root so the
// sample feed under /examples/feed is a real local feed over HTTP.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { geolocationPlugin } from './test-support/geolocation-plugin.mjs';
import { printPlugin } from './test-support/print-plugin.mjs';
import { summaryReporter } from './test-support/summary-reporter.mjs';
import { testFeeds } from './test-support/test-feeds.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default {
  rootDir: root,
  files: ['src/**/*.test.ts'],
  nodeResolve: true,
  middleware: [testFeeds],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('tsconfig.json', import.meta.url)) }), geolocationPlugin(), printPlugin()],
  concurrency: 1,
  reporters: [defaultReporter(), summaryReporter()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 15000 } },
  testsFinishTimeout: 5 * 60 * 1000,
};
