/**
 * The Brussels reference data the SDK carries, so territory and helpdesk look-ups work offline:
 * the 5 bassins, the 19 communes (with Brussels-City's sub-areas), the quartiers, the helpdesks
 * and the 9 priority actions. The copy here omits sources; the JSON files in
 * `@brusano/sdk/reference/*.json` keep them.
 */
export { actions, bassins, communes, helpdesks, quartiers, regionalContact } from './generated/reference.js';
