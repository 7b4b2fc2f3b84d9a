/** A model folder that cannot be used: missing files, wrong kind of model, foreign labels, broken ONNX. */
export class Med7ModelError extends Error {
  override readonly name = 'Med7ModelError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
