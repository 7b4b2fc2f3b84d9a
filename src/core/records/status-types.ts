/**
 * The seven medication statuses of `../shared/STATUS.md`, the evidence that goes with one, the
 * shape of a trigger rule (./status-triggers.ts, ./status-allergy-rules.ts) and of a drug in its
 * sentence.
 */
import type { Entity } from '../types.ts';

export const MEDICATION_STATUSES = [
  'allergy',
  'negated',
  'stopped',
  'held',
  'planned',
  'given',
  'active',
] as const;
export type MedicationStatus = (typeof MEDICATION_STATUSES)[number];

export function isMedicationStatus(value: unknown): value is MedicationStatus {
  return (MEDICATION_STATUSES as readonly unknown[]).includes(value);
}

/** The evidence of a status: a span of the text (UTF-16 offsets, `end` exclusive). */
export interface StatusCue {
  start: number;
  end: number;
  text: string;
}

/** A status with the cue that gives it: a candidate the status step weighs (./status.ts). */
export interface CuedStatus {
  status: MedicationStatus;
  cue: StatusCue;
}

export interface DrugStatus {
  status: MedicationStatus;
  /** The trigger or heading that decided it; null for the default `active`. */
  cue: StatusCue | null;
}

export type Direction = 'forward' | 'backward' | 'both';

export interface TriggerRule {
  status: MedicationStatus;
  direction: Direction;
  /** A regular expression source, matched case-insensitively. */
  pattern: string;
  /** Forward scope in words (default: the whole clause). */
  maxWords?: number;
  /** Words that end this trigger's forward scope (`switched from X to Y`: `to`). */
  until?: string;
  /** A backward trigger that reaches over `but he` (`ordered Demerol, but he refused`). */
  crossesBut?: boolean;
  /**
   * A backward trigger that points back with a pronoun (`but discontinued this`, `did not tolerate
   * them`): it reaches over commas and `but` within the sentence (10 words); `it`/`this` only to
   * the nearest drug.
   */
  anaphor?: boolean;
  /** A backward trigger for the drugs right before it only (`penicillin and sulfa allergies`). */
  adjacent?: boolean;
  /** A backward trigger for the one drug right before it (`FK/MMF/steroid avoidance`: steroid). */
  single?: boolean;
  /** A backward trigger that tells the outcome of a whole list (`X, Y and Z without relief`). */
  list?: boolean;
  /**
   * A forward trigger whose scope ends at a comma, except in a list of drugs it opens
   * (`hyperkalemia due to renal failure, improving with Kayexalate`).
   */
  commaEnds?: boolean;
}

/** A drug in its sentence, as the cue that won is read again (./status-qualify.ts). */
export interface DrugSentence {
  text: string;
  /** The text with entities and headings masked (same length). */
  masked: string;
  drug: Entity;
  sentenceStart: number;
  sentenceEnd: number;
  /** Whether the drug has a course of its own (a recurring frequency or a duration after it). */
  course?: boolean;
}

/** A drug with no cue, in its sentence, with the other drugs and the sigs of the note. */
export interface UncuedDrug extends DrugSentence {
  /** DRUG entities of the note, sorted by start. */
  drugs: readonly Entity[];
  /** FREQUENCY and DURATION entities of the note, sorted by start. */
  sigs: readonly Entity[];
}
