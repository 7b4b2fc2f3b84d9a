import { css, unsafeCSS } from 'lit';
import { LABEL_COLORS, MED7_LABELS } from '../../core/labels.ts';

/** `[data-label='DRUG'] { --med7-color: var(--med7-drug, #3cb44b) }` …, from Med7's palette. */
const labelColors = unsafeCSS(
  MED7_LABELS.map(
    (label) =>
      `[data-label='${label}'] { --med7-color: var(--med7-${label.toLowerCase()}, ${LABEL_COLORS[label]}); }`,
  ).join('\n'),
);

export default css`
  :host {
    display: block;
    color-scheme: light dark;
    font-family: var(--med7-font-family, inherit);
    line-height: 1.5;
  }

  :host([hidden]) {
    display: none;
  }

  ${labelColors}

  .input {
    box-sizing: border-box;
    width: 100%;
    min-height: 8em;
    padding: 0.6em 0.75em;
    font: inherit;
    color: inherit;
    background: var(--med7-input-background, Field);
    border: 1px solid var(--med7-border-color, color-mix(in srgb, currentColor 35%, transparent));
    border-radius: 0.5em;
    resize: vertical;
  }

  .long-input {
    margin: 0;
    padding: 0.6em 0.75em;
    border: 1px dashed var(--med7-border-color, color-mix(in srgb, currentColor 35%, transparent));
    border-radius: 0.5em;
  }

  .progress {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: center;
    margin: 0.5em 0;
    font-size: 0.875em;
  }

  progress {
    flex: 1 1 12em;
    height: 0.6em;
    accent-color: var(--med7-progress-color, var(--med7-drug, #3cb44b));
  }

  .status {
    margin: 0.5em 0;
    font-size: 0.8125em;
    opacity: 0.85;
  }

  .error {
    margin: 0.5em 0;
    padding: 0.6em 0.75em;
    border-radius: 0.5em;
    color: var(--med7-error-color, #8a1020);
    background: var(--med7-error-background, #fde8ea);
    border: 1px solid currentColor;
  }

  @media (prefers-color-scheme: dark) {
    .error {
      color: var(--med7-error-color, #ffd7dc);
      background: var(--med7-error-background, #4a0d16);
    }
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin: 0.5em 0;
    padding: 0;
    list-style: none;
  }

  .legend button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.2em 0.6em;
    font: inherit;
    font-size: 0.75em;
    font-weight: 700;
    letter-spacing: 0.03em;
    color: inherit;
    background: transparent;
    border: 1px solid color-mix(in srgb, currentColor 35%, transparent);
    border-radius: 999px;
    cursor: pointer;
  }

  .legend button[aria-pressed='false'] {
    opacity: 0.6;
    text-decoration: line-through;
  }

  .legend button:focus-visible,
  .entity:focus-visible {
    outline: 2px solid var(--med7-focus-color, Highlight);
    outline-offset: 2px;
  }

  .swatch {
    width: 0.9em;
    height: 0.9em;
    border-radius: 0.25em;
    background: var(--med7-color);
  }

  .count {
    font-variant-numeric: tabular-nums;
    font-weight: 400;
  }

  /* displaCy's entity view: text keeps its spaces and newlines, and the line height leaves room
     for the labelled marks so neighbouring lines never collide. */
  .text {
    margin: 0.5em 0;
    line-height: 2.5;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    direction: ltr;
  }

  /* A block of whole lines of a long text: laid out and painted only near the viewport. */
  .chunk {
    display: block;
    content-visibility: auto;
    contain-intrinsic-size: auto 40em;
  }

  .text[aria-busy='true'] {
    opacity: 0.75;
  }

  .entity {
    padding: 0.25em 0.35em;
    margin: 0 0.1em;
    line-height: 1;
    color: var(--med7-mark-color, #000);
    background: var(--med7-color);
    border-radius: 0.35em;
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
  }

  /* The medication under the pointer or focus: its highlights outlined (no fading of the others,
     which would cost them their contrast). */
  .entity.linked {
    outline: 2px solid var(--med7-link-color, currentColor);
    outline-offset: 1px;
  }

  .medications {
    margin: 1em 0 0.5em;
  }

  .medications table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.875em;
  }

  .medications caption {
    margin-bottom: 0.3em;
    font-weight: 700;
    text-align: left;
  }

  .medications th,
  .medications td {
    padding: 0.3em 0.6em;
    text-align: left;
    vertical-align: top;
    border-bottom: 1px solid color-mix(in srgb, currentColor 20%, transparent);
  }

  .medications thead th {
    font-size: 0.85em;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }

  .medications tbody th {
    font-weight: 700;
  }

  .medications tr.active {
    background: color-mix(in srgb, var(--med7-drug, #3cb44b) 20%, transparent);
  }

  /* Drugs that are not taken now: distinct without touching the label colours' contrast. */
  .entity[data-status='stopped'],
  .entity[data-status='negated'] {
    text-decoration: line-through 2px;
  }
  .entity[data-status='allergy'] {
    outline: 3px solid var(--med7-allergy-color, #b00020);
    outline-offset: 1px;
  }
  .entity[data-status='held'] {
    outline: 2px dashed var(--med7-status-color, currentColor);
  }
  .entity[data-status='planned'] {
    outline: 2px dotted var(--med7-status-color, currentColor);
  }
  .entity[data-status='given'] {
    text-decoration: underline double;
  }

  .medications table + table {
    margin-top: 1em;
  }

  /* The Status cell's cue: shown on hover or keyboard focus. */
  .status-value {
    position: relative;
    text-decoration: underline dotted;
    cursor: help;
  }
  .status-value .cue {
    display: none;
    position: absolute;
    left: 0;
    top: 100%;
    z-index: 1;
    padding: 0.2em 0.5em;
    white-space: nowrap;
    color: #fff;
    background: #222;
    border-radius: 3px;
  }
  .status-value:hover .cue,
  .status-value:focus .cue {
    display: block;
  }

  /* A status a reviewer set: the menu of review mode, and its mark elsewhere. */
  .status[data-corrected] select {
    font-weight: 700;
  }
  .status .corrected {
    font-style: italic;
  }
  .status .review-cue {
    margin-left: 0.4em;
    font-size: 0.85em;
  }

  .medications .none {
    font-weight: 400;
    font-style: italic;
  }

  .exports {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin-top: 0.5em;
  }

  .exports button {
    padding: 0.25em 0.75em;
    font: inherit;
    font-size: 0.8125em;
    color: inherit;
    background: transparent;
    border: 1px solid color-mix(in srgb, currentColor 35%, transparent);
    border-radius: 0.4em;
    cursor: pointer;
  }

  .exports button:focus-visible {
    outline: 2px solid var(--med7-focus-color, Highlight);
    outline-offset: 2px;
  }

  .label {
    margin-left: 0.4em;
    font-size: 0.6em;
    font-weight: 700;
    line-height: 1;
    text-transform: uppercase;
    vertical-align: middle;
    white-space: nowrap;
    user-select: none;
  }
`;
