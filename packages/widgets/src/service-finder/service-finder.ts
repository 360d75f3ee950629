import { defineElement } from '../shared/define.js';
import { BrusanoServiceFinder } from './service-finder.component.js';

export * from './service-finder.component.js';

defineElement('brusano-service-finder', BrusanoServiceFinder);

declare global {
  interface HTMLElementTagNameMap {
    'brusano-service-finder': BrusanoServiceFinder;
  }
}
