import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The host's own text content (trimmed), kept current by a `MutationObserver` in the manner of
 * `@lit-labs/observers`' MutationController: the element analyses it when `text` is unset.
 */
export class LightTextController implements ReactiveController {
  text = '';

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #observer: MutationObserver;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#observer = new MutationObserver(() => this.#read());
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer.observe(this.#host, { childList: true, characterData: true, subtree: true });
    this.#read();
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  #read(): void {
    const text = (this.#host.textContent ?? '').trim();
    if (text === this.text) return;
    this.text = text;
    this.#host.requestUpdate();
  }
}
