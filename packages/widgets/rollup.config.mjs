// The CDN bundles: one self-contained ES module that registers the three elements, and one per
// element, built from the unbundled ESM that tsc writes to dist/.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const ENTRIES = {
  'brusano-widgets': 'dist/index.js',
  'brusano-service-finder': 'dist/service-finder/service-finder.js',
  'brusano-agenda': 'dist/agenda/agenda.js',
  'brusano-helpdesk-card': 'dist/helpdesk-card/helpdesk-card.js',
};

export default Object.entries(ENTRIES).map(([name, input]) => ({
  input,
  output: { file: `dist/cdn/${name}.js`, format: 'es', sourcemap: true },
  plugins: [nodeResolve({ browser: true }), terser({ format: { comments: false }, module: true })],
  onwarn(warning, warn) {
    if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
  },
}));
