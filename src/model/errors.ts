/** A model folder that cannot be used: missing files, wrong kind of model, foreign labels, broken ONNX. */
export class Med7ModelError extends Error {
  override readonly name = 'Med7ModelError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A file the model folder lacks (our own check in Node, or a not-found error of transformers.js). */
export class MissingFileError extends Med7ModelError {}
