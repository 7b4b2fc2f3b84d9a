/** The seven Med7 entity labels, in the order the product lists them. */
export const MED7_LABELS = [
  'DRUG',
  'STRENGTH',
  'FORM',
  'ROUTE',
  'DOSAGE',
  'FREQUENCY',
  'DURATION',
] as const;

export type Med7Label = (typeof MED7_LABELS)[number];

/**
 * Med7's own displaCy palette (its README zips these seven colours with spaCy's alphabetical
 * label order), so highlights look like the reference.
 */
export const LABEL_COLORS: Readonly<Record<Med7Label, string>> = {
  DOSAGE: '#e6194B',
  DRUG: '#3cb44b',
  DURATION: '#ffe119',
  FORM: '#ffd8b1',
  FREQUENCY: '#f58231',
  ROUTE: '#f032e6',
  STRENGTH: '#42d4f4',
};

const labelSet: ReadonlySet<string> = new Set(MED7_LABELS);

export function isMed7Label(value: string): value is Med7Label {
  return labelSet.has(value);
}
