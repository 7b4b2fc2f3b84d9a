/**
 * The pure core as the npm package exports it (`med7-web/core`): from entities to medication
 * records and their JSON, CSV and FHIR R4 exports, and the scorer. No DOM, worker or model.
 */
export { MED7_LABELS, LABEL_COLORS, isMed7Label, type Med7Label } from './labels.ts';
export type { Entity, EntityTuple } from './types.ts';
export {
  ATTRIBUTE_FIELDS,
  ATTRIBUTE_LABELS,
  groupMedications,
  recordEntities,
  recordExtent,
  type AttributeField,
  type AttributeLabel,
  type MedicationRecord,
} from './records/group.ts';
export {
  MEDICATION_STATUSES,
  drugStatuses,
  isMedicationStatus,
  statusOf,
  type DrugStatus,
  type MedicationStatus,
  type StatusCue,
} from './records/status.ts';
export * from './export/index.ts';
export {
  evaluate,
  scores,
  type EvalReport,
  type LabelReport,
  type Scores,
} from './eval/metrics.ts';
