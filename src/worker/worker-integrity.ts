/**
 * Worker side of the integrity checks (docs/integrity.md): for one load, every model file is checked
 * as transformers.js reads it (its fetch and its cache both wrapped: the body streams through and
 * ends only once it matches), and onnxruntime-web's `.mjs` and `.wasm` are fetched and checked
 * before onnxruntime-web runs them (the `.mjs` before it is imported, run from a `blob:` of its
 * bytes when the page asks for it; the wasm hashed from a clone while onnxruntime-web compiles the
 * fetched response, which the browser's code cache can keep, and instantiated only once it
 * matched: src/model/wasm-gate.ts). The hashes come from the page (./integrity.ts); a model folder
 * other than the embedded one brings its own in `med7-manifest.json`.
 */
import { env } from '@huggingface/transformers';
import { errorMessage } from '../core/error-message.ts';
import { ortBuildFor, useCheckedOrtBuild } from '../model/ort-build.ts';
import { ORT_BUILDS } from '../model/ort-files.ts';
import {
  Med7IntegrityError,
  checkingCache,
  checkingFetch,
  fetchChecked,
  fetchForCheck,
  type Expectation,
} from '../model/verify-fetch.ts';
import type { BrowserDevice } from '../model/types.ts';
import type { LoadRequest } from './protocol.ts';

/** The file a model folder lists its files' hashes in: `{ "files": { "<path>": "sha384-…" } }`. */
export const MODEL_MANIFEST_FILE = 'med7-manifest.json';

export interface ArmedIntegrity {
  /** Fetches and checks onnxruntime-web's files for a load on `device`, before it starts. */
  prepareOrt(device: BrowserDevice): Promise<void>;
  /** The first mismatch of this load, if any: the error to report (transformers.js may wrap it). */
  readonly failure: Error | undefined;
  /** Puts transformers.js's fetch and cache back. */
  disarm(): void;
}

const NOTHING: ArmedIntegrity = {
  prepareOrt: () => Promise.resolve(),
  failure: undefined,
  disarm: () => undefined,
};

/** Arms the checks `request.integrity` asks for, for one load. */
export async function armIntegrity(request: LoadRequest): Promise<ArmedIntegrity> {
  const integrity = request.integrity;
  if (integrity === undefined) return NOTHING;
  const model = request.model;
  const hashes = new Map(Object.entries(integrity.files));
  if (integrity.modelManifest) {
    for (const [url, hash] of await readModelManifest(model, integrity.required)) {
      hashes.set(url, hash);
    }
  }
  const expect = (url: string): Expectation => {
    const hash = hashes.get(url);
    if (hash !== undefined) return { hash };
    if (integrity.required && url.startsWith(model)) {
      return {
        refuse: `${url} has no hash in the model's ${MODEL_MANIFEST_FILE}, and the page asks for integrity="required": it was not used`,
      };
    }
    return undefined;
  };

  let failure: Error | undefined;
  const onFailure = (error: unknown): void => {
    if (failure === undefined && error instanceof Error) failure = error;
  };
  const plainFetch = env.fetch;
  const useCustomCache = env.useCustomCache;
  const customCache = env.customCache;
  env.fetch = checkingFetch(plainFetch, expect, onFailure) as typeof env.fetch;
  if (env.useBrowserCache && !useCustomCache && typeof caches !== 'undefined') {
    try {
      env.customCache = checkingCache(await caches.open(env.cacheKey), expect);
      env.useCustomCache = true;
    } catch {
      // No Cache Storage here (an opaque origin): transformers.js then caches nothing either.
    }
  }

  let prepared: string | undefined;
  return {
    get failure() {
      return failure;
    },
    async prepareOrt(device) {
      const build = ortBuildFor(device);
      if (prepared === build) return;
      const [mjs, wasm] = ORT_BUILDS[build].map((file) => `${request.wasmPaths}${file}`) as [
        string,
        string,
      ];
      const mjsHash = hashes.get(mjs);
      const wasmHash = hashes.get(wasm);
      if (mjsHash === undefined || wasmHash === undefined) {
        if (!integrity.required) return;
        throw new Med7IntegrityError(`No hash for ${mjs} or ${wasm}: it was not used`);
      }
      try {
        const [mjsBytes, wasmFetched] = await Promise.all([
          fetchChecked(mjs, mjsHash),
          fetchForCheck(wasm, wasmHash),
        ]);
        wasmFetched.checked.catch((error: unknown) => {
          // A mismatch shows only once the wasm came down: a later load fetches it afresh.
          if (prepared === build) prepared = undefined;
          onFailure(error);
        });
        const mjsUrl = integrity.codeFromBytes
          ? URL.createObjectURL(new Blob([mjsBytes], { type: 'text/javascript' }))
          : mjs;
        useCheckedOrtBuild(build, mjsUrl, { url: wasm, integrity: wasmHash, ...wasmFetched });
        prepared = build;
      } catch (error) {
        onFailure(error);
        throw error;
      }
    },
    disarm() {
      env.fetch = plainFetch;
      env.useCustomCache = useCustomCache;
      env.customCache = customCache;
    },
  };
}

/**
 * The hashes of a model folder's own `med7-manifest.json`, by absolute URL. A folder without one
 * loads unchecked, unless the page asks for integrity: then it is refused.
 */
async function readModelManifest(model: string, required: boolean): Promise<Map<string, string>> {
  const url = `${model}${MODEL_MANIFEST_FILE}`;
  let response: Response | undefined;
  let why: string;
  try {
    response = await fetch(url, { credentials: 'same-origin', cache: 'no-cache' });
    why = `HTTP ${response.status}`;
  } catch (error) {
    why = errorMessage(error);
  }
  if (response?.ok !== true) {
    if (!required) return new Map();
    throw new Med7IntegrityError(
      `The model folder ${model} has no ${MODEL_MANIFEST_FILE} (${why}), and the page asks for integrity="required": it was not loaded`,
    );
  }
  // A manifest that is there but broken is never ignored.
  const files = ((await response.json().catch(() => undefined)) as { files?: unknown } | undefined)
    ?.files;
  const valid =
    typeof files === 'object' &&
    files !== null &&
    Object.values(files).every(
      (hash) => typeof hash === 'string' && /^sha(256|384|512)-/.test(hash),
    );
  if (!valid) {
    throw new Med7IntegrityError(
      `${url} is not a manifest: it needs a "files" object of "sha384-…" hashes; the model was not loaded`,
    );
  }
  return new Map(
    Object.entries(files as Record<string, string>).map(([path, hash]) => [
      new URL(path, model).href,
      hash,
    ]),
  );
}
