/**
 * The `given` and `active` triggers of the status step (./status-triggers.ts has the others and
 * how they are found): doses of the encounter the note describes, orders in a plan, and the words
 * that tell a drug is taken now (and a drug of the procedure not given).
 */
import type { TriggerRule } from './status-types.ts';
import { W } from './status-vocabulary.ts';

/** A finding that answered to a dose, in the simple past (`improved`, `responded well`, `was relieved`). */
export const ANSWERED =
  '(?:improved|resolved|settled|eased|cleared|broke|came down|firmed(?: up)?(?: well)?|corrected|subsided|abated|normalized|rose|responded(?: well| nicely| promptly| quickly| briefly)?|(?:was|were) (?:relieved|controlled|managed|achieved|corrected)|felt (?:much |a lot |somewhat )?better|was (?:much |a lot |somewhat )?(?:more comfortable|better))';

export const GIVEN_AND_ACTIVE_RULES: readonly TriggerRule[] = [
  // given
  {
    status: 'given',
    direction: 'forward',
    pattern: W(
      "(?:(?:was|were|is|been) (?:then )?)?medicated with|(?:later|eventually|then|finally) accepted(?! (?:a |the )?prescriptions?\\b)|(?:was|were) treated (?:for|as) (?:an? |the |his |her )?(?!(?:that|this|it|them)\\b)(?:[\\w'/-]+ ){1,4}?with|(?:was|were|is|been) (?:then )?(?:given|administered|treated with|premedicated with|induced with|infiltrated with|injected with|infused with|irrigated with|lavaged with|prepped with|bolused(?: with)?|loaded with|transfused(?: with)?)|given(?! (?:his|her|their|the|that|this|its|a history))|received|did receive|administered|infiltrated(?: with)?|injected(?: with)?|irrigated(?: with)?|instilled|induced with|premedicated with|prepped(?: and draped)?(?: with| using)?|(?:bolus|(?:a|one|single|unit|loading|stat|test) dose) of(?<!\\b(?:miss|misses|missed|missing|skip|skips|skipped|skipping|forgot|forgets|forgetting) (?:bolus|(?:a|one|single|unit|loading|stat|test) dose) of)|(?:was|were) (?!(?:previously|formerly|once|originally)\\b)(?:\\w+ )?(?:re-?)?treated (?:in the (?:emergency room|ER|emergency department) |(?:\\w+ )?for (?!(?:that|this|it|them)\\b)\\w+ )?with(?: both)?|with and without|with ?/ ?without|administration of|(?:utilized|used) as|(?:mixture|combination|solution) of|anesthetized (?:\\w+ ){0,3}?with|(?<!\\b(?:have|has) )treated (?:him|her|them|the patient)(?: \\w+)? with|(?:was|were) treated on(?! \\d)|(?:after|before|by) giving(?: (?:him|her|them))?(?: some)?|(?:despite|after|before) receiving|(?:was|were) brought down with|(?:multiple|repeated) rounds of|(?:multiple|several|repeated|\\d+|two|three|four|five) (?:boluses|pushes) of|(?:after|following) (?:the )?(?:use|inhalation) of|(?:have|has|had) given (?:him|her|them|the patient)(?: (?:a|an|the|some))?|(?:after|following) (?:\\d+|several|a few) (?:minutes|hours|doses) of(?: continuous)?|(?:after|following|from) (?:ingesting|swallowing|an? (?:\\w+ )?(?:overdose|ingestion) of|overdosing on)|underwent (?:\\w+ ){0,2}?(?:chemotherapy|treatment|therapy|infusions?|injections?|a course) (?:with|of)|(?:was|were) sprayed with|(?:bleeding|hemostasis) (?:was )?(?:controlled|achieved|obtained) with(?: (?:\\w+ ){0,2}?(?:cautery|electrocautery) and)?|(?:was|were) stressed (?:by|with)|requiring dos(?:ing|es) of|(?:required|needed|requiring|needing) (?:a |one |two |three |four |\\d+ |several |multiple )?(?:\\w+ )?doses? of|(?:cycle|course|round|dose) (?:#?\\d+|one|two|three|four|five|six|seven|eight|nine|ten) of|(?:\\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|final) (?:cycle|course|round|dose) of|(?<=\\b(?:was|were|been) reversed )with|(?<!\\b(?:was|were|been) )reversed (?:\\w+ )?with|(?:augmented|bridged|covered|diuresed|hydrated|resuscitated|sedated|dilated|numbed|anticoagulated(?<=\\b(?:was|were|been|being|and|then) anticoagulated)|heparinized|paralyzed|repleted) (?:\\w+ )?with|gave|using(?= (?:\\d|a |an |approximately|about))|(?:was|were) (?:performed|done|carried out|achieved|obtained) (?:\\w+ ){0,2}?using",
    ),
  },
  {
    status: 'given',
    direction: 'backward',
    pattern: W(
      '(?:has|have) been (?:given|administered)(?= and\\b|[.,;]|$)|(?<!\\bnot )given(?=\\s*[.,;]|\\s*$)|(?:was|were) (?:then |also |already )?(?:slowly |carefully |gently |subsequently |immediately )?(?:given|administered|injected|infiltrated|instilled|used|utilized|applied|updated|placed(?! (?:back )?on\\b)|irrigated|infused|pushed|put into|dripped|poured|painted|added to (?:the (?:patient\\W?s )?|his |her )?(?:IV|intravenous|fluids?|bag|drip|infusion|bottle))|used (?:was|were)|(?:was|were) started in the (?:emergency room|emergency department|ER|ED)|(?:was|were) (?:\\w+ )?(?:replaced|repleted)(?= (?:orally|intravenously|IV|p\\.o\\.|as (?:needed|necessary|required))|\\s*[.,;]|\\s*$)|(?:was|were) (?:needed|required)(?=\\s+(?:(?:x ?\\d+|once|twice|\\d+ times|several times)\\s+)?(?:for|overnight|during|in the)\\b)|given(?=[ \\t]+(?:x ?\\d+|once|at \\d+|without (?:any )?(?:reaction|incident|complications?|problems?|difficulty)|with (?:good |some |partial |little |no )?(?:relief|effect|response|improvement)|today|now|this (?:morning|afternoon|evening)|tonight|here|in (?:the )?(?:ED|ER|emergency|clinic|office|casualty|A&E|triage)|prior to|before|during|per (?:protocol|orders?|MD|sliding scale|pharmacy)|in the (?:left|right)|into the|for (?!(?:his|her|their|the|a|an|\\d+|one|two|three|four|several|a few) )\\w+)\\b)|administered(?=[ \\t]+(?:x ?\\d+|once|at \\d+|in the|prior to|before|during|for|today|this (?:morning|afternoon|evening)|now|here)\\b|\\s*[.;]|\\s*$)|infusing over|(?:given|administered) (?:in the (?:emergency room|ER|emergency department)|preoperatively|intraoperatively|prior to)',
    ),
  },
  {
    // `IVIG was done x1`, `injections with lidocaine were performed today`, a stress test's agent
    // (`during dobutamine stress`, `during dobutamine infusion`), a dose `infused`, `Pitocin
    // augmentation`: right after the drug.
    status: 'given',
    direction: 'backward',
    pattern: W(
      '(?:was|were) (?:performed|done)(?= (?:today|here|x ?\\d+|in (?:the )?(?:ED|ER|office|clinic))\\b|\\s*[.,;]|\\s*$)|stress(?: (?:test(?:ing)?|echo(?:cardiogram)?|imaging|portion|study))?(?! dos(?:e|es|ing)\\b)|infusion(?<=\\bduring\\s+infusion)|infused|augmentation(?! with\\b)',
    ),
    adjacent: true,
  },
  {
    // `Small improvement is noted in the airflows after bronchodilator therapy`: a dose of the
    // study, told by what followed it; the drug right before the course word. Not a course's end
    // or start told after it (`after the vincristine therapy was discontinued`).
    status: 'given',
    direction: 'backward',
    pattern:
      '(?:therapy|administration|inhalation)\\b(?! (?:was|were|had been|has been|is|being) (?:discontinued|stopped|ceased|withdrawn|started|initiated|begun|held|restarted|resumed|tapered))(?<=\\b(?:after|following)\\s+(?:the\\s+)?\\s+(?:therapy|administration|inhalation))',
    adjacent: true,
  },
  {
    // `isoproterenol infusion was not performed`: a drug of the procedure left out, right after it.
    status: 'negated',
    direction: 'backward',
    pattern: W(
      '(?:(?:infusion|injection|bolus|drip|challenge|administration) )?(?:was|were) not (?:performed|done|attempted)',
    ),
    adjacent: true,
  },
  {
    // `Tx'd w/ IV Lasix`: not in W, whose closing \b fails after `/`.
    status: 'given',
    direction: 'forward',
    pattern: "\\b(?:tx'?d|treated) w/(?=\\s)",
  },
  {
    // `volume overload, treated with Lasix`, `placed on heparin and treated with Solu-Medrol`: a
    // treatment told as an event; not `Glaucoma treated with Xalatan drops`, a standing one.
    status: 'given',
    direction: 'forward',
    // The lookbehind after the words: tried before them, it would scan back over every run of
    // spaces (masked entities, blank padding) from each position, quadratic in the run's length.
    pattern: '\\btreated with\\b(?<=(?:,\\s*|\\band\\s)treated with)',
  },
  {
    // `hemorrhage …, which stopped after 1 cc of epinephrine`: the bleeding stopped, the drug was given.
    status: 'given',
    direction: 'forward',
    pattern: W(
      '(?:which|that|it|bleeding|hemorrhage|oozing) (?:then |finally |eventually )?stopped (?:after|with)',
    ),
    maxWords: 4,
  },
  {
    // `He did require some Ativan for agitation`, `He underwent adenosine Cardiolite`, `has had 2
    // doses of the MMR vaccine`: a dose had, near the verb; not `This has required large amounts
    // of opioid analgesics` (a standing need).
    status: 'given',
    direction: 'forward',
    pattern: W(
      '(?<!\\b(?:has|have) )(?:did require|required)(?: (?:some|a dose of|a total of))?|did have(?=\\s+(?:,|and\\b|for\\b|x ?\\d|\\d))|(?:was|were) observed (?:\\w+ ){0,3}?after(?: (?:the|his|her))?|underwent(?: an?)?|(?:has had|had|received|got) (?:\\d+|one|two|three|four|both|all) (?:doses|shots|injections) of(?: the)?',
    ),
    maxWords: 2,
  },
  {
    // A finding of the encounter that answered to a dose (`His blood pressure improved with IV
    // labetalol`, `The agitation settled after 2 mg of Haldol`, `Pain was relieved by
    // nitroglycerin`): told in the simple past, so not a course that goes on (`has improved with`).
    status: 'given',
    direction: 'forward',
    pattern: W(
      `${ANSWERED}(?<!\\b(?:has|have|is|are|been|not|never|initially|previously|first) ${ANSWERED}) (?:\\w+ ){0,4}?(?:with|after|by|to|on)(?! (?:a )?(?:reduction|decrease|increase|change|adjustment|titration|lowering|weaning)\\b)(?: (?:a|an|one|two|three|\\d+|several))?|(?:felt|was|were) (?:much |somewhat |a little )?better (?:with|after)|diuresis with`,
    ),
    maxWords: 4,
  },
  {
    // A stress test's agent (`Normal response to Lexiscan`, `hemodynamic response to adenosine`).
    status: 'given',
    direction: 'forward',
    pattern: W('(?:normal|abnormal|appropriate|expected|hemodynamic|adequate) response to'),
    maxWords: 0,
  },
  {
    // `he got a steroid injection`: a dose had, right after the verb.
    status: 'given',
    direction: 'forward',
    pattern: W('got(?: (?:a|an|some|his|her))?'),
    maxWords: 1,
  },
  {
    // A topical agent the writer put on (`I gently lysed this today and applied antibiotic
    // ointment`, `after applying some Healon`), not an instruction (`Apply Aristocort ointment`).
    status: 'given',
    direction: 'forward',
    pattern: W('(?:I|we|and|then) (?:also |then )?applied|after applying(?: some)?'),
    maxWords: 1,
  },
  {
    // `Also give the patient calcium with vitamin D`: an order in a plan.
    status: 'planned',
    direction: 'forward',
    pattern: W(
      '(?<!\\b(?:will|would|shall|to|can|may|could|might|should|I|we) )(?:also |then )?give (?:the patient|him|her|them)',
    ),
    maxWords: 1,
  },
  {
    // `Add Lipitor 20 mg qhs`, `Hold Coumadin, give vitamin K 5 mg orally`, `Administer Pneumovax`:
    // an order to add or give a drug (`give` opening a clause), in a plan.
    status: 'planned',
    direction: 'forward',
    pattern: W('add(?!-)|(?<=(?:^|[.;:,\\n])\\s*)(?:give(?! up)|administer)'),
    maxWords: 1,
  },
  {
    // `s/p tPA`: a drug right after `status post` was given (a course of one is `stopped`, above).
    status: 'given',
    direction: 'forward',
    pattern: W('status post|s/p'),
    maxWords: 0,
  },
  // active
  {
    // `ALLERGIES: Seasonal allergies, on Claritin`: a clause opening on `on`, right before the drug.
    status: 'active',
    direction: 'forward',
    pattern: W('on(?<=[,;(]\\s*on)(?: (?:his|her|their))?'),
    maxWords: 0,
  },
  {
    // Orders about a drug already taken: its home list started again on admission (`I will start
    // her home medications of Pulmicort`), a taper of it (`a weaning schedule for the patient's
    // Avinza`, `consider weaning her Imuran`).
    status: 'active',
    direction: 'forward',
    pattern: W(
      "(?:start|restart|resume|continue|begin) (?:all )?(?:her |his |their |the patient's )?home (?:medications|meds)(?: (?:of|including|which include))?|(?:a )?(?:weaning|tapering|taper) (?:schedule|plan|regimen) for(?: (?:the patient's|his|her|their|the))?|consider(?:ing)? (?:weaning|tapering|decreasing|reducing|lowering|increasing|titrating)(?: (?:off|down|up))?(?: (?:of )?(?:the|his|her|their))?",
    ),
    maxWords: 3,
  },
  {
    // A drug screen's findings are drugs the patient took, not doses of the encounter (`In the
    // emergency room, … a strongly positive drug screen including methadone and morphine`).
    status: 'active',
    direction: 'forward',
    pattern: W(
      '(?:drug|tox|toxicology|urine drug|urine tox) screens? (?:(?:was|were|that was|which was) )?(?:strongly |also )?(?:positive )?(?:for|including)',
    ),
    maxWords: 3,
  },
  {
    // `allergic to penicillin and so far has done well on azithromycin`: a drug taken well now.
    status: 'active',
    direction: 'forward',
    pattern: W(
      '(?:(?:has|have) (?:done|been doing)|(?:is|are) doing|does|do) (?:well|fine|great|ok|okay) (?:on|with)(?: (?:the|his|her|their))?',
    ),
    maxWords: 2,
  },
  {
    // `add hydrochlorothiazide 25 mg daily to his lisinopril`: what the new drug joins is taken.
    status: 'active',
    direction: 'forward',
    pattern: W(
      "to (?:his|her|their|the patient's)(?: (?:current|existing|present|home))?(?: regimen of)?(?<=\\badd(?:s|ed|ing)?\\b[^.;]{1,80}\\bto (?:his|her|their|the patient's)(?: (?:current|existing|present|home))?(?: regimen of)?)",
    ),
    maxWords: 0,
  },
  {
    // `was stable on nifedipine and bed rest`: kept on it, whatever treated her before.
    status: 'active',
    direction: 'forward',
    pattern: W(
      '(?:(?:is|was|are|were|remains?|remained|(?:has|have|had) been) )?(?:(?:clinically|hemodynamically|otherwise) )?stable on(?: (?:the|his|her|their))?',
    ),
    maxWords: 2,
  },
  {
    status: 'active',
    direction: 'forward',
    pattern: W(
      `you (?:may|can|should) (?:continue to |keep )?(?:use|take|apply|using|taking)|(?:cannot|can not|can't|could not|couldn't|(?:were|was|am|is|are) unable to|should not|must not|do not|don't|will not) (?:be )?(?:taken off(?: of)?|weaned off(?: of)?|stop(?:ped)?|discontinue[ds]?)|(?:given|gave|wrote|written|write) (?:a |her |him |them )?prescriptions? for|(?<=\\b(?:I|we) (?:have )?)(?:gave|given) (?:him|her|them|the patient) (?:a|an) (?:[\\w-]+ ){1,2}?(?:course|supply) of|prescriptions? (?:(?:was|were) )?(?:written |given |sent |called in )?for|Rx for|(?:concur|agree)s? with|continuation of|(?:decreasing|increasing|reducing)(?: (?:the|his|her))?|(?:was|were) given a trial of|(?:is|are) being given|(?<!\\bafter )being given|continu(?:e[ds]?|ing)(?: (?:on|with|taking|the|his|her))?|resume[ds]?|restart(?:ed)?|(?:is|are|was|were|had been|remains|remain|remained|currently|also) (?:currently |also |still |already |now )?(?:on(?! hold\\b)|taking|using)|will (?:be|remain|stay) on(?! hold\\b)|(?:has|have) (?:also )?been (?:on|taking|using|treated with)|(?:go|goes|going|sent|send|went) home (?:on|with)|(?:send|sent|discharge|discharged) (?:him|her|them|the patient) home (?:on|with)|(?:reduce[ds]?|lower(?:ed)?(?=\\s+(?:the|his|her|their|dose|dosage)\\b|\\s{2,}))(?: (?:the|his|her))?(?: (?:dose|dosage) of)?|takes|taking|took|uses|discharged (?:home )?(?:on|with)|(?:increase|decrease|increased|decreased|titrate|titrated)(?: (?:the|his|her))?|(?:gave|give|given|provided|left) (?:him |her |them |the patient )?(?:a |some )?samples? of|samples? of|(?:switched|changed|converted|transitioned|bridged) (?:\\w+ )?to|(?:is |has been )?tolerat(?:es|ing)(?<!\\b(?:difficulty|trouble|problems?|unable to|not|inability to|never) (?:is |has been )?tolerat(?:es|ing))(?: (?:his|her|the))?|(?:has|have) (?:previously |since |also )?tolerated|(?:started|placed|put|maintained|kept) (?:back )?on|(?<=\\b(?:initially|originally) (?:been )?)begun on|started (?:him|her|them|the patient) on|(?<=\\b(?:we|I) (?:then |also )?)(?:instituted|initiated)|(?:and|then) started(?: (?:taking|using))?(?! on\\b)|moved to(?: treatment with)?|prescribed|refill(?:ed|s)?(?: (?:of|on))?|currently|while (?:on|taking|using)|carr(?:y|ies|ying) (?:an?|his|her)|left(?<=\\b(?:he|she|they|patient|pt|and|then) left) (?:the (?:ED|ER|clinic|hospital) )?(?:on|with)(?!\\s+of\\b| \\d)|doubled(?: up)?(?: on)?(?: (?:the|his|her))?|(?:told|instructed|advised|asked|directed|encouraged|reminded|urged?) (?:(?:him|her|them|the patient) )?to (?:take|use|apply|continue|keep (?:taking|using))|(?:will|plan(?: is)? to|going to|to) (?:slowly |gradually )?(?:taper|wean)(?: (?:him|her|them))?(?: off)?(?: of)?(?: (?:the|his|her))?|(?:will|is to|are to|to) be (?:slowly |gradually )?(?:tapered|weaned)(?: off)?(?: of)?(?: (?:the|his|her))?|(?:taper|wean)(?: (?:him|her|them))? off(?: of)?(?: (?:the|his|her))?`,
    ),
  },
  {
    status: 'active',
    direction: 'backward',
    pattern: W(
      '(?:(?:is|are|was) )?on board|(?:was|were|is|are) (?:continued|resumed|restarted|increased|decreased|adjusted|uptitrated|titrated up|optimized|prescribed(?=\\s+(?:for|as|by|at|in|on|to|and|with|today|yesterday|last|this)\\b|\\s*[.,;:)]|\\s*$)|started(?! on))|will be (?:continued(?! on\\b)|increased|decreased)',
    ),
  },
];
