/**
 * Starts the model worker from its script URL. A script on the page's own origin starts directly; one
 * on another origin (the element served from a CDN) starts through a same-origin `blob:` module that
 * imports it, since browsers only start workers from same-origin URLs. When the worker cannot start
 * (not found, refused by the Content-Security-Policy, a cross-origin script without CORS), the error
 * it reports says why, so the element can show it instead of waiting for ever.
 */
import { errorMessage } from '../core/error-message.ts';
import type { WorkerLike, WorkerReply, WorkerRequest } from './protocol.ts';

type Listener = (event: Event) => void;

/** A failure to start, reported as an `error` event whose `message` says why. */
class StartError extends Event {
  readonly startFailure = true;
  constructor(readonly message: string) {
    super('error');
  }
}

/** Whether an `error` event from a spawned worker says it never started (then `message` says why). */
export function isStartFailure(event: Event): event is Event & { message: string } {
  return event instanceof StartError;
}

/** Why the script at `url` did not start as a worker, found by asking the server once more. */
async function diagnose(url: string, viaBlob: boolean): Promise<string> {
  const intro = `The model worker could not be started from ${url}`;
  try {
    const response = await fetch(url, { method: 'HEAD', cache: 'no-store' });
    if (!response.ok) return `${intro}: the server answered HTTP ${response.status}`;
    const type = response.headers.get('content-type') ?? '';
    if (!/javascript|ecmascript/i.test(type)) {
      return `${intro}: the server sent ${type || 'no content type'}, not JavaScript`;
    }
    return viaBlob
      ? `${intro}: the browser refused it (a Content-Security-Policy whose worker-src lacks blob: or ${new URL(url).origin}, or a module that failed to load)`
      : `${intro}: the browser refused it (the page's Content-Security-Policy worker-src, or a module that failed to load)`;
  } catch {
    return `${intro}: it could not be fetched (the network, or a server on another origin that does not allow CORS)`;
  }
}

/**
 * Starts a module worker from `url` (absolute). Throws at once when the browser refuses to create it;
 * a failure while its script loads arrives as an `error` event with a readable `message`.
 */
export function spawnWorker(url: string, name = 'med7'): WorkerLike {
  const target = new URL(url);
  const viaBlob = target.origin !== globalThis.location.origin;
  let scriptUrl = target.href;
  if (viaBlob) {
    const source = `import ${JSON.stringify(target.href)};\n`;
    scriptUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  }
  return startWorker(target, scriptUrl, viaBlob, name);
}

/** An `error` event that says the worker never started, and why (see {@link isStartFailure}). */
export function startFailure(message: string): Event {
  return new StartError(message);
}

/**
 * Starts a module worker from `scriptUrl`: the script `target` itself, or a `blob:` URL (`viaBlob`)
 * that imports it or holds its checked bytes (./integrity.ts). The blob URL is revoked once used.
 */
export function startWorker(
  target: URL,
  scriptUrl: string,
  viaBlob: boolean,
  name = 'med7',
): WorkerLike {
  let worker: Worker;
  try {
    worker = new Worker(scriptUrl, { type: 'module', name });
  } catch (error) {
    if (viaBlob) URL.revokeObjectURL(scriptUrl);
    const reason = errorMessage(error);
    throw new Error(`The model worker could not be started from ${target.href}: ${reason}`);
  }
  return new StartingWorker(worker, target.href, viaBlob, scriptUrl);
}

/** A worker whose start-up failures are explained; once it has spoken, events pass through. */
class StartingWorker implements WorkerLike {
  readonly #worker: Worker;
  readonly #errorListeners: Listener[] = [];
  #started = false;
  #failed = false;
  readonly #stopWatching: () => void;

  constructor(worker: Worker, url: string, viaBlob: boolean, scriptUrl: string) {
    this.#worker = worker;
    const fail = (message: string): void => {
      if (this.#started || this.#failed) return;
      this.#failed = true;
      this.#stopWatching();
      for (const listener of this.#errorListeners) listener(new StartError(message));
    };
    // Chromium reports a worker blocked by the CSP as a violation only, with no error event.
    const onViolation = (event: SecurityPolicyViolationEvent): void => {
      if (!/^(worker|script|child)-src/.test(event.effectiveDirective)) return;
      if (event.blockedURI !== url && event.blockedURI !== 'blob' && event.blockedURI !== scriptUrl)
        return;
      fail(
        `The model worker could not be started from ${url}: the page's Content-Security-Policy ` +
          `blocks it (${event.effectiveDirective}; allow ${viaBlob ? `blob: and ${new URL(url).origin}` : "'self'"} there)`,
      );
    };
    const onError = (event: Event): void => {
      if (this.#started) return;
      event.stopImmediatePropagation();
      void diagnose(url, viaBlob).then(fail);
    };
    const onMessage = (): void => {
      this.#started = true;
      this.#stopWatching();
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    worker.addEventListener('error', onError);
    worker.addEventListener('message', onMessage);
    this.#stopWatching = () => {
      document.removeEventListener('securitypolicyviolation', onViolation);
      worker.removeEventListener('message', onMessage);
      if (viaBlob) URL.revokeObjectURL(scriptUrl);
    };
  }

  postMessage(message: WorkerRequest): void {
    this.#worker.postMessage(message);
  }

  terminate(): void {
    this.#stopWatching();
    this.#worker.terminate();
  }

  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: Listener): void;
  addEventListener(
    type: 'message' | 'error' | 'messageerror',
    listener: Listener | ((event: MessageEvent<WorkerReply>) => void),
  ): void {
    if (type === 'error') {
      const onError = listener as Listener;
      this.#errorListeners.push(onError);
      // After start-up, errors come straight from the worker.
      this.#worker.addEventListener('error', (event) => {
        if (this.#started) onError(event);
      });
      return;
    }
    this.#worker.addEventListener(type, listener as EventListener);
  }
}
