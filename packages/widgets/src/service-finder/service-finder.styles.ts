import { css } from 'lit';
import { sharedStyles } from '../shared/shared.styles.js';

export const serviceFinderStyles = [
  sharedStyles,
  css`
    .finder {
      padding: var(--brusano-spacing);
    }
    .search {
      display: grid;
      gap: 0.25rem;
      margin-bottom: var(--brusano-spacing);
    }
    .search input {
      width: 100%;
      font-size: 1.125em;
    }
    .themes {
      display: grid;
      gap: 0.5rem;
      padding-inline-start: 1.25rem;
    }
    .readings {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.35rem 0.5rem;
      margin: 0 0 var(--brusano-spacing);
    }
    .chip {
      min-height: 2rem;
      padding: 0.15rem 0.6rem;
      border-radius: 999px;
    }
    .filters {
      border: 1px solid var(--brusano-color-border);
      border-radius: var(--brusano-radius);
      padding: 0.5rem var(--brusano-spacing) var(--brusano-spacing);
      margin: 0 0 var(--brusano-spacing);
    }
    .filters summary {
      font-weight: 700;
      cursor: pointer;
      min-height: 2.75rem;
      display: flex;
      align-items: center;
    }
    .filters[open] summary {
      margin-bottom: 0.5rem;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0.75rem;
    }
    /* A filter's one column as wide as the field, not an auto one: an auto column is sized from the
       widest content, for which Chromium measures every option of a select (600 themes: 70 ms of
       layout on a phone, again at each keystroke as the counts in the options change). */
    .fields .field {
      grid-template-columns: minmax(0, 1fr);
    }
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.25rem;
      margin: 0.75rem 0;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }
    .count {
      font-weight: 600;
      margin: 0;
    }
    .count {
      flex: 1 1 auto;
    }
    .near {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem 1rem;
      margin: 0.5rem 0;
    }
    .near p {
      flex: 1 1 100%;
      margin: 0;
    }
    .alert {
      margin: 0.5rem 0;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--brusano-color-focus);
      background: var(--brusano-color-surface);
    }
    .distance {
      margin: 0.25rem 0 0;
      font-weight: 600;
    }
    .results {
      list-style: none;
      padding: 0;
      margin: var(--brusano-spacing) 0;
      display: grid;
      /* A card never grows wider than the list, whatever a line inside it holds. */
      grid-template-columns: minmax(0, 1fr);
      gap: var(--brusano-spacing);
    }
    .card {
      border: 1px solid var(--brusano-color-border);
      border-radius: var(--brusano-radius);
      background: var(--brusano-color-surface-alt);
      padding: 0.6rem var(--brusano-spacing);
      break-inside: avoid;
    }
    .card__title {
      font-size: 1.1em;
      line-height: 1.25;
      margin: 0;
    }
    .card__toggle {
      all: unset;
      cursor: pointer;
      color: var(--brusano-color-accent);
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    .card__toggle:focus-visible {
      outline: 3px solid var(--brusano-color-focus);
      outline-offset: 2px;
    }
    .card__toggle::after {
      content: ' +';
    }
    .card__toggle[aria-expanded='true']::after {
      content: ' −';
    }
    .types,
    .today,
    .sample {
      margin: 0.25rem 0;
    }
    .week {
      border-collapse: collapse;
      margin: 0.5rem 0;
    }
    .week caption {
      text-align: start;
      font-weight: 600;
    }
    .week th,
    .week td {
      text-align: start;
      padding: 0.125rem 1rem 0.125rem 0;
    }
    .week th {
      font-weight: 400;
    }
    .verified,
    .report {
      font-size: 0.9em;
      margin: 0.25rem 0 0;
    }
    .empty {
      padding: var(--brusano-spacing);
      border: 1px dashed var(--brusano-color-border);
      border-radius: var(--brusano-radius);
    }
    .open-at {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      border: 1px solid var(--brusano-color-border);
      border-radius: var(--brusano-radius);
      margin: 0.75rem 0 0;
    }
    .card__quick {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.35rem;
      margin-top: 0.5rem;
      font-size: 0.95em;
    }
    .card__quick .button,
    .card__quick button {
      padding-inline: 0.5rem;
    }
    .card p.types,
    .card p.today {
      margin: 0.15rem 0;
    }
    /* Still a 32 px target (WCAG 2.2 asks 24), beside the card's buttons so a card keeps to a few lines. */
    .card .select {
      min-height: 2rem;
      gap: 0.3rem;
      margin-inline-start: auto;
    }
    .card p.today {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 0.75rem;
    }
    /* Hours given as words share one line with the place in the summary; the details have them whole. */
    .card p.today--text {
      flex-wrap: nowrap;
    }
    .card p.today--text > span:first-child {
      flex: 0 1 auto;
      min-width: 0;
    }
    .card p.today--text .where {
      flex: none;
    }
    .card p.today .hours-text {
      display: block;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .call {
      font-weight: 600;
    }
    /* On a phone the page around gives the margins: the finder takes the width, and a card's call,
       details and selection keep to one row. */
    @container (max-width: 30rem) {
      .finder {
        padding-inline: 0;
      }
      .card {
        padding-inline: 0.6rem;
      }
      .card__quick {
        font-size: 0.9em;
        gap: 0.3rem;
      }
    }
    .selection {
      border: 2px solid var(--brusano-color-accent);
      border-radius: var(--brusano-radius);
      padding: var(--brusano-spacing);
      margin: var(--brusano-spacing) 0;
    }
    .selection h3 {
      margin-top: 0;
    }
    .selection textarea,
    .selection input[readonly] {
      display: block;
      width: 100%;
      box-sizing: border-box;
      font: inherit;
      margin: 0.25rem 0 0.5rem;
    }
    .selection .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .handout {
      display: none;
    }
    @media print {
      .finder--handout > :not(.handout) {
        display: none !important;
      }
      .finder--handout .handout {
        display: block;
        color: #000;
        background: #fff;
      }
      .handout__note {
        border: 2px solid #000;
        padding: 0.5rem;
        font-weight: 600;
      }
      .handout__service {
        break-inside: avoid;
        border-top: 1px solid #000;
        padding: 0.5rem 0;
        overflow: hidden;
      }
      .handout__qr {
        float: right;
        margin: 0 0 0.5rem 1rem;
        text-align: center;
        font-size: 0.75rem;
      }
      .handout__source {
        border-top: 1px solid #000;
        padding-top: 0.5rem;
        font-size: 0.85rem;
      }
      .search,
      .filters,
      .more,
      .toolbar {
        display: none !important;
      }
      .details[hidden] {
        display: block !important;
      }
      .card {
        background: #fff;
        border-color: #999;
      }
      .card__toggle {
        color: #000;
        text-decoration: none;
      }
      .card__toggle::after {
        content: none;
      }
      a[href^='http']::after {
        content: ' (' attr(href) ')';
        font-size: 0.85em;
        overflow-wrap: anywhere;
      }
    }
  `,
];
