/** Review of a text's entities: pure edits, snapping, undo/redo, status corrections and the annotation record. */
export * from './annotation.ts';
export * from './edits.ts';
export * from './history.ts';
export * from './snap.ts';
export * from './statuses.ts';
