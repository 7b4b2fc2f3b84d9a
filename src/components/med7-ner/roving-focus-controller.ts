import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Med7Label } from '../../core/labels.ts';
import type { Entity } from '../../core/types.ts';
import { spanKey } from './medications.ts';

/**
 * Where the arrow keys, Home and End move the focus from highlight `at` of `count` (clamped), or
 * undefined for any other key, a modified key, or a target that is no highlight (`at` < 0).
 */
export function rovingStep(event: KeyboardEvent, at: number, count: number): number | undefined {
  if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const steps: Record<string, number> = {
    ArrowRight: at + 1,
    ArrowDown: at + 1,
    ArrowLeft: at - 1,
    ArrowUp: at - 1,
    Home: 0,
    End: count - 1,
  };
  const to = steps[event.key];
  return to === undefined ? undefined : Math.max(0, Math.min(count - 1, to));
}

interface ShownKeys {
  entities: readonly Entity[];
  hidden: ReadonlySet<Med7Label>;
  keys: string[];
  set: ReadonlySet<string>;
}

/**
 * A roving tab stop over the highlights: Tab reaches one highlight of the text (the last one
 * focused, else the first shown), and the arrow keys, Home and End move between the shown ones.
 * Highlights are named by `spanKey`; `moveTo` focuses one (its view draws it first if need be).
 */
export class RovingFocusController implements ReactiveController {
  #tabStop: string | undefined;
  #shown: ShownKeys = { entities: [], hidden: new Set(), keys: [], set: new Set() };
  readonly #host: ReactiveControllerHost;
  readonly #moveTo: (key: string) => void;

  constructor(host: ReactiveControllerHost, moveTo: (key: string) => void) {
    this.#host = host;
    this.#moveTo = moveTo;
    host.addController(this);
  }

  /** Nothing to set up: the tab stop lasts as long as the element. */
  hostConnected(): void {}

  /** The highlight that takes the tab stop among `entities` with the `hidden` labels left out. */
  tabStop(entities: readonly Entity[], hidden: ReadonlySet<Med7Label>): string | undefined {
    if (this.#tabStop === undefined) {
      // Nothing focused yet: the first shown, without the keys of all (a long text's render).
      const first = entities.find((entity) => !hidden.has(entity.label));
      return first && spanKey(first);
    }
    const shown = this.#shownKeys(entities, hidden);
    return shown.set.has(this.#tabStop) ? this.#tabStop : shown.keys[0];
  }

  /** A highlight got the focus: it keeps the tab stop. */
  focused(entity: Pick<Entity, 'start' | 'end'>): void {
    const key = spanKey(entity);
    if (key === this.#tabStop) return;
    this.#tabStop = key;
    this.#host.requestUpdate();
  }

  /** Arrow keys, Home and End on a highlight (`mark` with `data-start`/`data-end`). */
  handleKey(event: KeyboardEvent): void {
    const mark = event.target as HTMLElement;
    if (mark.localName !== 'mark') return;
    const keys = this.#shown.keys;
    const at = keys.indexOf(`${mark.dataset['start'] ?? ''}:${mark.dataset['end'] ?? ''}`);
    const to = rovingStep(event, at, keys.length);
    const key = to === undefined ? undefined : keys[to];
    if (key === undefined) return;
    event.preventDefault();
    this.#moveTo(key);
  }

  /** The keys of the shown entities in text order (memoised: a long text has thousands). */
  #shownKeys(entities: readonly Entity[], hidden: ReadonlySet<Med7Label>): ShownKeys {
    const memo = this.#shown;
    if (memo.entities === entities && memo.hidden === hidden) return memo;
    const keys = entities.filter((entity) => !hidden.has(entity.label)).map(spanKey);
    this.#shown = { entities, hidden, keys, set: new Set(keys) };
    return this.#shown;
  }
}
