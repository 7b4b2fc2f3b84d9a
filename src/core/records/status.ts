/**
 * Medication status (`../shared/STATUS.md`): for each DRUG mention, what the text says about it —
 * allergy, negated, stopped, held, planned, given or active — with the evidence (`cue`).
 *
 * ConText-style rules over the text around the drug, pure and shared by the browser and Node:
 * 1. Trigger terms (`allergic to`, `stopped`, `hold`, `will start`, `was given`, `continue` …) each
 *    with a status and a direction: forward (applies to drugs after it), backward (to drugs before
 *    it) or both. Overlapping matches keep the longest (`do not restart` over `restart`).
 * 2. A trigger's scope ends at a sentence end, a list break (line, `;`, numbered item), a
 *    terminator (`but`, `however`, `except`, `other than` …) and at the next trigger: a drug takes
 *    the nearest forward trigger and the nearest backward one in scope. Backward scopes and the
 *    forward scope of a two-way trigger also end at a comma (a list item: `Lipitor discontinued,
 *    Vioxx 25 mg`), and a few short triggers (`no`, `off`) reach only a few words.
 * 3. The section heading above the drug: `ALLERGIES:` makes its list `allergy`; `MEDICATIONS:` and
 *    the like mark `active`; `ANESTHESIA:` `given`.
 * 4. Of what applies, the first in STATUS.md's order wins; with nothing, a sentence about a
 *    procedure (`infiltrated`, `injected`, `prepped` …) makes `given`, else the drug is `active`.
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

export interface DrugStatus {
  status: MedicationStatus;
  /** The trigger or heading that decided it; null for the default `active`. */
  cue: StatusCue | null;
}

type Direction = 'forward' | 'backward' | 'both';

interface TriggerRule {
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
  /** A backward trigger that tells the outcome of a whole list (`X, Y and Z without relief`). */
  list?: boolean;
}

const W = (source: string): string => `\\b(?:${source})\\b`;
const PRONOUN = '(?:him|her|them|the patient|patient|the child|the baby|the infant)';
const REACTION =
  '(?:rash|rashes|hives|urticaria|anaphylaxis|anaphylactic (?:reaction|shock)|angioedema|swelling|itching|reaction|allergic reaction|adverse reaction|intolerance|nausea|vomiting|throat swelling|shortness of breath)';
/** Side effects a drug may cause in this patient (`emesis related to Vicodin`). */
const SIDE_EFFECT =
  '(?:rash|hives|itching|nausea|vomiting|emesis|dizziness|drowsiness|confusion|hallucinations|constipation|diarrhea|side effects?|adverse effects?|reaction|(?:abdominal |stomach |GI )?(?:pains?|upset|cramps|cramping))';

/** The trigger terms. Patterns are case-insensitive and matched on word boundaries. */
const RULES: readonly TriggerRule[] = [
  // allergy
  {
    status: 'allergy',
    direction: 'forward',
    pattern: W(
      '(?:(?:has|have|had) not|never|unable to|could not|cannot|can not|did not|does not|do not) (?:\\w+ )?tolerated?|not tolerated|(?:allergic|adverse) reaction,? [^.;]{0,40}?(?:suspicious for|suspected to be from|attributed to|likely (?:due to|from|secondary to))|(?<!\\b(?:potential|possible|risks? of|any|no|without)\\b[^.;]{0,40})(?:allergic|allergy|allergies|hypersensitivity|sensitivity|sensitive|intolerant|intolerance|reaction|reactions|anaphylaxis)["”\']? (?:to|of|with|from)|allergies?(?: (?:include|includes|are|is|to))?:|(?:developed|had|has|got|experienced|broke out in) (?:a |an |some )?(?!no |not |any )(?:\\w+ )?(?:' +
        REACTION +
        '|' +
        SIDE_EFFECT +
        ') (?:on|to|after|from|with)|' +
        SIDE_EFFECT +
        ' (?:\\w+ ){0,4}?(?:related to|secondary to|caused by|attributed to|from)',
    ),
  },
  {
    status: 'allergy',
    direction: 'backward',
    pattern: W(
      `(?:he|she|they|the patient) (?:had|developed|experienced|got) (?:a |an )?(?:\\w+ )?${REACTION}(?! (?:on|to|after|from|with)\\b)|developed (?:\\w+ ){0,4}?(?:toxicity|reaction|rash|hives|side effects?)(?: \\([^)]*\\))? (?:on|to|from|with) (?:this|that|the) (?:medication|medicine|drug)|(?:which|that|it|this) (?:\\w+ ){0,3}?(?:(?:caused?|causes|cause of|gave (?:him|her)) (?:\\w+ ){0,3}?${REACTION}|made (?:him|her|them) (?:feel )?(?:\\w+ )?(?:dizzy|sick|nauseated|drowsy|confused|itchy))`,
    ),
    anaphor: true,
  },
  {
    status: 'allergy',
    direction: 'backward',
    pattern: W(
      `(?:due to|because of|secondary to) (?:a |an )?(?:\\w+ )?${REACTION}|toxicity|allergic|intolerance|intolerant|(?:caused?|causes|causing|gave (?:him|her)|gives (?:him|her)) (?:a |an )?(?:\\w+ )?${REACTION}|\\(${REACTION}\\)?|${REACTION}s?\\)`,
    ),
  },
  {
    status: 'allergy',
    direction: 'backward',
    pattern: W('(?<!\\bfor (?:\\w+ )?)(?:allergy|allergies)'),
    adjacent: true,
  },
  // negated
  {
    status: 'negated',
    direction: 'forward',
    pattern: W(
      "(?:cannot|can not|can't|unable to) (?:take|use|receive|have|get)|(?:will|would|should|is|are) not (?:to )?be (?:given|started|restarted|prescribed|placed on|put on)|(?:do|does|did|should|must|will) not (?:restart|resume|take|use|give|receive|get|start|continue|need)|don't (?:restart|resume|take|use|give|start)|not (?:to )?(?:restart|resume|take|use|give|receive|start)|not (?:on|taking|using|receiving|given|a candidate for)(?: any)?|(?:is|was|are|were) not (?:on|taking|using|given|receiving)(?: any)?|never (?:took|taken|used|been on|on|received)|denies(?: (?:taking|using|any|use of))?|denied(?: (?:taking|using|any))?|avoid(?:ing|s|ed)?|contraindicat(?:ed|ion) (?:to|for)|no need for|negative for|avoidance of|stay(?:s)? off(?: of)?|remain(?:s)? off(?: of)?|(?:not|no) (?:\\w+ ){0,5}?(?:necessary|indicated|needed|required) to (?:prescribe|give|start|use|continue)(?: (?:him|her|them))?(?: (?:any|a))?|could not (?:be )?(?:given|administered|obtained|used|receive|get|take)",
    ),
  },
  {
    status: 'negated',
    direction: 'forward',
    pattern: W(
      'but not|and not|no(?! (?:improvement|relief|benefit|change|response|evidence|side effects?|problems?|adverse))|without|nor|lack of|absence of',
    ),
    maxWords: 3,
  },
  {
    status: 'negated',
    direction: 'forward',
    pattern: W('(?:has|have|had) not been \\w+ing'),
    maxWords: 6,
  },
  {
    status: 'negated',
    direction: 'both',
    pattern: W(
      '(?:was|were|is|are|has been|have been) not (?:given|started|used|taken|prescribed)|(?:is|are) contraindicated|not given|declined|declines|refused|refuses|refuse',
    ),
    crossesBut: true,
  },
  // stopped
  {
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      'stopped (?:taking|using|her|his|the)|discontinued (?:her|his|the)|(?:was|were|been) (?:taken|weaned|tapered) off(?: of)?|taken off(?: of)?|came off(?: of)?|(?:weaned|tapered) off(?: of)?|previously (?:also )?(?:been )?(?:on|taking|took|used|tried|treated with|received)|had been (?:\\w+ )?(?:treated|pretreated) with|(?:was|were) (?:initially|originally|briefly|once|formerly) on|had been on|used to (?:take|be on)|no longer (?:taking|on|using|takes)|(?:switched|changed|converted|transitioned) (?:\\w+ )?from|(?:since|after) (?:stopping|discontinuing|coming off)|(?:discontinuation|cessation|withdrawal) of|no (?:\\w+ )?response to|(?:tapered|weaned) (?:off )?(?:of|from)|(?:was|were) (?:\\w+ )?removed from|fail(?:s|ed)? to respond to|(?:do|does) not (?:think|feel|believe) (?:\\w+ )?needs? to (?:be on|take|continue)|(?:failed|finished|completed) (?:a |an |his |her |the )?(?:\\w+ )?(?:course|trial|courses|trials) of|(?:given|received|took|had|required|requiring) (?:a |an )?(?:\\w+ )?courses? of|(?:repeated|multiple|several) courses of|failed|quit|tried',
    ),
    until: W('to|onto'),
  },
  {
    status: 'stopped',
    direction: 'forward',
    pattern: W('(?<!\\bto (?:come|get|be|go) (?:(?:him|her|them) )?|\\bdays? )off(?: of)?'),
    maxWords: 2,
  },
  {
    status: 'stopped',
    direction: 'forward',
    pattern: W('(?:did|had) try|(?:was|were) tried on|(?:has|have|had) tried'),
  },
  {
    status: 'stopped',
    direction: 'forward',
    pattern: W('instead of|previous|prior(?! to)'),
    maxWords: 3,
  },
  {
    status: 'stopped',
    direction: 'both',
    pattern: W("discontinued|discontinue|discontinuing|stopped|stopping|stop|d/c'?d|dc'?d|d/c"),
  },
  {
    status: 'stopped',
    direction: 'backward',
    pattern: W(
      '(?:was|were|has been|have been|had been) (?:\\w+ )?(?:discontinued|stopped|tapered off)|any ?more|from (?:a |an |his |her )?(?:previous|old|prior) prescriptions?|(?:was|were|has been|have been) (?:switched|changed|converted) (?:over )?to|(?:in|during) (?:childhood|the past)|as a (?:child|teenager)|\\d+ (?:years|months) ago|years ago|in the past|previously|formerly',
    ),
  },
  {
    status: 'stopped',
    direction: 'backward',
    pattern: W(
      "(?:(?:this|it|that|which) (?:was|were|has been|had been|has now been|have now been) (?:then |later |subsequently |eventually )?(?:discontinued|stopped|d/c'?d)|which (?:he|she|they|the patient) (?:\\w+ )?(?:failed|stopped|discontinued|quit)(?: taking| using)?|(?:which|and (?:that|it|this)) (?:did not|didn't|has not|had not|does not) (?:really )?help(?:ed)?|fail(?:s|ed)? to respond to (?:these|them|it|this))|(?:discontinued|stopped|d/c'?d)(?: taking| using)? (?:this|it|them)(?=\\s*[.,;:)]|\\s+(?:on|in|at|after|because|due|since|for|when|as|and|but)\\b|\\s*$)",
    ),
    anaphor: true,
  },
  {
    status: 'allergy',
    direction: 'backward',
    pattern: W(
      '(?:did not|could not|does not|cannot|unable to|never) tolerate (?:it|this|them|both(?: of them)?|either(?: of them)?)',
    ),
    anaphor: true,
  },
  {
    status: 'stopped',
    direction: 'backward',
    pattern: W(
      '(?:without|with no|with little) (?:\\w+ ){0,2}?(?:benefit|improvement|relief|success|effect|response)',
    ),
    list: true,
  },
  // held
  {
    status: 'held',
    direction: 'both',
    pattern: W(
      '(?:hold|held|holding) off(?: on| of)?|hold(?:ing)?(?! (?:for|if|when|parameters?|area|room))|held|on hold',
    ),
  },
  {
    status: 'held',
    direction: 'backward',
    pattern: W(
      '(?:hold|held|holding) (?:it|this|them)(?=\\s*[.,;:)]|\\s+(?:on|in|at|after|because|due|since|for|when|as|and|but|until)\\b|\\s*$)',
    ),
    anaphor: true,
  },
  // planned
  {
    status: 'planned',
    direction: 'forward',
    pattern: W(
      `(?:will|would|shall|going to|plan(?:s|ned)? to|plan is to|want(?:s|ed)? to|like to|prefer to|need(?:s)? to|should|may|might|could) (?:\\w+ )?(?:start|begin|add|try|use|treat|initiate|prescribe|give|consider|receive|benefit from|need|require|put ${PRONOUN} on|place ${PRONOUN} on|switch ${PRONOUN} to|switch to|change to|be (?:re)?started (?:back )?on|be (?:placed|put) (?:back )?on|be given (?:a )?prescriptions? for|be given|be prescribed)|recommend(?:ed|s|ation|ing)?(?: (?:that|to))?(?: (?:he|she|they|${PRONOUN}))?(?: (?:start|begin|take|try|use|be started on))?|consider(?:ing|ed)?(?: (?:adding|starting|a trial of))?|candidate for|trial of|(?:urged|advised|encouraged|asked|told) (?:him|her|them|the patient) to (?:switch to|start|try|use|take)|(?:can|could|may|might) be (?:given|started on|placed on|tried on)|(?:is|are|was|were) (?:being )?(?:contemplated|proposed|planned)(?:,? including)?|to be started|(?:we|i) (?:will|would) add|(?:can|could|will|may|hope to) discharge (?:him|her|them|the patient) (?:home )?on|start(?:ing)? (?:${PRONOUN} )?on|start|begin|initiate`,
    ),
  },
  {
    status: 'planned',
    direction: 'backward',
    pattern: W(
      '(?:can|could|may|might) be (?:used|tried|given|started|added|considered)|(?:has been|have been|was|were|is|are) (?:also )?recommended',
    ),
  },
  {
    status: 'planned',
    direction: 'backward',
    pattern: W(
      'which (?:he|she|they|the patient) (?:is|are|will be) (?:to|going to|about to) (?:start|begin|try)',
    ),
    anaphor: true,
  },
  // given
  {
    status: 'given',
    direction: 'forward',
    pattern: W(
      '(?:was|were|is|been) (?:then )?(?:given|administered|treated with|premedicated with|induced with|infiltrated with|injected with|irrigated with|prepped with)|given(?! (?:his|her|their|the|that|this|its|a history))|received|administered|infiltrated(?: with)?|injected(?: with)?|irrigated(?: with)?|instilled|induced with|premedicated with|prepped(?: and draped)?(?: with| using)?|(?:bolus|(?:a|one|single|unit|loading|stat|test) dose) of|(?:was|were) (?:\\w+ )?treated (?:in the (?:emergency room|ER|emergency department) )?with|with and without|with ?/ ?without|administration of|(?:utilized|used) as|(?:mixture|combination|solution) of|anesthetized with|gave|using(?= (?:\\d|a |an |approximately|about))',
    ),
  },
  {
    status: 'given',
    direction: 'backward',
    pattern: W(
      '(?:was|were) (?:then |also )?(?:given|administered|injected|infiltrated|instilled|used|utilized|applied|placed|irrigated|infused)|used (?:was|were)|(?:given|administered) (?:in the (?:emergency room|ER|emergency department)|preoperatively|intraoperatively|prior to)',
    ),
  },
  // active
  {
    status: 'active',
    direction: 'forward',
    pattern: W(
      `(?:given|gave|wrote|written|write) (?:a |her |him |them )?prescriptions? for|prescriptions? for|Rx for|(?:concur|agree)s? with|continuation of|(?:decreasing|increasing|reducing) (?:the |his |her )?|(?:was|were) given a trial of|(?:is|are) being given|being given|continu(?:e[ds]?|ing)(?: (?:on|with|taking|the|his|her))?|resume[ds]?|restart(?:ed)?|(?:is|are|was|remains|remain|currently|also) (?:currently |also |still |already )?(?:on|taking|using)|(?:has|have) (?:also )?been (?:on|taking|using|treated with)|(?:go|goes|going|sent|send|went) home (?:on|with)|(?:reduce[ds]?|lower(?:ed)?) (?:the |his |her )?(?:dose of |dosage of )?|takes|taking|uses|discharged (?:home )?(?:on|with)|(?:increase|decrease|increased|decreased|titrate|titrated) (?:the |his |her )?|(?:switched|changed|converted) (?:\\w+ )?to|(?:started|placed|put|maintained|kept) (?:back )?on|started (?:him|her|them|the patient) on|moved to(?: treatment with)?|prescribed|refill(?:ed|s)?(?: (?:of|on))?|currently`,
    ),
  },
  {
    status: 'active',
    direction: 'backward',
    pattern: W(
      '(?:was|were|is|are|will be) (?:continued|resumed|restarted|increased|decreased|started(?! on))',
    ),
  },
];

/** Words that end a trigger's scope. */
const TERMINATOR = new RegExp(
  W(
    'but|however|although|though|except|which|whereas|yet|apart from|aside from|other than|instead|now|because|since|due to|if|unless|(?:as|while|when) (?:he|she|they|we|I|it|the patient|his|her)',
  ),
  'i',
);
/** Clause and list breaks: `;`, a line break, a numbered item. */
const CLAUSE_BREAK = /;|\n|(?:^|[\s,])\(?\d{1,2}[.)](?=\s|[A-Za-z])/;
/** A sentence end (as in records.ts): `.!?` then a comma or spaces before a capital, digit or bracket. */
const SENTENCE_END =
  /(?<!\b(?:Dr|Drs|Mr|Mrs|Ms|St|vs))[.!?]["')\]]?(?:,(?!\s*[a-z])|\s+(?=[A-Z0-9(["']))/g;

/** Headings: a run of capitals ending in `:` at the start of the text, a line or a sentence. */
const HEADING =
  /(?:^|\n|[.!?:,]\s*)(?:([A-Z][A-Z &/-]{2,60}):|(ALLERG[A-Z]*|(?:CURRENT |HOME |DISCHARGE )?MEDICATIONS|ANESTHESIA|IV FLUIDS|CONTRAST),)/g;
const HEADING_STATUS: readonly [RegExp, MedicationStatus][] = [
  [/ALLERG|ADVERSE|INTOLERANCE|SENSITIVIT/, 'allergy'],
  [/PAST MEDICATIONS|PREVIOUS MEDICATIONS|PRIOR MEDICATIONS/, 'stopped'],
  [
    /^(?!INDICATION).*(?:ANESTHESIA|ANESTHETIC|CONTRAST|PROCEDURE|OPERATION|EPIDUROGRAM|IV FLUIDS|PREMEDICATION|INJECTABLES)/,
    'given',
  ],
  [/RECOMMEND/, 'planned'],
  [/MEDICATION|MEDS|PRESCRIPTION|DISCHARGE/, 'active'],
];
/** A sentence under a heading that reads as prose (a pronoun or a verb) ends an allergy list. */
const PROSE =
  /\b(?:he|she|they|patient|was|were|is|are|has|have|had|will|takes|taking|stopped|started|do|does|did)\b/i;

/** Sentences about a procedure: drugs in them with no trigger are `given`. */
const PROCEDURE_CONTEXT =
  /\b(?:infiltrat\w*|inject\w*|irrigat\w*|instill\w*|prepped|draped|incision|intubat\w*|induct\w*|induced|anesthesia|anesthetic|local|block|sedation|intraoperative\w*|preoperative\w*|postoperative\w*|operating room|dressing|the wound|bolus|fluoroscop\w*|procedure|needle|catheter|flush\w*|cannula|stress test)\b/i;
/** Contrast agents are given for the study the note describes, unless the text says otherwise. */
const CONTRAST_AGENT =
  /\b(?:contrast|dye|gadolinium|omnipaque|visipaque|isovue|ultravist|optiray|hypaque|gastrografin|barium)\b/i;

const COMPILED = RULES.map((rule) => [rule, new RegExp(rule.pattern, 'gi')] as const);
const UNTIL = new Map(
  RULES.flatMap((rule) => (rule.until === undefined ? [] : [[rule, new RegExp(rule.until, 'i')]])),
);

interface Trigger {
  start: number;
  end: number;
  rule: TriggerRule;
}

interface Heading {
  start: number;
  end: number;
  status: MedicationStatus | null;
  /** Where the heading's governance ends (for `allergy`, the end of its list). */
  until: number;
}

function findTriggers(text: string): Trigger[] {
  const found: Trigger[] = [];
  for (const [rule, re] of COMPILED) {
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      found.push({ start: m.index, end: m.index + m[0].length, rule });
    }
  }
  // Longest first; a match that overlaps a longer one is dropped. `kept` stays sorted by start and
  // free of overlaps, so each match is checked against its two neighbours only.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Trigger[] = [];
  for (const t of found) {
    const at = lowerBound(kept.length, (i) => kept[i]!.start >= t.start);
    const twin = kept[at];
    // The same words as a forward and a backward trigger of one status (`was given`): both ways.
    if (twin && twin.start === t.start && twin.end === t.end) {
      if (twin.rule.status === t.rule.status && twin.rule.direction !== t.rule.direction) {
        kept[at] = { ...twin, rule: { ...twin.rule, direction: 'both' } };
      }
      continue;
    }
    const previous = kept[at - 1];
    if ((previous && previous.end > t.start) || (twin && twin.start < t.end)) continue;
    kept.splice(at, 0, t);
  }
  return kept;
}

/** The first index in [0, length) where the monotone `isAtOrAfter` holds, else `length`. */
function lowerBound(length: number, isAtOrAfter: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAtOrAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function sentenceBounds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(SENTENCE_END)) ends.push(m.index + 1);
  return ends;
}

function findHeadings(text: string, sentenceEnds: readonly number[]): Heading[] {
  const headings: Heading[] = [];
  for (const m of text.matchAll(HEADING)) {
    const name = m[1] ?? m[2] ?? '';
    const start = m.index + m[0].length - name.length - 1;
    const end = m.index + m[0].length;
    const status = HEADING_STATUS.find(([re]) => re.test(name))?.[1] ?? null;
    headings.push({ start, end, status, until: text.length });
  }
  headings.forEach((h, i) => {
    const next = headings[i + 1]?.start ?? text.length;
    h.until = next;
    if (h.status !== 'allergy') return;
    // An allergy heading governs its list: short fragments, up to a sentence of prose.
    const first = lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > h.end);
    for (let i = first; i < sentenceEnds.length && sentenceEnds[i]! < next; i++) {
      const end = sentenceEnds[i]!;
      const following = text.slice(end, nextSentenceEnd(sentenceEnds, end, next));
      if (PROSE.test(following)) {
        h.until = end;
        return;
      }
    }
  });
  return headings;
}

function nextSentenceEnd(ends: readonly number[], after: number, limit: number): number {
  const at = lowerBound(ends.length, (i) => ends[i]! > after);
  return at < ends.length ? Math.min(ends[at]!, limit) : limit;
}

/** The words of a gap (for short-range triggers). */
const wordCount = (gap: string): number => gap.split(/\s+/).filter((w) => /\w/.test(w)).length;

/** Whether `gap` (text between a trigger and a drug) ends the trigger's scope. */
function scopeEnded(gap: string, sentenceCut: boolean, commaEnds: boolean): boolean {
  if (sentenceCut || CLAUSE_BREAK.test(gap) || TERMINATOR.test(gap)) return true;
  return commaEnds && /,/.test(gap);
}

const cueOf = (text: string, start: number, end: number): StatusCue => ({
  start,
  end,
  text: text.slice(start, end),
});

const rank = (status: MedicationStatus): number => MEDICATION_STATUSES.indexOf(status);

/** `text` with every span blanked out by spaces (same length, so offsets hold); linear time. */
function maskSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    parts.push(text.slice(at, from), ' '.repeat(end - from));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * The status of each DRUG entity in `entities`, by the entity (other labels are skipped). The
 * other entities' texts are masked while triggers are sought, so a drug named `Stop-it` or a sig
 * word never acts as a trigger.
 */
export function drugStatuses(text: string, entities: readonly Entity[]): Map<Entity, DrugStatus> {
  const sentenceEnds = sentenceBounds(text);
  const headings = findHeadings(text, sentenceEnds);
  // A heading's words (`RECOMMENDED THERAPY:`) are not triggers either.
  const masked = maskSpans(text, [...entities, ...headings]);
  // Masked on a copy whose length is unchanged, so offsets hold.
  const triggers = findTriggers(masked);
  const result = new Map<Entity, DrugStatus>();
  const drugStarts = entities
    .filter((e) => e.label === 'DRUG')
    .map((e) => e.start)
    .sort((a, b) => a - b);
  for (const drug of entities) {
    if (drug.label !== 'DRUG') continue;
    result.set(drug, statusAt(text, masked, drugStarts, drug, triggers, sentenceEnds, headings));
  }
  return result;
}

/** The status of one drug span. */
export function statusOf(text: string, drug: Pick<Entity, 'start' | 'end'>): DrugStatus {
  const entity: Entity = {
    ...drug,
    label: 'DRUG',
    text: text.slice(drug.start, drug.end),
    score: 1,
  };
  return drugStatuses(text, [entity]).get(entity) as DrugStatus;
}

/** Between a drug and a backward trigger: only its own sig (masked), one comma and a word. */
const AFTER_OWN_SIG = /^[\s.]*,\s*(?:[a-z]+\s+)?$/;
const BUT_SUBJECT = /^[^.;]*\bbut(?: (?:he|she|they|the patient)(?: \w+)?)? $/i;
/** Between drugs that share a following `allergy`: only other drugs (masked), commas, and/or. */
const ADJACENT_GAP = /^[\s,/]*(?:(?:and|or)[\s,]*)*$/i;
/** Later in the sentence, the drug is to be taken again: a stop that is a pause. */
const RESUMED = /\b(?:back on|resume[ds]?|restart(?:ed)?|re-?start(?:ed)?)\b/i;
/** Right after a stopped drug: the stop is for a while (`discontinue aspirin for now`). */
const FOR_NOW = /^\s*(?:\S+\s+){0,2}?(?:for now|for the time being|temporarily)\b/i;
/** Right after a drug stopped by a cue before it: the stop has an end (`stopped Imuran for one month`). */
const FOR_A_WHILE =
  /^\s*(?:\S+\s+){0,2}?(?:for (?:a|one|two|three|\d+|several|a few|the next) (?:\w+ )?(?:days?|weeks?|months?)|until)\b/i;
/** After a stopped drug, in its clause: the reason is a side effect (`stopped it because of …`). */
const BECAUSE_OF_EFFECT = new RegExp(
  `^[^.;]{0,60}?\\b(?:because of|due to|secondary to) (?:his |her |the |a |an )?(?:\\w+ ){0,2}?${SIDE_EFFECT}`,
  'i',
);
/** `taken off Coumadin … then resume` / `… placed back on Coumadin`: the same drug, or no object. */
function isResumed(text: string, drug: Entity, sentenceEnd: number): boolean {
  const after = text.slice(drug.end, sentenceEnd);
  const match = RESUMED.exec(after);
  if (!match) return false;
  const next = after.slice(match.index + match[0].length, match.index + match[0].length + 40);
  return /^\s*(?:[.,;]|$)/.test(next) || next.toLowerCase().includes(drug.text.toLowerCase());
}

/** A pronoun that points back to several drugs (`them`, `both of them`). */
const PLURAL_ANAPHOR = /\b(?:them|both|either)\b/i;

/** `Do not take Tetracycline with milk`: an instruction on how to take it, not a negation. */
const HOW_TO_TAKE =
  /^\s*(?:\S+\s+){0,3}?(?:with|more than|unless|until|on an empty|before|after|within|at the same time)\b/i;
function isHowToTake(trigger: Trigger, text: string, drug: Entity): boolean {
  return (
    trigger.rule.status === 'negated' &&
    /\b(?:take|use)$/i.test(text.slice(trigger.start, trigger.end)) &&
    HOW_TO_TAKE.test(text.slice(drug.end, drug.end + 40))
  );
}

/** Whether an anaphoric backward trigger reaches back to `drug`. */
function reachesBack(
  text: string,
  drug: Entity,
  trigger: Trigger,
  drugStarts: readonly number[],
  sentenceCut: boolean,
): boolean {
  const gap = text.slice(drug.end, trigger.start);
  if (sentenceCut || /\n/.test(gap) || wordCount(gap) > 14) return false;
  const plural = PLURAL_ANAPHOR.test(text.slice(trigger.start, trigger.end));
  if (plural) return true;
  // drugStarts is sorted: is there a drug between this one and the trigger?
  const next = lowerBound(drugStarts.length, (i) => drugStarts[i]! >= drug.end);
  return !(next < drugStarts.length && drugStarts[next]! < trigger.start);
}

function statusAt(
  text: string,
  masked: string,
  drugStarts: readonly number[],
  drug: Entity,
  triggers: readonly Trigger[],
  sentenceEnds: readonly number[],
  headings: readonly Heading[],
): DrugStatus {
  // All three lists are sorted, and triggers do not overlap: binary searches keep long notes linear.
  const cut = (from: number, to: number): boolean => {
    const at = lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > from);
    return at < sentenceEnds.length && sentenceEnds[at]! <= to;
  };
  const candidates: { status: MedicationStatus; cue: StatusCue }[] = [];

  // The nearest forward trigger before the drug, if its scope reaches it.
  let f = lowerBound(triggers.length, (i) => triggers[i]!.end > drug.start) - 1;
  while (f >= 0 && triggers[f]!.rule.direction === 'backward') f--;
  const forward = f >= 0 ? triggers[f] : undefined;
  // A sentence end between ends the scope (checked first: the gap may be long in a long note).
  if (forward && !cut(forward.end, drug.start)) {
    const gap = text.slice(forward.end, drug.start);
    const rule = forward.rule;
    const ended =
      scopeEnded(gap, cut(forward.end, drug.start), rule.direction === 'both') ||
      (rule.maxWords !== undefined && wordCount(gap) > rule.maxWords) ||
      (UNTIL.get(rule)?.test(gap) ?? false);
    // A trigger between (of another direction) also ends the scope.
    const after = triggers[f + 1];
    const between = after !== undefined && after.end <= drug.start;
    if (!ended && !between && !isHowToTake(forward, text, drug)) {
      candidates.push({ status: rule.status, cue: cueOf(text, forward.start, forward.end) });
    }
  }
  // The nearest backward trigger after the drug, within its clause.
  const firstAfter = lowerBound(triggers.length, (i) => triggers[i]!.start >= drug.end);
  let b = firstAfter;
  while (b < triggers.length && triggers[b]!.rule.direction === 'forward') b++;
  const backward = triggers[b];
  if (backward) {
    const gap = text.slice(drug.end, backward.start);
    // A short trigger between (`Marcaine without epinephrine was used`) belongs to the drug after it.
    const between = triggers
      .slice(firstAfter, b)
      .some((t) => t.end <= backward.start && t.rule.maxWords === undefined);
    const butRefused = backward.rule.crossesBut === true && BUT_SUBJECT.test(gap);
    const inScope = backward.rule.anaphor
      ? reachesBack(text, drug, backward, drugStarts, cut(drug.end, backward.start))
      : backward.rule.adjacent
        ? ADJACENT_GAP.test(masked.slice(drug.end, backward.start))
        : backward.rule.list
          ? !scopeEnded(gap.replace(/,/g, ' '), cut(drug.end, backward.start), false) &&
            wordCount(masked.slice(drug.end, backward.start)) <= 8
          : ((!scopeEnded(gap, cut(drug.end, backward.start), true) || butRefused) &&
              wordCount(gap) <= 8) ||
            (!cut(drug.end, backward.start) &&
              AFTER_OWN_SIG.test(masked.slice(drug.end, backward.start)));
    if (!between && inScope) {
      candidates.push({
        status: backward.rule.status,
        cue: cueOf(text, backward.start, backward.end),
      });
    }
  }
  // The heading above it: an allergy heading always counts; the others only where no trigger does.
  const heading = headings[lowerBound(headings.length, (i) => headings[i]!.end > drug.start) - 1];
  const headed =
    heading?.status && drug.start < heading.until
      ? { status: heading.status, cue: cueOf(text, heading.start, heading.end) }
      : undefined;
  if (headed && (headed.status === 'allergy' || candidates.length === 0)) candidates.push(headed);
  candidates.sort((a, b) => rank(a.status) - rank(b.status));
  // `denies dye allergy`, `no penicillin allergy`: a negated allergy is no allergy.
  const negation = candidates.find((c) => c.status === 'negated');
  if (negation && candidates[0]?.status === 'allergy' && candidates[0].cue.start > drug.end) {
    return negation;
  }
  const best = candidates[0];
  const sentenceEnd =
    sentenceEnds[lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > drug.end)] ??
    text.length;
  if (best?.status === 'stopped') {
    const after = text.slice(drug.end, sentenceEnd);
    const pause = FOR_NOW.test(after) || (best.cue.end <= drug.start && FOR_A_WHILE.test(after));
    if (isResumed(text, drug, sentenceEnd) || pause) {
      return { status: 'held', cue: best.cue };
    }
    const effect = BECAUSE_OF_EFFECT.exec(after);
    if (effect && !/\beither\b/i.test(effect[0])) {
      const start = drug.end + effect[0].search(/\b(?:because of|due to|secondary to)\b/i);
      return { status: 'allergy', cue: cueOf(text, start, drug.end + effect[0].length) };
    }
  }
  if (best) return best;
  if (CONTRAST_AGENT.test(drug.text)) {
    return { status: 'given', cue: cueOf(text, drug.start, drug.end) };
  }

  const sentenceStart =
    sentenceEnds[lowerBound(sentenceEnds.length, (i) => sentenceEnds[i]! > drug.start) - 1] ?? 0;
  const context = PROCEDURE_CONTEXT.exec(masked.slice(sentenceStart, sentenceEnd));
  if (context) {
    const start = sentenceStart + context.index;
    return { status: 'given', cue: cueOf(text, start, start + context[0].length) };
  }
  return { status: 'active', cue: null };
}
