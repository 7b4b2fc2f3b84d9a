/**
 * Browser: the tokenizer of a model folder on another origin (a CDN serving the element's files).
 * transformers.js 4.3 checks that tokenizer_config.json exists only under a `localModelPath` that is
 * a path, never a full URL, and then loads no tokenizer at all; so for a folder on another origin its
 * two files are fetched here and the tokenizer built from them as `AutoTokenizer` would.
 */
import * as transformers from '@huggingface/transformers';
import { errorMessage } from '../core/error-message.ts';
import { Med7ModelError } from './errors.ts';

type TokenizerClass = new (json: unknown, config: unknown) => transformers.PreTrainedTokenizer;

async function fetchJson(url: string): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    // transformers.js's fetch: what the worker's integrity checks wrap (src/worker/worker-integrity.ts)
    response = (await transformers.env.fetch(url, { credentials: 'same-origin' })) as Response;
  } catch (error) {
    const reason = errorMessage(error);
    throw new Med7ModelError(
      `Could not fetch ${url} (the network, or a server on another origin that does not allow CORS): ${reason}`,
    );
  }
  if (!response.ok)
    throw new Med7ModelError(`Model file missing: ${url} (HTTP ${response.status})`);
  const text = await response.text();
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch (error) {
    const reason = errorMessage(error);
    throw new Med7ModelError(`${url} is not valid JSON: ${reason}`);
  }
}

/** The tokenizer of the model folder at `folderUrl` (absolute, ending in `/`). */
export async function fetchTokenizer(folderUrl: string): Promise<transformers.PreTrainedTokenizer> {
  const [json, config] = await Promise.all([
    fetchJson(`${folderUrl}tokenizer.json`),
    fetchJson(`${folderUrl}tokenizer_config.json`),
  ]);
  const name =
    typeof config['tokenizer_class'] === 'string'
      ? config['tokenizer_class'].replace(/Fast$/, '')
      : 'PreTrainedTokenizer';
  const exported = (transformers as unknown as Record<string, unknown>)[name];
  const isTokenizerClass =
    typeof exported === 'function' &&
    (exported === transformers.PreTrainedTokenizer ||
      exported.prototype instanceof transformers.PreTrainedTokenizer);
  const Tokenizer = (
    isTokenizerClass ? exported : transformers.PreTrainedTokenizer
  ) as TokenizerClass;
  return new Tokenizer(json, config);
}
