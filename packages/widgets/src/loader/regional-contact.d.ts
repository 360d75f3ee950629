/**
 * The regional contact, from packages/sdk/reference/helpdesks.json (record `regional-contact`,
 * with its sources there), written into the loader by rollup.config.mjs: the loader shares no
 * module with the elements, so a page never loads a second copy of it.
 */
declare module 'brusano:regional-contact' {
  const contact: {
    name: Record<'fr' | 'nl' | 'en', string>;
    phone: string;
    /** The same number as a Brussels reader writes it (02 880 29 80). */
    phoneText: string;
    website: string;
  };
  export default contact;
}

/** Postal code → NIS code of its first commune, from packages/sdk/reference/communes.json, as the finder reads a `commune` attribute. */
declare module 'brusano:postal-codes' {
  const communeOfPostalCode: Record<string, string>;
  export default communeOfPostalCode;
}
