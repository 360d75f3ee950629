import { defineElement } from '../shared/define.js';
import { BrusanoHelpdeskCard } from './helpdesk-card.component.js';

export * from './helpdesk-card.component.js';

defineElement('brusano-helpdesk-card', BrusanoHelpdeskCard);

declare global {
  interface HTMLElementTagNameMap {
    'brusano-helpdesk-card': BrusanoHelpdeskCard;
  }
}
