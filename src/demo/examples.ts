/** Example notes for the demo page. Invented text, no real patients. */
export interface ExampleNote {
  title: string;
  text: string;
}

export const EXAMPLES: readonly ExampleNote[] = [
  {
    title: 'Med7 README sentence',
    text: 'A patient was prescribed Magnesium hydroxide 400mg/5ml suspension PO of total 30ml bid for the next 5 days.',
  },
  {
    title: 'Discharge medications',
    text: [
      'DISCHARGE MEDICATIONS:',
      '1. Lasix 40 mg p.o. b.i.d. for 3 days.',
      '2. Metoprolol tartrate 25 mg tablets, take 1 tablet by mouth twice a day.',
      '3. Tylenol #3 1-2 tabs PO q.4 h. p.r.n. pain.',
      '4. Albuterol inhaler 2 puffs inhaled every 6 hours as needed.',
      '5. Augmentin XR 1 g PO q12h x 10 days.',
    ].join('\n'),
  },
  {
    title: 'Emergency note (prose)',
    text:
      'The patient was given 50 mg of Benadryl intramuscularly and 1 g Rocephin IV in the ' +
      'emergency department. She was started on insulin 10 units subcutaneously at bedtime and ' +
      'prednisone 20 mg daily for 2 weeks. Allergies: penicillin.',
  },
  {
    title: 'Paediatric sig',
    text:
      'Amoxicillin 250mg/5ml oral suspension: give 10 mL by mouth three times a day for one ' +
      'month.\tNystatin cream topically twice daily.',
  },
];
