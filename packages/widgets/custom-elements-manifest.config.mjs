// Writes custom-elements.json (attributes, events, parts, custom properties) from the JSDoc
// header of each element class.
export default {
  globs: ['src/**/*.component.ts', 'src/shared/brusano-element.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // Internal reactive state (private fields) is not part of the public API.
      name: 'brusano-hide-internal-state',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            const hidden = new Set((declaration.members ?? []).filter((member) => member.privacy === 'private' || member.privacy === 'protected').map((member) => member.name));
            declaration.members = (declaration.members ?? []).filter((member) => !hidden.has(member.name));
            declaration.attributes = (declaration.attributes ?? []).filter((attribute) => !hidden.has(attribute.fieldName ?? attribute.name));
          }
        }
      },
    },
  ],
};
