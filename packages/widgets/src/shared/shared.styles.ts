import { css } from 'lit';

/**
 * What every widget shares: the public custom properties with their defaults, focus, hidden
 * text for screen readers, buttons, and respect for reduced motion. Colours meet WCAG AA
 * contrast on the default surface.
 */
export const sharedStyles = css`
  :host {
    --brusano-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --brusano-font-size: 1rem;
    --brusano-color-text: #1f2933;
    --brusano-color-muted: #4b5563;
    --brusano-color-surface: #ffffff;
    --brusano-color-surface-alt: #f3f5f7;
    --brusano-color-border: #c5ccd3;
    --brusano-color-accent: #0b5c8c;
    --brusano-color-accent-contrast: #ffffff;
    --brusano-color-focus: #b45309;
    --brusano-color-open: #17643a;
    --brusano-color-closed: #a11d1d;
    --brusano-color-warning-surface: #fff7e0;
    --brusano-radius: 0.5rem;
    --brusano-spacing: 1rem;

    display: block;
    box-sizing: border-box;
    font-family: var(--brusano-font-family);
    font-size: var(--brusano-font-size);
    line-height: 1.5;
    color: var(--brusano-color-text);
    background: var(--brusano-color-surface);
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  a {
    color: var(--brusano-color-accent);
    text-underline-offset: 0.15em;
  }
  :focus-visible,
  /* Tab moves between a date or time field's parts, where :focus-visible no longer holds. */
  input[type='date']:focus-within,
  input[type='time']:focus-within {
    outline: 3px solid var(--brusano-color-focus);
    outline-offset: 2px;
  }
  /* A button that reads as a link within a sentence ("did you mean…", "choose another area"). */
  button.link {
    all: unset;
    color: var(--brusano-color-accent);
    text-decoration: underline;
    cursor: pointer;
  }
  button.link:focus-visible {
    outline: 3px solid var(--brusano-color-focus);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button,
  .button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--brusano-radius);
    border: 2px solid var(--brusano-color-accent);
    background: var(--brusano-color-accent);
    color: var(--brusano-color-accent-contrast);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  button.secondary,
  .button.secondary {
    background: var(--brusano-color-surface);
    color: var(--brusano-color-accent);
  }
  input,
  select {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--brusano-color-muted);
    border-radius: var(--brusano-radius);
    background: var(--brusano-color-surface);
    color: var(--brusano-color-text);
    max-width: 100%;
  }
  label {
    font-weight: 600;
  }
  .notice {
    padding: 0.75rem var(--brusano-spacing);
    border-radius: var(--brusano-radius);
    background: var(--brusano-color-warning-surface);
    border-left: 4px solid var(--brusano-color-focus);
    margin: 0.5rem 0;
  }
  .badge {
    display: inline-block;
    font-size: 0.875em;
    font-weight: 600;
    padding: 0 0.5em;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .muted {
    color: var(--brusano-color-muted);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
  }
  .field select {
    width: 100%;
    min-width: 0;
  }
  .check {
    font-weight: 400;
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.75rem;
  }
  .check input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
  }
  .status {
    font-weight: 700;
  }
  .status--open {
    color: var(--brusano-color-open);
  }
  .status--closed {
    color: var(--brusano-color-closed);
  }
  /* In high contrast the colours are the system's: the state keeps its word and a frame. */
  @media (forced-colors: active) {
    .status {
      border: 1px solid CanvasText;
      padding: 0 0.25em;
    }
  }
  .contacts,
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0.5rem 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  dd ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  @container (max-width: 28rem) {
    .contacts,
    .facts {
      grid-template-columns: 1fr;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    button,
    .button {
      transition: background-color 0.15s ease, color 0.15s ease;
    }
  }
  @media print {
    :host {
      color: #000;
      background: #fff;
    }
    button,
    .button,
    input,
    select,
    .no-print {
      display: none !important;
    }
  }
`;
