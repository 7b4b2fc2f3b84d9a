import { css } from 'lit';

/** Review mode: corrected highlights, the review menu and the selection bar. */
export default css`
  :host([review]) {
    position: relative;
  }

  :host([review]) .entity {
    cursor: pointer;
  }

  /* A highlight added or relabelled by hand: a solid underline in the text colour. */
  .entity.edited {
    text-decoration: underline solid currentColor 2px;
    text-underline-offset: 0.3em;
  }

  .text:focus-visible {
    outline: 2px solid var(--med7-focus-color, Highlight);
    outline-offset: 4px;
  }

  .review-bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: center;
    min-height: 1.5em;
    margin: 0.5em 0;
    font-size: 0.875em;
  }

  .review-bar button,
  .review-menu button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid color-mix(in srgb, currentColor 35%, transparent);
    border-radius: 0.4em;
    cursor: pointer;
  }

  .review-menu {
    position: absolute;
    z-index: 1;
    display: flex;
    flex-direction: column;
    min-width: 11em;
    padding: 0.25em;
    font-size: 0.875em;
    color: CanvasText;
    background: Canvas;
    border: 1px solid var(--med7-border-color, color-mix(in srgb, currentColor 35%, transparent));
    border-radius: 0.5em;
    box-shadow: 0 0.25em 1em color-mix(in srgb, CanvasText 20%, transparent);
  }

  .review-menu button {
    display: flex;
    gap: 0.5em;
    align-items: center;
    padding: 0.2em 0.5em;
    text-align: start;
    border-color: transparent;
  }

  .review-menu button:focus-visible,
  .review-bar button:focus-visible {
    outline: 2px solid var(--med7-focus-color, Highlight);
    outline-offset: 1px;
  }

  .review-menu [aria-checked='true'] {
    font-weight: 700;
  }

  .review-menu .remove {
    margin-top: 0.25em;
    border-top-color: color-mix(in srgb, currentColor 35%, transparent);
  }

  .review-menu kbd {
    min-width: 1.5em;
    font: inherit;
    opacity: 0.8;
  }
`;
