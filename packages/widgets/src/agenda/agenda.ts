import { defineElement } from '../shared/define.js';
import { BrusanoAgenda } from './agenda.component.js';

export * from './agenda.component.js';

defineElement('brusano-agenda', BrusanoAgenda);

declare global {
  interface HTMLElementTagNameMap {
    'brusano-agenda': BrusanoAgenda;
  }
}
