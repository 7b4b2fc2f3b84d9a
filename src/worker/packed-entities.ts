/**
 * Entities as they cross from the worker to the page: four typed arrays, transferred rather than
 * cloned. A 1 MB note has about 43,000 entities; posted as objects, their structured clone ran on
 * the page's main thread as one task of hundreds of milliseconds. The page rebuilds each entity's
 * `text` from the text it sent, so no string crosses either.
 */
import { MED7_LABELS } from '../core/labels.ts';
import type { Entity } from '../core/types.ts';

export interface PackedEntities {
  starts: Uint32Array;
  ends: Uint32Array;
  /** Index into MED7_LABELS. */
  labels: Uint8Array;
  scores: Float64Array;
}

const LABEL_INDEX = new Map(MED7_LABELS.map((label, index) => [label, index]));

export function packEntities(entities: readonly Entity[]): PackedEntities {
  const n = entities.length;
  const packed: PackedEntities = {
    starts: new Uint32Array(n),
    ends: new Uint32Array(n),
    labels: new Uint8Array(n),
    scores: new Float64Array(n),
  };
  entities.forEach((entity, i) => {
    const label = LABEL_INDEX.get(entity.label);
    if (label === undefined) throw new Error(`Not a Med7 label: ${entity.label}`);
    packed.starts[i] = entity.start;
    packed.ends[i] = entity.end;
    packed.labels[i] = label;
    packed.scores[i] = entity.score;
  });
  return packed;
}

/** The buffers to list in `postMessage`'s transfer list. */
export function packedBuffers(packed: PackedEntities): ArrayBuffer[] {
  return [packed.starts, packed.ends, packed.labels, packed.scores].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/** The entities again, against the text the worker analysed; a packet that does not fit it throws. */
export function unpackEntities(text: string, packed: PackedEntities): Entity[] {
  const { starts, ends, labels, scores } = packed;
  const n = starts.length;
  if (ends.length !== n || labels.length !== n || scores.length !== n) {
    throw new Error('The worker sent entity arrays of different lengths');
  }
  const entities: Entity[] = new Array<Entity>(n);
  for (let i = 0; i < n; i++) {
    const start = starts[i]!;
    const end = ends[i]!;
    const label = MED7_LABELS[labels[i]!];
    if (label === undefined || start >= end || end > text.length) {
      throw new Error(`The worker sent an entity that does not fit the text: [${start}, ${end})`);
    }
    entities[i] = { start, end, label, text: text.slice(start, end), score: scores[i]! };
  }
  return entities;
}
