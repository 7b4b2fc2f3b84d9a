/** Exit statuses of the `med7` command. */
export const EXIT_OK = 0;
/** The model or the run failed. */
export const EXIT_FAILURE = 1;
/** Bad input or bad usage: nothing was written. */
export const EXIT_BAD_INPUT = 2;

/** A problem with the command line or the input that the user must fix; exit status 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/**
 * The one line `med7` prints for a failure (exit status 1). onnxruntime's messages carry the C++
 * source position and signature of the check that failed ("…/model.cc:187
 * onnxruntime::Model::Model(…) ModelProto does not have a graph.") and end in a newline; a user
 * needs the reason, on one line.
 */
export function failureLine(message: string): string {
  return withoutSourcePositions(message).replace(/\s+/g, ' ').trim();
}

/** A C++ source position as onnxruntime writes it: "/onnxruntime_src/…/model.cc:187 ". */
const SOURCE_POSITION = /(?:\b[A-Za-z]:)?[^\s:]+\.(?:cc|cpp|cxx|c|h|hpp):\d+\s+/;

function withoutSourcePositions(message: string): string {
  let kept = '';
  let rest = message;
  for (let at = SOURCE_POSITION.exec(rest); at !== null; at = SOURCE_POSITION.exec(rest)) {
    kept += `${rest.slice(0, at.index)} `;
    rest = withoutSignature(rest.slice(at.index + at[0].length));
  }
  return kept + rest;
}

/** The start of a C++ function signature, up to its "(": "onnxruntime::Model::Model(". */
const SIGNATURE_HEAD = /^[\w:~<>,*& ]*::[\w~]+\(/;

/** `text` without the C++ signature it starts with, if any ("ns::f(int, char*) const"). */
function withoutSignature(text: string): string {
  const head = SIGNATURE_HEAD.exec(text);
  if (head === null) return text;
  let depth = 0;
  for (let i = head[0].length - 1; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(i + 1).replace(/^\s*const\b/, '');
  }
  return text;
}
