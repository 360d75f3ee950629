import { css } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';

export const agendaStyles = [
  sharedStyles,
  css`
    .agenda {
      padding: var(--brusano-spacing);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.75rem 1.25rem;
      margin-bottom: var(--brusano-spacing);
    }
    .views {
      display: inline-flex;
      gap: 0.25rem;
    }
    .views [aria-pressed='true'] {
      background: var(--brusano-color-accent);
      color: var(--brusano-color-accent-contrast);
    }
    .count {
      font-weight: 600;
    }
    .month {
      font-size: 1.1em;
      margin-top: var(--brusano-spacing);
      text-transform: capitalize;
    }
    .events {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.75rem;
    }
    .event {
      border: 1px solid var(--brusano-color-border);
      border-left: 4px solid var(--brusano-color-accent);
      border-radius: var(--brusano-radius);
      padding: 0.75rem var(--brusano-spacing);
      background: var(--brusano-color-surface-alt);
      break-inside: avoid;
    }
    .event p {
      margin: 0.15rem 0;
    }
    .when {
      font-weight: 600;
    }
    .event__title {
      font-size: 1.1em;
      margin: 0.25rem 0;
    }
    .event--cancelled {
      border-left-color: var(--brusano-color-closed);
    }
    .event--cancelled .title-text {
      text-decoration: line-through;
    }
    .event--postponed {
      border-left-color: var(--brusano-color-focus);
    }
    .state {
      color: var(--brusano-color-closed);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      margin-top: 0.35rem !important;
    }
    /* On a phone the page around gives the margins, and an event's buttons keep to as few rows as they can. */
    @container (max-width: 30rem) {
      .agenda {
        padding-inline: 0;
      }
      .event {
        padding-inline: 0.6rem;
      }
      .actions {
        font-size: 0.9em;
      }
      .actions .button,
      .actions button {
        padding-inline: 0.5rem;
      }
    }
    @media print {
      .details[hidden] {
        display: block !important;
      }
    }
    .month-nav {
      display: flex;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
    }
    .calendar {
      width: 100%;
      border-collapse: collapse;
      table-layout: fixed;
    }
    .calendar caption {
      font-weight: 700;
      text-align: start;
      padding-bottom: 0.5rem;
      text-transform: capitalize;
    }
    .calendar th,
    .calendar td {
      border: 1px solid var(--brusano-color-border);
      vertical-align: top;
      padding: 0.25rem;
    }
    .calendar abbr {
      text-decoration: none;
    }
    .calendar td {
      height: 5rem;
    }
    .calendar .outside {
      background: var(--brusano-color-surface-alt);
    }
    .day {
      display: block;
      font-weight: 600;
    }
    .in-cell {
      all: unset;
      display: block;
      font-size: 0.85em;
      color: var(--brusano-color-accent);
      text-decoration: underline;
      cursor: pointer;
      overflow-wrap: anywhere;
      margin-top: 0.25rem;
    }
    .in-cell:focus-visible {
      outline: 3px solid var(--brusano-color-focus);
    }
    @container (max-width: 32rem) {
      .calendar td {
        height: auto;
      }
      .in-cell {
        font-size: 0.75em;
      }
    }
  `,
];
