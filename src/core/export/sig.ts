/**
 * Reading numbers, quantities, frequencies and durations out of sig text (`b.i.d.`, `q.4-6h.`,
 * `every 6 hours as needed`, `x 10 days`, `30ml`). Only what parses unambiguously is returned;
 * everything else is left to the original text, which the exports always keep.
 */

/** FHIR's units-of-time codes (also UCUM codes). */
export type TimeUnit = 's' | 'min' | 'h' | 'd' | 'wk' | 'mo' | 'a';

/** FHIR's event-timing codes that sig words map to. */
export type EventTiming = 'MORN' | 'AFT' | 'EVE' | 'NIGHT' | 'HS' | 'NOON' | 'AC' | 'PC' | 'C';

/** The parts of FHIR `Timing.repeat` that a frequency gives. */
export interface Repeat {
  frequency?: number;
  period?: number;
  periodMax?: number;
  periodUnit?: TimeUnit;
  when?: EventTiming[];
}

export interface ParsedFrequency {
  /** Undefined when the text says nothing that parses (`sometimes`, `q 6`). */
  repeat?: Repeat;
  /** `prn`, `p.r.n.`, `as needed`, … */
  asNeeded: boolean;
}

export interface ParsedDuration {
  value: number;
  /** For a range (`7-10 days`). */
  high?: number;
  unit: TimeUnit;
}

export interface ParsedQuantity {
  value: number;
  /** For a range (`0.25-0.5 mg`, `1-2 tablets`). */
  high?: number;
  /** The unit as shown to people (`mg`, `mL`, `tablet`); absent for a bare count. */
  unit?: string;
  /** The UCUM code, when the unit has one. */
  code?: string;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  once: 1,
  two: 2,
  twice: 2,
  three: 3,
  thrice: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  half: 0.5,
  'one-half': 0.5,
};

/** `4`, `0.5`, `.5`, `40,000`, `1/2`, `one`, `twice`, `half`; undefined otherwise. */
export function parseNumber(word: string): number | undefined {
  const w = word.trim().toLowerCase();
  if (w in NUMBER_WORDS) return NUMBER_WORDS[w];
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(w)) return Number(w.replace(/,/g, ''));
  if (/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(w)) return Number(w);
  // Only a proper fraction of a dose unit (`1/2`, `3/4`); `37/25` is a combination strength.
  const fraction = /^([1-9])\/([2-8])$/.exec(w);
  if (fraction && Number(fraction[1]) < Number(fraction[2])) {
    return Number(fraction[1]) / Number(fraction[2]);
  }
  return undefined;
}

/** Lower case, dots dropped except inside numbers (`q.4-6h.` → `q4-6h`), spaces collapsed. */
export function normalizeSig(text: string): string {
  return text
    .toLowerCase()
    .replace(/(?:\b[a-z]\.){2,}/g, (m) => m.replace(/\./g, '')) // `b.i.d.` → `bid`, `q.h.s.` → `qhs`
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\bq (?=\d)/g, 'q'); // `q 4 h` → `q4 h`
}

const NUM = String.raw`(\d+(?:\.\d+)?|\.\d+|[a-z]+(?:-half)?)`;
const TIME_UNITS: readonly [RegExp, TimeUnit][] = [
  [/^(?:s|secs?|seconds?)$/, 's'],
  [/^(?:min|mins|minutes?)$/, 'min'],
  [/^(?:h|hr|hrs|hours?)$/, 'h'],
  [/^(?:d|days?)$/, 'd'],
  [/^(?:w|wk|wks|weeks?)$/, 'wk'],
  [/^(?:mo|mos|months?)$/, 'mo'],
  [/^(?:y|yr|yrs|years?)$/, 'a'],
];

function timeUnit(word: string): TimeUnit | undefined {
  return TIME_UNITS.find(([re]) => re.test(word))?.[1];
}

const AS_NEEDED = /\b(?:prn|as needed|as required|when needed|if needed|as necessary)\b/g;

const FIXED: readonly [RegExp, Repeat][] = [
  [
    /^(?:qd|od|q ?day|daily|every ?day|each day|once (?:a|per|each) day|once daily|one a day|1 a day|a day|per day|(?:on )?a daily basis|daily basis)$/,
    { frequency: 1, period: 1, periodUnit: 'd' },
  ],
  [
    /^(?:bid|bd|twice (?:a |per |each )?day|twice (?:a )?daily|two times (?:a |per )?day|two times daily|2 times (?:a |per )?day|2 times daily|2x ?(?:a |per )?day)$/,
    { frequency: 2, period: 1, periodUnit: 'd' },
  ],
  [
    /^(?:tid|tds|three times (?:a |per )?day|three times daily|thrice daily|3 times (?:a |per )?day|3 times daily|3x ?(?:a |per )?day)$/,
    { frequency: 3, period: 1, periodUnit: 'd' },
  ],
  [
    /^(?:qid|qds|four times (?:a |per )?day|four times daily|4 times (?:a |per )?day|4 times daily|4x ?(?:a |per )?day)$/,
    { frequency: 4, period: 1, periodUnit: 'd' },
  ],
  [
    /^(?:qod|every other day|on alternate days|alternate days)$/,
    { frequency: 1, period: 2, periodUnit: 'd' },
  ],
  [
    /^(?:qhs|hs|at hs|at bedtime|bedtime|before bed|before bedtime|nightly at bedtime)$/,
    { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] },
  ],
  [
    /^(?:nightly|every night|each night|at night|qn|qpm nightly)$/,
    { frequency: 1, period: 1, periodUnit: 'd', when: ['NIGHT'] },
  ],
  [
    /^(?:qam|every morning|each morning|in the morning|q morning|am|daily in the morning)$/,
    { frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] },
  ],
  [
    /^(?:qpm|every evening|each evening|in the evening|q evening|pm|daily in the evening)$/,
    { frequency: 1, period: 1, periodUnit: 'd', when: ['EVE'] },
  ],
  [
    /^(?:in the afternoon|every afternoon)$/,
    { frequency: 1, period: 1, periodUnit: 'd', when: ['AFT'] },
  ],
  [/^(?:at noon|every noon)$/, { frequency: 1, period: 1, periodUnit: 'd', when: ['NOON'] }],
  [/^(?:ac|before meals)$/, { when: ['AC'] }],
  [/^(?:pc|after meals)$/, { when: ['PC'] }],
  [/^(?:with meals|with food)$/, { when: ['C'] }],
  [
    /^(?:weekly|once (?:a|per) week|every week|q ?week|qwk|q ?wk)$/,
    { frequency: 1, period: 1, periodUnit: 'wk' },
  ],
  [
    /^(?:monthly|once (?:a|per) month|every month|q ?month)$/,
    { frequency: 1, period: 1, periodUnit: 'mo' },
  ],
  [/^(?:hourly|every hour|q ?hour|qh)$/, { frequency: 1, period: 1, periodUnit: 'h' }],
];

/** `N times a day`, `3x daily`, `twice a week`. */
const TIMES_PER = new RegExp(
  `^${NUM} ?(?:times|x) ?(?:(?:a|per|each) )?(day|daily|week|weekly|month|monthly)$`,
);
/** `q6h`, `q4-6h`, `q 6 hours`, `every 6 hours`, `every four to six hours`, `q12 h`, `every 2 days`. */
const EVERY = new RegExp(
  `^(?:q|every|each) ?${NUM}(?: ?(?:-|to) ?${NUM})? ?(h|hr|hrs|hours?|min|mins|minutes?|d|days?|w|wk|wks|weeks?|mo|months?)$`,
);

/** Frequency text → FHIR `Timing.repeat` parts and as-needed. */
export function parseFrequency(text: string): ParsedFrequency {
  let s = normalizeSig(text);
  const asNeeded = AS_NEEDED.test(s);
  s = s
    .replace(AS_NEEDED, ' ')
    .replace(/\b(?:for pain|for sleep)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^(?:and|or|,| )+|(?:and|or|,| )+$/g, '')
    .trim();
  if (s === '') return { asNeeded };
  for (const [re, repeat] of FIXED) {
    if (re.test(s))
      return { repeat: { ...repeat, ...(repeat.when && { when: [...repeat.when] }) }, asNeeded };
  }
  const times = TIMES_PER.exec(s);
  if (times) {
    const n = parseNumber(times[1] ?? '');
    const unit: TimeUnit = /^day|daily/.test(times[2] ?? '')
      ? 'd'
      : /^week/.test(times[2] ?? '')
        ? 'wk'
        : 'mo';
    if (n !== undefined && Number.isInteger(n) && n > 0) {
      return { repeat: { frequency: n, period: 1, periodUnit: unit }, asNeeded };
    }
  }
  const every = EVERY.exec(s);
  if (every) {
    const low = parseNumber(every[1] ?? '');
    const high = every[2] === undefined ? undefined : parseNumber(every[2]);
    const unit = timeUnit(every[3] ?? '');
    if (
      low !== undefined &&
      low > 0 &&
      unit &&
      (every[2] === undefined || (high !== undefined && high > low))
    ) {
      return {
        repeat: {
          frequency: 1,
          period: low,
          ...(high !== undefined && { periodMax: high }),
          periodUnit: unit,
        },
        asNeeded,
      };
    }
  }
  return { asNeeded };
}

const DURATION_LEAD =
  /^(?:for (?:the )?(?:next |last |another |an additional |a total of )?|x ?|× ?|times |over (?:the next )?|during |next |total of )/;

/** Duration text → a length of time: `x 10 days`, `for the next 5 days`, `for one month`, `7-10 days`. */
export function parseDuration(text: string): ParsedDuration | undefined {
  let s = normalizeSig(text);
  for (let previous = ''; previous !== s;) {
    previous = s;
    s = s.replace(DURATION_LEAD, '').trim();
  }
  const m = new RegExp(`^${NUM}(?: ?(?:-|to) ?${NUM})? ?([a-z]+)$`).exec(s);
  if (!m) return undefined;
  const value = parseNumber(m[1] ?? '');
  const high = m[2] === undefined ? undefined : parseNumber(m[2]);
  const unit = timeUnit(m[3] ?? '');
  if (value === undefined || value <= 0 || !unit) return undefined;
  if (m[2] !== undefined && (high === undefined || high <= value)) return undefined;
  return { value, ...(high !== undefined && { high }), unit };
}

/** Units with a UCUM code: `[pattern, shown as, UCUM code]`. */
const UCUM_UNITS: readonly [RegExp, string, string][] = [
  [/^(?:mg|mgs|milligrams?)$/, 'mg', 'mg'],
  [/^(?:g|gm|gms|grams?)$/, 'g', 'g'],
  [/^(?:mcg|ug|µg|micrograms?)$/, 'mcg', 'ug'],
  [/^(?:kg|kilograms?)$/, 'kg', 'kg'],
  [/^(?:ml|mls|cc|ccs|milliliters?|millilitres?)$/, 'mL', 'mL'],
  [/^(?:l|liters?|litres?)$/, 'L', 'L'],
  [/^(?:meq|milliequivalents?)$/, 'mEq', 'meq'],
  [/^(?:mmol|millimoles?)$/, 'mmol', 'mmol'],
  [/^(?:iu|international units?)$/, 'IU', '[iU]'],
  [/^(?:tsp|teaspoons?|teaspoonfuls?)$/, 'teaspoon', '[tsp_us]'],
  [/^(?:tbsp|tablespoons?|tablespoonfuls?)$/, 'tablespoon', '[tbs_us]'],
  [/^(?:drops?|gtts?)$/, 'drop', '[drp]'],
];

/** Dose-unit words without a UCUM code, in the singular. */
const COUNT_UNITS: readonly [RegExp, string][] = [
  [/^(?:units?|u)$/, 'unit'],
  [/^(?:tabs?|tablets?)$/, 'tablet'],
  [/^(?:caps?|capsules?)$/, 'capsule'],
  [/^(?:puffs?)$/, 'puff'],
  [/^(?:sprays?)$/, 'spray'],
  [/^(?:patch|patches)$/, 'patch'],
  [/^(?:suppositor(?:y|ies))$/, 'suppository'],
  [/^(?:inhalations?)$/, 'inhalation'],
  [/^(?:ampoules?|ampules?|amps?)$/, 'ampoule'],
  [/^(?:vials?)$/, 'vial'],
  [/^(?:lozenges?)$/, 'lozenge'],
  [/^(?:packets?|sachets?)$/, 'packet'],
];

/** The display and UCUM code of a unit word, if it is one this module knows. */
export function parseUnit(word: string): { unit: string; code?: string } | undefined {
  const w = word.trim().toLowerCase();
  const ucum = UCUM_UNITS.find(([re]) => re.test(w));
  if (ucum) return { unit: ucum[1], code: ucum[2] };
  const count = COUNT_UNITS.find(([re]) => re.test(w));
  return count ? { unit: count[1] } : undefined;
}

/**
 * An amount: `30ml`, `0.5 cc`, `40 mg`, `40,000 units`, `two`, `1-2`, `2 puffs`, `0.25-0.5 mg`.
 * Ratios and percentages (`400mg/5ml`, `5/325 mg`, `0.25%`) are concentrations, not amounts, and
 * give undefined.
 */
export function parseQuantity(text: string): ParsedQuantity | undefined {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/%|\/\s*\d*\s*(?:ml|l|cc)\b|\d\s*\/\s*\d+\s*[a-z]/.test(s)) return undefined;
  const m =
    /^(\d[\d,]*(?:\.\d+)?|\.\d+|\d+\/\d+|[a-z]+(?:-half)?)(?: ?(?:-|to) ?(\d+(?:\.\d+)?|[a-z]+))? ?([a-zµ]+)?$/.exec(
      s,
    );
  if (!m) return undefined;
  const value = parseNumber(m[1] ?? '');
  const high = m[2] === undefined ? undefined : parseNumber(m[2]);
  if (value === undefined || (m[2] !== undefined && (high === undefined || high <= value)))
    return undefined;
  const range = high !== undefined ? { high } : {};
  if (m[3] === undefined) return { value, ...range };
  const unit = parseUnit(m[3]);
  return unit ? { value, ...range, ...unit } : undefined;
}
