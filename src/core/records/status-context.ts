/**
 * The structure around a drug that bounds a cue's reach: sentence ends, clause and list breaks,
 * scope terminators (`but`, `however`, a new subordinate clause), and section headings with the
 * status their list takes (`ALLERGIES:`, `MEDICATIONS:`, `ANESTHESIA:`).
 */
import type { Entity } from '../types.ts';
import type { MedicationStatus, StatusCue } from './status-types.ts';
import { W, lowerBound } from './status-triggers.ts';
import { MATCHES_PER_STEP, scan } from './steps.ts';
import { allergyListEnd, nextSentenceEnd } from './status-allergy-list.ts';
import { lineHeadings, sectionLines } from './status-lines.ts';
import { statusOfWord } from './status-words.ts';
import { LEADING_FORM } from './status-vocabulary.ts';

/** Words that end a trigger's scope (`allergic to penicillin, so azithromycin was prescribed`). */
const TERMINATOR = new RegExp(
  W(
    'but|however|although|though|except|besides|which|whereas|yet|apart from|aside from|other than|instead|now|because|since|due to|if|unless|(?:as|while|when) (?:he|she|they|we|I|it|the patient|his|her)|as (?:already |currently |now )?(?:on|taking)|so(?<=, so)(?! (?:far|much|many|that|as|long)\\b)',
  ),
  'i',
);
/** Clause and list breaks: `;`, a line break, a numbered item, a label (`Immunomeds:`). */
const CLAUSE_BREAK = /;|\n|(?:^|[\s,])\(?\d{1,2}[.)](?=\s|[A-Za-z])|\b[A-Z][A-Za-z]{2,24}:(?=\s)/;
/**
 * A sentence end: `.!?` then a comma, or spaces before a capital, digit or bracket, or before a
 * comma and a capital (MTSamples writes a line break as `, `: `No restriction. ,Medications:`);
 * not a title's dot, a dose form's before its drug (`Tab. Metformin`, `Inj. Ceftriaxone`), nor a route's
 * before the drug it leads to (`transition to p.o. Augmentin`).
 */
const SENTENCE_END = new RegExp(
  String.raw`(?<!\b(?:Dr|Drs|Mr|Mrs|Ms|St|vs|${LEADING_FORM}|(?:to|of|on|with|and|or|the) (?:p\.o|i\.v)))[.!?]["')\]]?(?:,(?!\s*[a-z])|\s+(?=[A-Z0-9(["']|,\s*[A-Z]))`,
  'g',
);

/**
 * Headings: a run of capitals ending in `:` at the start of the text, a line or a sentence, a
 * medication or allergy heading in ordinary case (`Allergies:`, `Discharge medications:`), or one
 * alone on its line with no colon (`Allergies⏎Penicillin`).
 */
const HEADING =
  /(?:^|\n|[.!?:,)]\s*)(?:([A-Z][A-Z &/-]{2,60}):|(ALLERG[A-Z]*|(?:CURRENT |HOME |DISCHARGE |PRESENT )?MEDICATIONS|MEDICATIONS? (?:AT THE TIME OF (?:THE )?STUDY|DURING (?:THE )?PROCEDURE)|ANESTHESIA|IV FLUIDS|CONTRAST),|((?:Current |Home |Discharge |Admission |Outpatient |Past |Previous |Prior |Discontinued |Stopped |Held |New |Inpatient |Scheduled |PRN )?(?:[Mm]edications|[Mm]eds)(?: on (?:admission|discharge)| (?:[Dd]iscontinued|[Ss]topped|[Hh]eld|[Oo]n [Hh]old|[Tt]o (?:[Hh]old|[Ss]top|[Aa]void|[Ss]tart))(?: on (?:admission|arrival|discharge))?| given(?: in the (?:ED|ER|emergency (?:room|department)|clinic|office))?)?|(?:Drug |Medication )?[Aa]llerg(?:y|ies)(?: (?:list|history))?(?: (?:reviewed|updated|verified|confirmed)(?: and (?:reviewed|updated|verified|confirmed))?)?(?: ?(?:\/|and|&) ?(?:[Aa]dverse (?:[Dd]rug )?[Rr]eactions|ADRs?|(?:[Dd]rug )?[Ii]ntolerances|[Ss]ensitivities))?|Adverse (?:drug )?reactions|ADRs?|(?:Drug )?[Ii]ntolerances|(?:IV )?[Ff]luids(?: given)?|Pre-?medications?|Premeds|(?:Discontinue|DISCONTINUE|Stop|STOP)(?: (?:taking|TAKING|using|USING))?|Hold|HOLD|(?:Removed|REMOVED) (?:from|FROM) (?:the |THE )?(?:(?:med(?:ication)?|MED(?:ICATION)?) )?(?:list|LIST)):|(?<=^|\n)[ \t]*((?:Drug |Medication )?[Aa]llerg(?:y|ies)|ALLERG[A-Z]*|(?:Current |Home |Discharge |Admission )?[Mm]edications|(?:CURRENT |HOME |DISCHARGE |ADMISSION )?MEDICATIONS)[ \t]*(?=\r?\n))/g;
const HEADING_STATUS: readonly [RegExp, MedicationStatus][] = [
  [/ALLERG|ADVERSE|\bADRS?\b|INTOLERANCE|SENSITIVIT/, 'allergy'],
  [
    /\b(?:TO AVOID|DO NOT (?:TAKE|USE|GIVE)|CONTRAINDICATED|NOT[ -](?:CURRENTLY )?TAKING)\b/,
    'negated',
  ],
  [
    /(?:PAST|PREVIOUS|PRIOR|INACTIVE|EXPIRED) (?:MEDICATIONS?|MEDS)|DISCONTINUED|STOPPED|CEASED|\bTO STOP\b|^REMOVED FROM\b|NO LONGER (?:TAKING|USING)/,
    'stopped',
  ],
  [/^(?:DISCONTINUE|STOP)(?: (?:TAKING|USING))?(?: THESE MEDICATIONS)?$/, 'stopped'],
  [/\b(?:HELD|ON HOLD|TO HOLD)\b/, 'held'],
  [/RECOMMEND|\bTO START\b|\bDUE\b(?! TO\b)/, 'planned'],
  // Vaccines had before (`Immunization History`), unless the heading says they were given now.
  [/^(?!.*(?:GIVEN|ADMINISTERED|TODAY)).*(?:IMMUNIZATION|VACCIN)/, 'stopped'],
  [
    /^(?!INDICATION).*(?:ANESTHESIA|ANESTHETIC|CONTRAST|PROCEDURE|OPERATION|EPIDUROGRAM|FLUID(?!S? RESTRICT)|INJECTATE|PREMEDICATION|PRE-?(?:OPERATIVE|PROCEDURE) MEDICATION|^(?:SKIN )?PREP(?:ARATION)?$|^SEDATION$|TYPE OF TEST|STRESS TEST|INJECTABLES|MEDICATIONS GIVEN|MEDS GIVEN|(?:MEDICATIONS?|MEDS|VACCINES?|IMMUNIZATIONS?) ADMINISTERED|(?:MEDICINES|MEDICATIONS|VACCINES|SHOTS) (?:YOU WERE |THAT WERE )?(?:GIVEN|RECEIVED)|GIVEN$|AT THE TIME OF (?:THE )?STUDY|DURING (?:THE )?PROCEDURE)/,
    'given',
  ],
  // Not a history of medications (`Psychiatric Medication History`: trials past and present).
  [/^(?!.*HISTORY).*(?:MEDICATION|MEDICINE|MEDS|PRESCRIPTION|DISCHARGE)/, 'active'],
];
/** A heading that is an instruction about the drugs after it, in ordinary case or capitals. */
const INSTRUCTION = /^(?:discontinue|stop|hold)\b/i;

/**
 * Sentences that weigh a future treatment (consent, risks): drugs in them with no trigger are
 * `planned`. A patient's own risk (`to reduce her risk of strokes`) is no consent.
 */
export const CONSENT_CONTEXT =
  /\b(?:(?<!\b(?:reduce[ds]?|reducing|lower(?:s|ed)?|increase[ds]?|high(?:er)?|low|his|her|their|at) )risks? (?:and benefits|of|included|reviewed|were reviewed|discussed)|potential (?:side effects|complications|risks)|informed consent(?! (?:was|were|has been|had been|having been) (?:obtained|reviewed|signed|given)))\b/i;
/** Sentences about a procedure: drugs in them with no trigger are `given`. */
export const PROCEDURE_CONTEXT =
  /\b(?:infiltrat\w*|inject\w*|irrigat\w*|instill\w*|soaked|prepped|drap(?:ed|es)|speculum|cleansed|dressed|anesthetiz\w*|incision|intubat\w*|extubat\w*|induct\w*|(?<!(?<!stress)-|\b(?:drug|medication) )induced|anesthesia|anesthetic|local(?! reactions?\b)|block|sedation|intraop\w*|preop\w*|postop\w*|operating room|recovery room|PACU|dressing|the wound|bolus|fluoroscop\w*|bronchoscope|lavage|trocar|procedure|needle|catheter|flush\w*|cannula|stress test|emergency (?:room|department)|in the (?:ER|ED)|in casualty)\b/i;
/** Right after a drug and its masked sig: the effect of a dose seen (`Narcan 0.4 mg IV with good response`). */
export const EFFECT_SEEN =
  /^\s*(?:(?:x ?\d+|once|given|SL|sublingual(?:ly)?|IV|IM|PO|nebulized|in the field|in (?:the )?(?:ED|ER))\s*){0,3}with (?:a )?(?:(?:good|some|partial|minimal|little|significant|excellent|mild|moderate|prompt|no) )?(?:relief|response|improvement|effect|resolution)\b/i;
/** A sentence about a procedure to come (`Plan induction with Pitocin tomorrow morning`). */
export const PROCEDURE_AHEAD =
  /(?<=^\s*)plan\b|\b(?:tomorrow|next (?:week|month|visit)|scheduled for|will (?:undergo|have|need))\b/i;
/** Contrast agents are given for the study the note describes, unless the text says otherwise. */
export const CONTRAST_AGENT =
  /\b(?:contrast|dye|gadolinium|omnipaque|visipaque|isovue|ultravist|optiray|hypaque|gastrografin|barium)\b/i;
/** Before a contrast agent in its sentence: the study is yet to be done (`We will obtain an MRI with contrast`). */
export const STUDY_TO_COME =
  /\b(?:will|would|plan to|planning to|going to|to be|recommend(?:ed)?|should) (?:\w+ ){0,3}?(?:obtain|order|get|evaluate|schedule|perform|do|check|repeat|undergo|have)\b/i;

export interface Heading {
  start: number;
  end: number;
  status: MedicationStatus | null;
  /** Where the heading's governance ends (for `allergy`, the end of its list). */
  until: number;
}

export function* sentenceBounds(text: string): Generator<void, number[]> {
  const ends: number[] = [];
  yield* scan(text, SENTENCE_END, (m) => ends.push(m.index + 1));
  return ends;
}

export function* findHeadings(
  text: string,
  sentenceEnds: readonly number[],
  drugs: readonly { start: number; end: number }[] = [],
): Generator<void, Heading[]> {
  const headings: Heading[] = [];
  const add = (start: number, end: number, name: string): void => {
    // A status word alone (`DISCONTINUED:`, `Not Taking`) first, as a field or a cell reads it.
    const status =
      statusOfWord(name) ?? HEADING_STATUS.find(([re]) => re.test(name.toUpperCase()))?.[1] ?? null;
    headings.push({ start, end, status, until: text.length });
  };
  yield* scan(text, HEADING, (m) => {
    const name = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    add(m.index + m[0].lastIndexOf(name), m.index + m[0].length, name);
  });
  const inline = headings.length;
  for (const { start, end } of lineHeadings(text, drugs)) {
    // The inline headings are in text order and do not overlap: the first that ends after `start`.
    const k = lowerBound(inline, (i) => headings[i]!.end > start);
    if (k === inline || headings[k]!.start >= end) add(start, end, text.slice(start, end));
  }
  if (headings.length > inline) headings.sort((a, b) => a.start - b.start);
  // A heading governs up to the next heading, or a line that opens another section.
  const sections = sectionLines(text, drugs);
  headings.forEach((h, i) => {
    const section = sections[lowerBound(sections.length, (k) => sections[k]! > h.end)];
    const next = Math.min(headings[i + 1]?.start ?? text.length, section ?? text.length);
    h.until = next;
    if (procedureMedications(text, headings[i - 1], h, headings[i + 1])) h.status = 'given';
    // An instruction (`Discontinue: metformin, glipizide.`) governs its own sentence only; alone
    // on its line (`STOP taking these medications`), the list below it.
    const alone = /^[ \t:]*\r?\n/.test(text.slice(h.end, h.end + 40));
    if (INSTRUCTION.test(text.slice(h.start, h.end)) && !alone) {
      h.until = Math.min(next, nextSentenceEnd(sentenceEnds, h.end, next));
      return;
    }
    if (h.status !== 'allergy') return;
    h.until = allergyListEnd(text, sentenceEnds, h.end, next);
  });
  return headings;
}

/** A procedure report's own sections (`PROCEDURE:`, `INSTRUMENT:`, `ESTIMATED BLOOD LOSS:`). */
const PROCEDURE_REPORT =
  /^(?:(?:DESCRIPTION OF |INDICATIONS? FOR (?:THE )?)?PROCEDURES?(?: (?:PERFORMED|DETAIL|REPORT|IN DETAIL))?|OPERATIONS?(?: PERFORMED)?|(?:PRE|POST)-?OPERATIVE DIAGNOS[IE]S|INSTRUMENTS?|SCOPE|ACCESS|COMPLICATIONS|(?:ESTIMATED )?BLOOD LOSS|WITHDRAWAL TIME|TOTAL (?:CONTRAST|FLUOROSCOPY TIME)|INDICATIONS?|CONSENT|BIOPSIES|FINDINGS)$/;
/** A history's sections, where `MEDICATIONS:` lists what the patient takes. */
const HISTORY_SECTION =
  /ALLERG|HISTORY|SOCIAL|FAMILY|REVIEW OF SYSTEMS|PHYSICAL|EXAM|VITAL|HABITS|ILLNESS|PROBLEM|^(?:CURRENT |ADMISSION |DISCHARGE )?DIAGNOS[IE]S$/;

/**
 * A bare `MEDICATIONS:` among a procedure report's sections, none of a history's beside it: the
 * sedation and agents the procedure gave (`MEDICATIONS: Fentanyl 100 mcg and Versed 5 mg.`).
 */
function procedureMedications(
  text: string,
  before: Heading | undefined,
  heading: Heading,
  after: Heading | undefined,
): boolean {
  if (!/^MEDICATIONS?$/.test(text.slice(heading.start, heading.end).replace(/[\s:,]+$/, ''))) {
    return false;
  }
  const names = [before, after].map((h) =>
    h
      ? text
          .slice(h.start, h.end)
          .replace(/[\s:,]+$/, '')
          .toUpperCase()
      : '',
  );
  return (
    names.some((name) => PROCEDURE_REPORT.test(name)) &&
    !names.some((name) => HISTORY_SECTION.test(name))
  );
}

/** Before a drug that heads its sentence's subject: a determiner, other drugs (masked), and/or. */
const SUBJECT_HEAD = /^[\s,]*(?:(?:the|his|her|their|these|those|both|all|and|or)[\s,]+)*$/i;
/**
 * Between that drug and its verb, a relative clause without commas: what the patient did with it
 * or how it began (`The Zyvox and Zosyn she received at the outside hospital were stopped`).
 */
const RELATIVE_WITHOUT_COMMAS =
  /^[\s,]*(?:(?:and|or)[\s,]+)*(?:(?:(?:that|which|whom) )?(?:he|she|they|we|I|the patient) (?:had )?(?:received|took|got|was given|was started on|had been on|was on|used)|(?:that|which) (?:was|were|had been) (?:started|given|begun|prescribed|ordered))\b[^,.;:]{0,60}$/i;

/** Whether a stop or a pause after a relative clause is said of the drug that heads the subject. */
export function subjectRelative(
  masked: string,
  sentenceEnds: readonly number[],
  drug: { start: number; end: number },
  trigger: { start: number },
): boolean {
  // The sentence's start, at most MAX_REACH back, as the status step bounds every read.
  const at = lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > drug.start) - 1;
  const start = Math.max(drug.start - MAX_REACH, at >= 0 ? sentenceEnds[at]! : 0);
  return (
    SUBJECT_HEAD.test(masked.slice(start, drug.start)) &&
    RELATIVE_WITHOUT_COMMAS.test(masked.slice(drug.end, trigger.start))
  );
}

/**
 * The heading a drug stands under: the last one before it, or the one that names the drug itself
 * with what was done (`IV FLUIDS: 700 mL of crystalloid`).
 */
export function headingOver(headings: readonly Heading[], drug: Entity): Heading | undefined {
  const next = lowerBound(headings.length, (i) => headings[i]!.end > drug.start);
  const own = headings[next];
  return own?.status === 'given' && own.start <= drug.start && drug.end <= own.end
    ? own
    : headings[next - 1];
}

/**
 * The farthest a trigger reaches, in characters (a long list after one trigger, in one sentence).
 * Each drug reads the whole gap back to its trigger, so without a bound a list of n drugs costs
 * n² (20,000 drugs after `s/p`: about a minute).
 */
export const MAX_REACH = 1500;

/** Between drugs that share a following `allergy`: only other drugs (masked), commas, and/or. */
export const ADJACENT_GAP = /^[\s,/]*(?:(?:and|or)[\s,]*)*$/i;

/**
 * A short-range trigger ending at `from` reaches a drug later in a list when it reaches the list's
 * first drug in the same clause and only the list lies between (`status post Rocephin and
 * Cleocin`; not `Omnipaque 240 dye`, one agent).
 */
export function reachesListFrom(
  { text, masked, drugs }: { text: string; masked: string; drugs: readonly Entity[] },
  from: number,
  drug: Entity,
  maxWords: number,
): boolean {
  const first = drugs[lowerBound(drugs.length, (i) => drugs[i]!.start >= from)];
  return (
    first !== undefined &&
    first.end <= drug.start &&
    wordCount(text.slice(from, first.start)) <= maxWords &&
    !/[.;:]/.test(masked.slice(from, first.start)) &&
    ADJACENT_GAP.test(masked.slice(first.start, drug.start)) &&
    /,|\b(?:and|or)\b/i.test(masked.slice(first.end, drug.start))
  );
}

/** The words of a gap (for short-range triggers). */
export const wordCount = (gap: string): number =>
  gap.split(/\s+/).filter((w) => /\w/.test(w)).length;

/** Whether `gap` (text between a trigger and a drug) ends the trigger's scope. */
export function scopeEnded(gap: string, sentenceCut: boolean, commaEnds: boolean): boolean {
  if (sentenceCut || CLAUSE_BREAK.test(gap) || TERMINATOR.test(gap)) return true;
  // Not the comma of a number (`5,000 units`).
  return commaEnds && /(?<!\d),|,(?!\d{3}(?!\d))/.test(gap);
}

/** Between a trigger and a drug further down the list it opens: drugs and sigs (masked), list words. */
/** Before a list's first drug: the name of what it makes up (`a GI cocktail consisting of`). */
const LIST_LEAD =
  /^\s*(?:(?:a|an|the|his|her) )?(?:[\w-]+ ){1,3}?(?:consisting of|containing|comprised of|made up of)/i;
const LIST_GAP = /^[\s,/]*(?:(?:and|or|of|plus|with|along with|as well as)[\s,/]*)*$/i;

/**
 * Whether a two-way trigger opens a list that its forward scope runs through, commas and all (`was
 * given vancomycin, Zosyn, and Levaquin`): only drugs, their sigs and list words stand between,
 * the first of them a drug, and the trigger does not close the item of a drug right before it
 * (`Lipitor 80 mg discontinued, Vioxx 25 mg`), where the comma ends its reach. `drugs` are the
 * DRUG entities, sorted by start.
 */
export function opensList(
  masked: string,
  drugs: readonly { start: number; end: number }[],
  trigger: { start: number; end: number },
  drugStart: number,
): boolean {
  // A list may be named first (`was given a GI cocktail consisting of Maalox, Donnatal, and …`).
  if (!LIST_GAP.test(masked.slice(trigger.end, drugStart).replace(LIST_LEAD, ''))) return false;
  // The list's first item is a drug found between (a lone span, as `statusOf` gives, opens none).
  const first = drugs[lowerBound(drugs.length, (i) => drugs[i]!.start >= trigger.end)];
  if (!first || first.start >= drugStart) return false;
  const before = drugs[lowerBound(drugs.length, (i) => drugs[i]!.end > trigger.start) - 1];
  // Bounded: a long gap holds words anyway, and a long note stays linear.
  return (
    !before || /\S/.test(masked.slice(Math.max(before.end, trigger.start - 200), trigger.start))
  );
}

export const cueOf = (text: string, start: number, end: number): StatusCue => ({
  start,
  end,
  text: text.slice(start, end),
});

/** The first match of `pattern` in `masked` between `from` and `to`, as a cue on `text`. */
export function cueMatch(
  pattern: RegExp,
  text: string,
  masked: string,
  from: number,
  to: number,
): StatusCue | null {
  const match = pattern.exec(masked.slice(from, to));
  return match ? cueOf(text, from + match.index, from + match.index + match[0].length) : null;
}

/** `text` with every span blanked out by spaces (same length, so offsets hold); linear time. */
export function* maskSpans(
  text: string,
  spans: readonly { start: number; end: number }[],
): Generator<void, string> {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  yield;
  const parts: string[] = [];
  let at = 0;
  for (const [i, { start, end }] of sorted.entries()) {
    if ((i + 1) % MATCHES_PER_STEP === 0) yield;
    const from = Math.max(start, at);
    if (end <= from) continue;
    parts.push(text.slice(at, from), ' '.repeat(end - from));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
