import { Med7Ner } from './med7-ner.component.ts';

export * from './med7-ner.component.ts';
export type * from './med7-ner.events.ts';
export { getBasePath, setBasePath } from '../../worker/base-path.ts';
export type { Med7Device, Med7Dtype } from '../../model/types.ts';

if (!customElements.get('med7-ner')) customElements.define('med7-ner', Med7Ner);

declare global {
  interface HTMLElementTagNameMap {
    'med7-ner': Med7Ner;
  }
}
