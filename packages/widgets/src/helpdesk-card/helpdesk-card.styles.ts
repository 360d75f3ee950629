import { css } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';

export const helpdeskCardStyles = [
  sharedStyles,
  css`
    .card {
      padding: var(--brusano-spacing);
      border: 1px solid var(--brusano-color-border);
      border-radius: var(--brusano-radius);
    }
    .lookup {
      display: grid;
      gap: 0.25rem;
      margin-bottom: var(--brusano-spacing);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .row input {
      flex: 1 1 10rem;
    }
    .helpdesk {
      background: var(--brusano-color-surface-alt);
      border-radius: var(--brusano-radius);
      padding: var(--brusano-spacing);
      margin: 0.5rem 0;
    }
    .helpdesk h3 {
      font-size: 1.15em;
    }
    .helpdesk p {
      margin: 0.25rem 0;
    }
    .plain {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .choices {
      border: 1px solid var(--brusano-color-border);
      border-radius: var(--brusano-radius);
      padding: 0.5rem var(--brusano-spacing) var(--brusano-spacing);
    }
    .choices legend {
      font-weight: 700;
    }
    .choices li {
      margin-top: 0.5rem;
    }
  `,
];
