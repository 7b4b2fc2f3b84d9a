/**
 * The trigger terms of the status step (ConText's lexicon): each a pattern with the status it
 * signals and the direction in which it reaches (forward to drugs after it, backward to drugs
 * before it, or both), and how they are found in a text (longest match first, no overlaps).
 */
import type { TriggerRule } from './status-types.ts';
import { MATCHES_PER_STEP, scan } from './steps.ts';
import { ADVERSE_RULES } from './status-adverse-rules.ts';
import { ALLERGY_RULES } from './status-allergy-rules.ts';
import { GIVEN_AND_ACTIVE_RULES } from './status-given-rules.ts';
import { HELD_AND_PLANNED_RULES } from './status-planned-rules.ts';
import { SWITCH_AND_REMARK_RULES } from './status-remark-rules.ts';
import { SIDE_EFFECT, W } from './status-vocabulary.ts';

export { SIDE_EFFECT, W };
/** The trigger terms. Patterns are case-insensitive and matched on word boundaries. */
const RULES: readonly TriggerRule[] = [
  ...ALLERGY_RULES,
  ...ADVERSE_RULES,
  // negated
  {
    status: 'negated',
    direction: 'forward',
    pattern: W(
      "(?:no|denies|denied|without) (?:\\w+ )?(?:known )?(?:drug )?(?:allergy|allergies) to|no (?:clear |current )?indication (?:at this (?:point|time) |currently |now )?for|(?:cannot|can not|can't|unable to) (?:take|use|receive|have|get)|(?:will|would|should|is|are) not (?:to )?be (?:given|started|restarted|prescribed|placed on|put on)|(?:do|does|did|should|must|will) not (?:necessarily |really )?(?:restart|resume|take|use|give|receive|get|start|continue|need|prescribe|order|refill|renew)(?: any ?more)?|(?:will|would|are|am|is) not be (?:starting|giving|prescribing|adding|using|ordering|refilling|renewing|continuing)(?: (?:any|him|her|them))?|don't (?:restart|resume|take|use|give|start)|not (?:to )?(?:restart|resume|take|use|give|receive|start)|not (?:currently |presently |now )?(?:on|taking|using|receiving|given|an? (?:good |suitable |appropriate )?candidate for)(?: any)?|(?:is|was|are|were) not (?:on|taking|using|given|receiving|(?:discharged|sent home|started|placed|put) on)(?: any)?|(?:not|never) (?:been )?treated with(?: any)?|(?:has|have|had) not been on(?: any)?|(?:has|have|had|did) not (?:required|needed|require|need) any|(?:decided|elected|opted|chose|advised|recommended|cautioned|counseled|counselled|warned) (?:(?:him|her|them|the patient) )?against(?: (?:starting|using|giving|adding|restarting|resuming|taking|the use of))?|(?:cautioned|warned) (?:(?:him|her|them|the patient) )?(?:about|regarding) (?:using|taking|the use of)(?![^.;]{0,80}?\\b(?:with|while|before|after|during|on an empty|more than|too much|too often|in excess|together|at the same time)\\b)|never (?:took|taken|used|been on|on|received|needed|required|tried|started|began)|(?:(?:has|have|had|did) not|hasn't|haven't|hadn't|didn't) (?:yet )?(?:tried|try)|never been (?:prescribed|given|started on|treated with|placed on|put on)|(?:has|have|is|are) yet to (?:start|begin|take|fill|pick up|try|receive)(?: (?:the|his|her|their))?|never (?:filled|picked up) (?:the |his |her |a )?(?:prescriptions?|scripts?|Rx)(?: (?:for|of))?|(?:not|denies|denied)(?: \\w+){0,6}? ever (?:taken|used|been on|received|tried|had)|(?:(?:has|have|had) not|hasn't|haven't|hadn't) (?:had|received)(?! (?:(?:much|significant|any|a|good|great) )?(?:improvement|relief|benefit|response|success|change|problems?|side effects?|issues?|trouble|difficulty|luck)\\b)(?: any)?|denies(?: (?:taking|using|any|use of))?|denied(?: (?:taking|using|any))?|(?:does|do|did) not have (?:a |any )?(?:history of )?(?:being on|taking|using)|(?:too risky|not safe|unsafe|too dangerous) to (?:use|give|start|take|continue)|(?:(?:does|do|did) not|doesn't|don't|didn't) want to (?:take|use|start|try|be on|receive|have)(?: any)?|(?:would|do|does|did|will) not (?:recommend|suggest|advise)(?! (?:stopping|discontinuing|holding|changing|switching|tapering|weaning|that|against)\\b)(?: (?:any|the use of|using|starting|adding))?|avoid(?:ing|s|ed)?(?: (?:taking|using|giving|starting|restarting)(?: (?:any|the|his|her))?)?(?! (?:over[ -]?)?\\w+ing\\b)|(?:refrain|restrain|abstain)(?:s|ed|ing)? from(?: (?:using|taking))?(?: any)?|contraindicat(?:ed|ion) (?:to|for)|contraindicated(?=:)|preclud(?:es|ed|ing) (?:the )?(?:use of|treatment with)?|no (?:further |longer (?:a |any )?)?need for|no (?:recent |prior |regular |current |routine )?use of|(?:do|does|did) not (?:think|feel|believe) (?:that )?(?:he|she|they|the patient|this|it) (?:needs|requires|warrants|need|require|warrant)(?! to\\b)(?: any)?|negative for|avoidance of|stay(?:s)? off(?: of)?|remain(?:s)? off(?: of)?|(?:not|no) (?:\\w+ ){0,5}?(?:necessary|indicated|needed|required) to (?:prescribe|give|start|use|continue)(?: (?:him|her|them))?(?: (?:any|a))?|could not (?:be )?(?:given|administered|obtained|used|receive|get|take)|(?:insurance|the insurer|the plan) (?:has )?(?:denied|did not cover|does not cover|would not cover|will not cover|won't cover)(?: (?:the|his|her|their))?",
    ),
    // `avoid NSAIDs and take Tylenol instead`: what is to be taken is not avoided.
    // `Negative for chest pain on Lipitor`: what is denied is the symptom, not the drug.
    until:
      '\\b(?:and|but|then) (?:to )?(?:take|use|start|continue)\\b|\\b(?:pain|symptoms?|effects?|problems?|issues?|complaints?|rash|cough|nausea|dizziness|swelling|bleeding|hypoglycemia) (?:while )?on\\b',
  },
  {
    status: 'negated',
    direction: 'forward',
    pattern: W(
      'but not|and not|neither|nil|no(?! (?:improvement|relief|benefit|change|response|evidence|side effects?|problems?|adverse|abnormal|significant|acute|new|further|enhancement))|without|nor|lack of|absence of',
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
    // `no further antibiotics`, `never picked up the Jardiance`, `never had a pneumococcal
    // vaccine`: right before the drug; `left AMA before receiving the ceftriaxone`.
    status: 'negated',
    direction: 'forward',
    pattern: W(
      "(?:left|eloped|signed out)(?: AMA| against medical advice)? before (?:receiving|getting|being given)(?: (?:the|his|her|any))?|no (?:further|more(?! than)|additional)|(?:never|did not|didn't|has not|hasn't|have not) (?:picked up|pick up|filled|fill)(?: (?:the|his|her))?(?: (?:prescriptions?|scripts?|Rx) (?:for|of))?|never (?:had|gotten|got)(?: (?:a|an|any|the))?",
    ),
    maxWords: 1,
  },
  {
    status: 'negated',
    direction: 'both',
    pattern: W(
      '(?:has|have|had) (?:not|never) (?:yet )?been tried|(?:was|were|is|are|has been|have been) (?:not|never) (?:(?:yet )?tried|given|started|used|taken|prescribed|restarted|resumed|administered|infused|instilled|injected|offered|recommended|ordered)|(?:was|were|has been|have been) (?:denied|not covered|rejected) by (?:the |his |her )?(?:insurance|insurer|insurance company|plan)|(?:has|have|had) not (?:yet )?(?:begun|started|been (?:started|begun|filled|taken))|(?:has|have|had) not (?:yet )?(?:taken|used|received)|not yet (?:begun|started|taken|filled)|(?:is|are|was|were) contraindicated|considered,? but (?:was |were )?not (?:given|started|used|prescribed|pursued)|not given|declined|declines|declining|decline(?! (?:in|of)\\b)|refused|refuses|refusing|refuse',
    ),
    crossesBut: true,
  },
  {
    status: 'negated',
    direction: 'backward',
    pattern: W(
      '(?:should|must|is to|are to) be avoided|(?:has|have) been avoided|(?:was|were) avoided|(?:was|were) never (?:started|given|filled|taken|used|begun|prescribed)|(?:was|were|is|are|will be|has been|have been) (?:\\w+ )?(?:deferred|not indicated|not needed|not required)',
    ),
  },
  {
    // Right after the drug: `Aspirin is not an option`, `Opioids are off the table`, `Metformin is
    // out because of her kidney function` (not `once the catheter is out`).
    status: 'negated',
    direction: 'backward',
    pattern: W(
      '(?:is|are) not an? (?:option|choice|alternative)|(?:is|are) off the table|(?:is|are) out(?= because| due to| given| for now|\\s*[.,;]|\\s*$)',
    ),
    adjacent: true,
  },
  {
    // A prescription never filled or never written (`but was unable to get it filled`).
    status: 'negated',
    direction: 'backward',
    pattern: W(
      "(?:unable to|could not|couldn't|did not|didn't|never) (?:get|have) (?:it|this|them|the prescriptions?) filled|(?:never|did not|didn't) (?:fill(?:ed)?|pick(?:ed)? up) (?:it|this|them|the prescriptions?)|(?:never|did not|didn't) (?:give|gave|write|wrote|send|sent) (?:him |her |them |the patient )?(?:a |the )?prescriptions? for (?:it|this|them)|(?:and |but )?(?:never|did not|didn't) (?:start(?:ed)?|take|took|taken|try|tried) (?:it|this|them)",
    ),
    anaphor: true,
  },
  // stopped
  {
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      'stop(?:ped|ping)? (?:taking|using)|(?:started|tried|took) and (?:then |later )?(?:stopped|discontinued|quit)|(?:was |were )?substituted for(?: (?:the|his|her))?|stopped (?:her|his|the)|discontinue (?:taking|using)|(?:status post|s/p) (?:\\w+ )?(?:treatment|therapy|chemotherapy) with|discontinued (?:her|his|the)|taken off(?: of)?|came off(?: of)?|(?:weaned|tapered) off(?: of)?|(?:previously|formerly|originally) (?:also )?(?:been )?(?:on|taking|took|used|tried|treated with|received|responded (?:well )?to|did (?:well|better) (?:on|with))|quit (?:taking|using)|had been (?:\\w+ )?(?:treated|pretreated) with|(?:was|were) (?:initially|originally|briefly|once|formerly) on|had been on|used to (?:take|be on)|(?:did not|failed to) respond to(?: (?:\\w+ ){0,2}?with)?|tried (?:\\w+ ){0,6}?medications?,? (?:which|that) (?:have |has )?included|(?:a )?history of (?:being on|taking|using)(?! (?:this|that|these|those|it|them)\\b)|(?:treated|managed) successfully with|successfully (?:treated|managed) with|no longer (?:taking|on|using|takes|uses|gets|receives|needs|requires|needing|requiring)(?: (?:his|her|the))?|(?:switched|changed|converted|transitioned|cross-?taper(?:ed)?) (?:\\w+ )?from|(?:since|after) (?:stopping|discontinuing|coming off)|(?:discontinuation|cessation|withdrawal) of|no (?:\\w+ )?response to|(?:tapered|weaned) (?:off )?(?:of|from)|(?:was|were) (?:\\w+ )?removed from|fail(?:s|ed)? to respond to|(?:do|does) not (?:think|feel|believe) (?:\\w+ )?needs? to (?:be on|take|continue|stay on|remain on|keep taking)|(?:failed|finished|completed|status post|s/p) (?:a |an |his |her |the )?(?:[\\w-]+ ){0,2}?(?:courses?|trials?|cycles?|rounds?) of|(?<!\\b(?:be|been|being) )(?:given|received|took|had|required|requiring) (?:a |an )?(?:\\w+[- ]){0,2}?(?:courses?|trials?|cycles) of|(?:repeated|multiple|several) (?:courses|cycles) of|failed|quit|tried',
    ),
    until: W('to|onto'),
  },
  {
    // `I have changed his verapamil for a long acting beta-blocker`, `changed antibiotic regimen
    // to`, `replaced his hydrochlorothiazide with`: the drug switched away from (`replaced her
    // potassium` with no `with`/`by` after it is a repletion).
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      '(?:changed|switched|swapped) (?:his|her|their|the)|replaced (?:his|her|their|the)(?=\\s[^.;]{1,60}?\\s(?:with|by)\\s)|(?:changed|switched)(?=\\s+(?:[\\w-]+\\s+)?(?:regimens?|regiment|therapy|coverage)\\s+to\\b)',
    ),
    maxWords: 0,
  },
  {
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      '(?<!\\bto (?:(?:come|be|go) )?(?:(?:him|her|them) )?|\\bdays? |\\bon and )off(?! and on)(?: of)?',
    ),
    maxWords: 2,
  },
  {
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      "(?:took|had|received|got) (?:his|her|their|the) (?:last|final) doses? of|(?:did|had) try|(?:was|were) tried on|(?:(?:has|have|had) )?tried (?:taking|using)|(?:has|have|had) tried|(?:did|does|has done) (?:poorly|badly) (?:on|with)|(?:did not|didn't|has not|hasn't) (?:do|done) well (?:on|with)",
    ),
  },
  {
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      '(?:ran|run|runs|running) out of|(?:is|are|was|were|(?:has|have|had) been) out of(?: (?:his|her|the|their))?(?= +\\S+ *(?:[.,;]|$| (?:for|since|and)\\b))|(?:finished|completed)(?: (?:taking|his|her|the|a|an))?|(?:after|since|upon|on) (?:finishing|completing)(?: (?:taking|his|her|the|a|an))?',
    ),
    maxWords: 4,
  },
  {
    status: 'stopped',
    direction: 'forward',
    // `remote use of Accutane`: a use long over (not `remote history of MI`).
    pattern: W(
      'instead of|previous|prior(?! to| (?:ablations?|surger(?:y|ies)|procedures?|operations?|stents?|stenting|PCI|CABG|biops(?:y|ies)|MI|infarcts?|strokes?|CVA|admissions?|hospitalizations?|visits?|studies|study|imaging|films?|exams?)\\b)|recent (?:\\w+ )?(?:course|trial|round) (?:of|with)|(?:despite|after|following) (?:a|an|one|two|three|four|several|multiple|\\d+) (?:\\w+ )?(?:courses?|trials?|rounds?) (?:of|with)|(?:status post|s/p) (?:\\d+|one|two|three|four|five|six|seven|ten|fourteen|several) (?:days?|weeks?|months?|doses?) of|remote (?:(?:history of )?(?:use|trial|course|treatment) (?:of|with))',
    ),
    maxWords: 3,
  },
  {
    // `Past medications include Paxil and Wellbutrin`: a list named as past ones, in a sentence
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      '(?:past|previous|prior|former|old) (?:medications?|meds|medication trials)(?: (?:include|included|have included|were|are|tried))?',
    ),
  },
  {
    status: 'stopped',
    direction: 'both',
    // `on d/c`, `at d/c`: discharge, not a stop; `for 5 days, then stop.`: a course's end to come.
    // `ceased` is the Australian and British word.
    pattern: W(
      "(?<!\\buntil )discontinued|discontinue(?!(?<=\\bthen discontinue)\\s*(?:[.,;)]|$))|discontinuing|deprescrib(?:ed|ing)|(?<!\\buntil )ceased|cease(?!(?<=\\bthen cease)\\s*(?:[.,;)]|$))|ceasing|stopped|stopping|stop(?!(?<=\\bthen stop)\\s*(?:[.,;)]|$))|d/c'?d|dc'?d|(?<!\\b(?:on|at|upon|after|before|until|for|to|post|prior to) )d/c",
    ),
    // `stop Motrin and use Tylenol instead`: the drug to use is not stopped.
    until: W('(?:and|then) (?:use|take|start|begin|try|switch|change|resume|continue)'),
  },
  {
    status: 'stopped',
    direction: 'backward',
    pattern: W(
      "(?:was|were|(?:has|have|had) (?:since |now |already |subsequently |recently )?been) (?:\\w+ )?(?:discontinued|stopped|ceased|tapered off|weaned(?! off))|(?:reduced|decreased|tapered|weaned(?: down)?) and (?:now |then |later |since )?(?:discontinued|stopped)|(?:(?:is|are) (?:currently |now |presently )?|(?:and )?(?:currently|presently|now) )(?:discontinued|stopped)(?! (?:if|when|for|in case)\\b)|(?:was|were|has been|have been|had been) replaced (?:with|by)|(?:titrated|weaned|tapered) off(?=\\s*[.,;)]|\\s*$| (?:at|on|by|over|after|in|since|last|yesterday|today)\\b)|any ?more|from (?:a |an |his |her )?(?:previous|old|prior) prescriptions?|(?:was|were|has been|have been) (?:switched|changed|converted) (?:over )?to|(?:was|were|has been|have been) transitioned (?:over )?to(?<!\\b(?:he|she|they|patient|pt|who|well and) (?:was|were|has been|have been) transitioned (?:over )?to)|(?:was|were|has been|have been) (?:broadened|narrowed|de-?escalated|escalated|stepped down) to|(?:completed|finished) (?:on )?(?:in (?:19|20)\\d\\d|last (?:week|month|year)|\\d+ (?:days|weeks|months|years) ago|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)|(?:taper|course|cycles?|therapy|treatment|series),? (?:was |were |has been |is )?(?:completed|finished|complete)|(?:started|begun) (?:on )?\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?,? (?:and )?(?:d/c'?d|dc'?d|discontinued|stopped) (?:on )?\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|(?:in|during) (?:childhood|the past)|as a (?:child|teenager)|\\d+ (?:years|months) ago|years ago|in the past|(?<!\\b(?:minutes?|hours?|hrs?|mins?|days?|just|right|shortly|night|the day|even|never|ever|it|and|or) )before(?!,\\s*(?:during|after|or|and|while)\\b)(?=\\s*(?:[.,;)]|$|(?:and|but) (?:did|was|it|he|she|they|had|felt)\\b))|previously(?! (?:prescribed|noted|mentioned|described|discussed|stated|reported|documented|scheduled|planned|directed))(?!\\s+\\)|\\s*\\d)|formerly",
    ),
  },
  {
    status: 'stopped',
    direction: 'backward',
    pattern: W(
      "(?:which|that) (?:(?:he|she|they|the patient) (?:says?|reports?|states?|claims?) )?(?:he|she|they|the patient) no longer (?:takes?|uses?|needs?)|(?:but|and) (?:then |later |eventually |since )?(?:stopped|discontinued|quit)(?: (?:taking|using))?(?=\\s*[.,;:)]|\\s*$)|(?:(?:this|it|that|which|these|those|they|(?:all|both|each) of (?:which|them|these|those)) (?:was|were|has been|have been|had been|has now been|have now been) (?:then |later |subsequently |eventually )?(?:discontinued|stopped|d/c'?d|tapered off|weaned off)|(?:which|this|it) (?:was|were|has been|had been) (?:then |later |subsequently |eventually )?(?:switched|changed|converted|transitioned|bridged) (?:over )?to|(?:and )?then (?:was |were )?(?:switched|changed|converted|transitioned|bridged) (?:over )?to|which (?:he|she|they|the patient|we|I) (?:\\w+ )?(?:failed|stopped|discontinued|quit)(?: taking| using)?|which (?:we|I) (?:are|am) going to (?:stop|discontinue)|(?:was|were|has been|have been) (?:recently )?(?:taken|weaned|came) off (?:of )?(?:those|these|both|all of (?:those|these|them)) (?:medications|meds|drugs|agents)|(?:which|that) (?:he|she|they|the patient) (?:has |had )?(?:completed|finished)(?: (?:\\d+|a|one|two|three|several) (?:days?|weeks?|months?) ago| last (?:week|month))?|which (?:we|I) (?:will|plan to) (?:stop|discontinue)|(?:which|that) (?:he|she|they|the patient) (?:has|have|had) not (?:taken|used|been taking|been using)(?=\\s*[.,;)]|\\s*$|\\s+(?:for|since|in|at|any ?more|lately|recently|regularly|consistently)\\b)|(?:it|this|that|which|they) (?:has |have |had )?(?:eventually |then |later )?(?:stopped|ceased) (?:working|helping)|(?:it|this|that|which|they) no longer (?:works?|worked|helps?|helped)|no longer (?:taking|using)(?=\\s*[.,;)]|\\s*$)|(?:which|and (?:that|it|this)) (?:did not|didn't|has not|had not|does not) (?:really )?help(?:ed)?|fail(?:s|ed)? to respond to (?:these|them|it|this))|(?:discontinued|stopped|d/c'?d)(?: taking| using)? (?:this|it|them)(?=\\s*[.,;:)]|\\s+(?:on|in|at|after|because|due|since|for|when|as|and|but)\\b|\\s*$)",
    ),
    anaphor: true,
  },
  {
    // `He was weaned off Coumadin`, and `Levophed was weaned off` (no drug after it: backward).
    status: 'stopped',
    direction: 'both',
    pattern: W('(?:was|were|been) (?:taken|weaned|tapered) off(?: of)?'),
  },
  {
    // `Trials of Lyrica and Cymbalta were unsuccessful`: courses over, for the whole list.
    status: 'stopped',
    direction: 'backward',
    pattern: W(
      "(?:was|were|had been) (?:unsuccessful|ineffective|not (?:effective|helpful|successful)|of no (?:help|benefit))|(?:have|has|had) not (?:helped|worked)|(?:did not|didn't) (?:help|work)(?= much\\b|\\s*[.,;]|\\s*$)|(?:both |all )?(?:failed|did nothing|did not work|didn't work)(?=\\s*[.,;]|\\s*$| (?:for|and|to help)\\b)",
    ),
    list: true,
  },
  {
    // `had her on hydroxychloroquine for years before switching to methotrexate`: the drug left;
    // `Her Remicade lapsed`, `was traded for`, `was tapered to nothing`, `was dropped`.
    status: 'stopped',
    direction: 'backward',
    pattern: W(
      '(?:before|prior to|until) (?:being |(?:he|she|they) (?:was|were) )?(?:switching|switched|changing|changed|transitioning|transitioned|transition|converting|converted|conversion) (?:over )?to|lapsed|(?:was|were) (?:traded|swapped|exchanged) (?:out )?for|(?:was|were) (?:tapered|weaned) (?:down )?to (?:nothing|zero|off)|(?:was|were) dropped|went by the wayside|(?:has|have) not been (?:necessary|needed|required) since',
    ),
  },
  ...SWITCH_AND_REMARK_RULES,
  {
    // `No relief with Tylenol, ibuprofen or Norco`: courses tried, over.
    status: 'stopped',
    direction: 'forward',
    pattern: W('(?:no|without|little|minimal) (?:\\w+ )?relief (?:with|from)(?: (?:the|his|her))?'),
  },
  {
    // `gave up on the Ambien`, `cut out the Benadryl`, `has been free of steroids`, `has been
    // without his Eliquis since the bleed`.
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      '(?:gave|give|gives|giving) up(?: on)?(?: (?:the|his|her|their))?|cut out(?: (?:the|his|her|their))?|(?:has|have|had) been (?:free of|without)(?: (?:the|his|her|their))?',
    ),
    maxWords: 5,
  },
  {
    // `Antibiotics were completed in the hospital`: the drug's course, right after it (not `the
    // procedure was completed`); a medication list's note after a dash, a comma or in brackets:
    // `Amoxicillin - completed`, `Lovenox injections, completed post-op`.
    status: 'stopped',
    direction: 'backward',
    pattern:
      W('(?:was|were|has been|have been) (?:completed|finished)') +
      '|(?:(?<=\\s)[-–]|\\(|,)\\s*(?:course )?(?:completed|finished)\\b|(?:(?<=\\s)[-–]|\\()\\s*(?:course )?done\\b',
    adjacent: true,
  },
  {
    // `The patient's Coumadin was reversed with vitamin K`: its effect undone, the drug stopped.
    status: 'stopped',
    direction: 'backward',
    pattern: W('(?:was|were|has been|had been) reversed'),
    adjacent: true,
  },
  {
    // A stop noted in brackets after the drug and its sig (`Aspirin 81 mg (patient stopped taking)`).
    status: 'stopped',
    direction: 'backward',
    pattern:
      "\\((?:(?:the )?(?:patient|pt|she|he|they) )?(?:has |had |was |self[- ])?(?:stopped|discontinued|quit|ended|d/c'?d)\\b",
  },

  {
    // The same for a drug to avoid: `Ibuprofen - avoid`.
    status: 'negated',
    direction: 'backward',
    pattern: '(?:(?<=[^\\S\\n])[-–]|\\()\\s*(?:avoid|do not (?:use|take|give))\\b',
    adjacent: true,
  },
  {
    // And for one to come: `Lovenox 40 mg daily - to start after surgery`, `Shingrix - due 04/2024`.
    status: 'planned',
    direction: 'backward',
    pattern:
      '(?:(?<=\\s)[-–]|\\()\\s*(?:to (?:start|begin)|start(?:ing)? (?:on|after|in|next|tomorrow)|due(?: (?:on|in|by))?(?= \\d| next\\b))\\b',
  },
  {
    // A medication list's note in brackets (`aspirin 81 mg daily (not taking)`, `[patient reports
    // not taking]`).
    status: 'negated',
    direction: 'backward',
    pattern:
      '[([](?:(?:the )?(?:patient|pt) )?(?:reports? |states? |says? )?not (?:currently )?(?:taking|using)\\b',
  },
  {
    status: 'allergy',
    direction: 'backward',
    pattern: W(
      '(?:did not|could not|does not|cannot|unable to|never) tolerate (?:it|this|that|them|both(?: of them)?|either(?: of them)?)',
    ),
    anaphor: true,
  },
  {
    // `after Coumadin discontinuation`: the drug was stopped. Not `withdrawal`, which in notes names
    // a syndrome watched for in a drug still taken (`no concern for benzo withdrawal`).
    status: 'stopped',
    direction: 'backward',
    pattern: W('discontinuation|cessation'),
    adjacent: true,
  },
  {
    status: 'stopped',
    direction: 'backward',
    pattern: W(
      '(?:without|with no|with little) (?:\\w+ ){0,2}?(?:benefit|improvement|relief|success|(?<!\\b(?:adverse|side|ill|untoward) )effect|response)',
    ),
    list: true,
  },
  ...HELD_AND_PLANNED_RULES,
  ...GIVEN_AND_ACTIVE_RULES,
];

const COMPILED = RULES.map((rule) => [rule, new RegExp(rule.pattern, 'gi')] as const);
export const UNTIL = new Map(
  RULES.flatMap((rule) => (rule.until === undefined ? [] : [[rule, new RegExp(rule.until, 'i')]])),
);

export interface Trigger {
  start: number;
  end: number;
  rule: TriggerRule;
}

/** The triggers in `text` (in steps: ./steps.ts). */
export function* findTriggers(text: string): Generator<void, Trigger[]> {
  const found: Trigger[] = [];
  for (const [rule, re] of COMPILED) {
    yield* scan(text, re, (m) => {
      if (m[0].length > 0) found.push({ start: m.index, end: m.index + m[0].length, rule });
    });
    yield;
  }
  // Longest first; a match that overlaps a longer one is dropped. `kept` stays sorted by start and
  // free of overlaps, so each match is checked against its two neighbours only.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  yield;
  const kept: Trigger[] = [];
  for (const [i, t] of found.entries()) {
    if ((i + 1) % MATCHES_PER_STEP === 0) yield;
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
export function lowerBound(length: number, isAtOrAfter: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAtOrAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
