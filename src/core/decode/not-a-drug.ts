/**
 * Words the model has taken for a DRUG that never name one (`the option of surgery`, `okay to
 * shower`, `informed in writing`, `Monday through Friday`), and the English word endings no
 * medication name has (-ly, -ing, -ment, -ness, -ship, -ful, on a word in lower case). A DRUG that
 * is one such word alone is dropped; one that is a frequency abbreviation (`10 mg OD`) is a
 * FREQUENCY. The words are the model's stray DRUGs on the MTSamples notes, on pasted record
 * exports (`Active`, `Status` in a table) and British lists (`TTO:`); none of the 8,910 DRUGs of
 * the gold and annotated files is one (docs/history/decoding.md).
 * Mirrored in training/med7_train/decode.py (a test keeps the word lists equal).
 */

/** The words, in lower case. */
export const NOT_A_DRUG_WORDS: ReadonlySet<string> = new Set(
  [
    'abrasion accelerate achieving aggressive align ambivalent amenable analyzed arrange array',
    'averaging balcony banana bananas bargaining basically bathroom board cardiomegaly carrots',
    'chair characterization claimed clumsiness coalmine completing contacts corners corporation',
    'counseling crab creation crutches dairy deceased definition deployment deteriorated disruption',
    'dizzier do dosing doubt doubts dynamic earlobe emotion escort ever everything exercising finances',
    'fishbone fishing flatten flexed floppy flows fragile friday fridays front frosting furthermore',
    'german germany gluteal happened harnesses hearing hurricane imbalance increases indiana',
    'indigestion individuals institute insult italian kilo kindergarten kink knees label lethargy',
    'libido loneliness lots malaise medicare milestones miscarriages missing mobster momentary monday',
    'mondays monitor much neglected occasion once option options oven palpitation palpitations',
    'paperwork part patrol penetrate phonophobia prison professor prostitutes remember remembers',
    'sales salesperson sauce scale shallow shower shuffle sprinklers staircase struggle supreme',
    'surprise teenager texas thirst thirty ultimate unsafe urged victim whirlpool whose worth writing',
    // The column headers and status words of pasted record exports.
    'active authorizing claims confirmed discontinued inactive instructions nka nkda portal reason',
    'recorded refills result reviewed status taking',
    // Words of British, Australian and Indian notes: `TTO:` (to take out), `ceased`, `Nil known
    // allergies`, `Adv:` (advice).
    'adv cease ceased dexa nil tto',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Frequency abbreviations the model has taken for a DRUG in British and Latin sigs (`10 mg OD`,
 * `5 mg BD`, `1 g QDS`): such a DRUG alone is a FREQUENCY. None of the gold DRUGs is one.
 */
export const FREQUENCY_WORDS: ReadonlySet<string> = new Set(
  ['od bd bid tds tid qds qid qd qhs qam qpm nocte mane prn'].join(' ').split(' '),
);

/** Weekdays and their abbreviations, alone or in a run (`Mon/Wed/Fri`): never a drug. */
const WEEKDAYS = /^(?:(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day)?s?(?:[/,&-]|\s+|$))+$/i;

const NOT_A_NAME_ENDING = /(?:ly|ing|ment|ness|ship|ful)$/;

/** Whether `word` (one pre-token) is a frequency abbreviation (`OD`, `BD`, `nocte`). */
export function isFrequencyWord(word: string): boolean {
  return FREQUENCY_WORDS.has(word.toLowerCase());
}

/** Whether a DRUG's text names days of the week only (`Mon/Wed/Fri`). */
export function isWeekdays(text: string): boolean {
  return WEEKDAYS.test(text);
}

/** Whether `word` (one pre-token) is never a medication's name. */
export function isNotADrug(word: string): boolean {
  if (!/^[A-Za-z]+$/.test(word)) return false;
  const lower = word.toLowerCase();
  if (NOT_A_DRUG_WORDS.has(lower)) return true;
  return word === lower && word.length > 5 && NOT_A_NAME_ENDING.test(word);
}
