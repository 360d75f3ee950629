/**
 * The regional contact, from packages/sdk/reference/helpdesks.json (record `regional-contact`,
 * with its sources there), written into the loader by rollup.config.mjs: the loader shares no
 * module with the elements, so a page never loads a second copy of it.
 */
declare module 'brusano:regional-contact' {
  const contact: { name: Record<'fr' | 'nl' | 'en', string>; phone: string; website: string };
  export default contact;
}
