// Writes custom-elements.json (attributes, events, parts, custom properties) from the JSDoc
// header of each element class.
export default {
  globs: ['src/**/*.component.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
};
