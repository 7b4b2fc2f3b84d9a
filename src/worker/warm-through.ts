/**
 * After a load the worker goes on running the model on made-up sentences while no request waits
 * (`med7.worker.ts`), a few hundred model calls in all. The browser first runs onnxruntime-web's
 * WebAssembly as baseline code and optimises a function only once it has run often, so for the
 * first analyses after `med7-ready` every model call took two to three times as long as later
 * (docs/benchmarks.md, "Warm-through"); waiting idle does not help, running does. A request waits
 * at most for the one sentence in progress.
 */

/** Model calls of the warm-through: one sentence each. */
export const WARM_THROUGH_CALLS = 400;

/**
 * Sentences of the kinds and lengths (5 to 60 sub-tokens) that notes hold, so that the calls take
 * the code paths of real ones. `{n}` takes a number that differs from call to call: every sentence
 * is new to the sentence cache, which would otherwise answer it without the model.
 */
const TEMPLATES = [
  'Lasix {n} mg daily.',
  'Metoprolol {n} mg p.o. b.i.d. for {d} days.',
  'The patient was given {n} mL of normal saline and morphine 2 mg IV every {d} hours as needed for pain.',
  'Discharge medications: aspirin 81 mg daily, lisinopril {n} mg daily, atorvastatin 40 mg at bedtime, and metformin 500 mg twice a day with meals.',
  'She is allergic to penicillin and was started on azithromycin {n} mg on day 1 then 250 mg daily for {d} days.',
  'Blood pressure was {n}/80 and the heart rate {d}.',
  'Take 1 tablet by mouth every {d} hours as needed, not to exceed {n} tablets per day.',
  'He underwent an uneventful procedure under general anesthesia, with an estimated blood loss of {n} mL and no complications; he was transferred to the recovery room in stable condition after {d} minutes and will follow up in the clinic in two weeks with his primary care physician.',
] as const;

/** The `index`-th sentence of the warm-through (each index gives another text). */
export function warmThroughSentence(index: number): string {
  const template = TEMPLATES[index % TEMPLATES.length]!;
  const round = Math.floor(index / TEMPLATES.length);
  return template.replace('{n}', String(10 + round)).replace('{d}', String(2 + (round % 9)));
}
