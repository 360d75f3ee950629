/**
 * Registers a custom element unless the name is already taken, so two copies of the widgets
 * on one page (say a CMS plugin and a hand-pasted snippet) do not throw.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
