"""Lexicons for the weak labeller and the generator (training time only; never shipped).

DRUG names come from the RxNorm list of medExtractR (GPL, training time only), parsigs (MIT,
cross-checked), the WHO EML of GNU Health (GPL, training time only) and the ADE corpus drug
mentions, minus stop words, common English / clinical words, supplies, foods and month names.
"""
import csv
import functools
import re

from . import paths, corpus

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec"}

# Words that the drug lists contain but that in clinical text are mostly not a medication
# (supplies, sutures, anatomy, labs, foods, illicit drugs, common English words).
STOP = set("""
vicryl catheter suture needle sutures vital nasal blade colon valve alcohol sleep dressing alert sinus disc
control correct ultrasound thyroid active central rectal creatinine drain cough stress throat process nylon
oxygen silk tobacco clamp cannula glucose ring cartilage lead seizures seizure protein support basis water cold
testis gauze cholesterol bandage copd ensure tracheostomy relief pouch maintain laryngeal top diaphragm tape
acne pediatric wheelchair mask sugar duration walker syringe strap dermabond pancreas cocaine carbohydrate
retinal gentle lipid fiber titanium luminal diamond crest catgut tia prenatal bronchial supply electrolytes
daytime abrasion polyethylene adhesive guaiac marijuana inhaler gloves glove triglycerides purpose silicone
cotton cane burn symmetry lipase collar belt tetanus tandem preservative bottle amylase posture heroin filter
electrode argon liner isolate flutter ethanol wine impact soap ellipse streptococcus stockinette silver
polysorb phosphorus iodoform integra indigo hose ferritin carmine carbohydrates benzoin react nebulizer
methylmethacrylate boston beer prothrombin strip matrix latex irrigator electrolyte deliver constriction
barrier swab rose metopic leukocytes collagen chicken talc sustain rice gown methamphetamine applicator yeast
thyroglobulin thymus medicated insect hydrate diaper berman connector ammonia toothbrush regain corrective
genesis holmium hemorrhoidal formalin fibrinogen yogurt shrimp proteins propel prolactin mushroom
methacrylate injector grape gold duck cushion crutch condom celery beef serotonin aldosterone acetylcholine
varicella thrive supreme radium pseudo promote precise plum plasminogen occlusal nosebleed nitrogen mercury
legacy hypochlorite dandruff container condoms combinations cobalt cherry cbd basil aspergillus apple adapter
replete technetium tuberculin gallium shampoo lotion cream gel tablet tablets capsule capsules solution
suspension powder spray drops patch injection syrup elixir ointment liquid foam wafer lozenge suppository
aid first care plus day night time one two three max extra strength regular original formula complete
children adult adults baby infant junior senior pain cold flu allergy sinus sleep headache relief
stool softener laxative antacid oral topical nasal eye ear skin hair nail foot lip dry clear natural
sodium potassium calcium magnesium chloride bicarbonate phosphate sulfate acetate citrate carbonate
hydroxide oxide albumin lithium iodine caffeine nicotine thiamine dopamine zinc iron heparin fluoride
fleet lactate dextrose thrombin folate ddavp
hot ice salt urea sulfur lanolin glycerin camphor menthol honey vinegar milk lemon orange peach ginger garlic
balance therapy sterile fresh body bath smooth soft hard long short light dark white black blue green red
pink purple yellow clean scar wound burns eczema itch rash sore throat tear tears vision vitality energy
lean total mild free solo unit units dose doses level levels test tests liver heartburn advanced juice
cranberry anesthetic anaesthetic anesthesia sedation medication medications meds drug drugs information
perform healing drainage therapeutic regimen female male mucosa muscle colic hives marrow agents
inflammation incontinence nausea diarrhea arthritis prostate toxicity ecstasy chop overdose""".split()) | MONTHS

# Words that are drugs only with a dose next to them or in a salt name ("potassium chloride 20 mEq").
AMBIGUOUS = set("""sodium potassium calcium magnesium iron albumin lithium iodine caffeine nicotine thiamine
dopamine zinc heparin fluoride dextrose thrombin folate chloride bicarbonate phosphate lactate""".split())
# heparin and dopamine are real drugs in most clinical sentences; keep them as plain drugs.
PLAIN_DRUG_EXTRA = {"heparin", "dopamine", "ddavp", "thrombin"}

SALTS = set("""sulfate sulphate hydrochloride hcl pamoate sodium potassium calcium acetate succinate tartrate
carbonate hydroxide citrate chloride bicarbonate phosphate maleate mesylate besylate fumarate bromide
gluconate oxide propionate dipropionate valerate furoate decanoate enanthate cypionate lactate magnesium
bitartrate hyclate monohydrate trihydrate dihydrate xinafoate tromethamine disodium alfa beta""".split())

FORM_WORDS = set("""tablet tablets tab tabs capsule capsules cap caps cream ointment gel lotion solution suspension
syrup elixir drops spray patch injection suppository suppositories liquid powder inhaler foam shampoo lozenge
wafer emulsion enema""".split())

CONTRAST = """omnipaque visipaque isovue ultravist optiray conray hexabrix oxilan magnevist omniscan prohance
multihance gadavist dotarem eovist gastrografin renografin hypaque lipiodol definity optison""".split()

RELEASE = set("""XL SR CR ER XR LA CD DR ODT HCT HS SA XT LQ DS EC CS IR MR SL""".split())

CLASSES = [
    "antibiotics", "antibiotic", "anesthetics", "anaesthetics", "insulin", "IV fluids", "IV fluid",
    "intravenous fluids", "contrast agent", "contrast material", "contrast medium", "normal saline",
    "half normal saline", "lactated Ringer's", "lactated Ringers", "Ringer's lactate", "D5W",
    "vitamins", "multivitamin", "multivitamins", "steroids", "steroid", "corticosteroids", "narcotics",
    "narcotic", "opioids", "opiates", "analgesics", "NSAIDs", "NSAID", "antihypertensives", "diuretics",
    "diuretic", "beta-blockers", "beta blockers", "beta-blocker", "statins", "antiemetics", "antihistamines",
    "anticoagulants", "anticoagulation", "antiplatelet agents", "stool softeners", "stool softener",
    "laxatives", "laxative", "antacids", "antacid", "antifungals", "antivirals", "antidepressants",
    "antipsychotics", "anticonvulsants", "antiepileptics", "bronchodilators", "inhaled steroids",
    "vaccines", "vaccine", "flu shot", "pneumococcal vaccine", "tetanus toxoid", "vitamin D", "vitamin C",
    "vitamin E", "vitamin B12", "vitamin B6", "vitamin K", "vitamin A", "calcium with vitamin D", "fish oil",
    "folic acid", "iron supplements", "iron sulfate", "ferrous sulfate", "potassium chloride", "KCl",
    "magnesium oxide", "magnesium sulfate", "magnesium hydroxide", "calcium carbonate", "calcium citrate",
    "sodium bicarbonate", "sodium chloride", "Tylenol #3", "Tylenol with Codeine", "chemotherapy agents",
    "dye", "contrast",
    # classes and generic phrases named as something given or avoided (issue #34)
    "ACE inhibitors", "ACE inhibitor", "ARBs", "calcium channel blockers", "calcium channel blocker",
    "pressors", "vasopressors", "hypoglycemics", "oral hypoglycemics", "hypoglycemic agents",
    "pain medicines", "pain medicine", "pain medications", "pain medication", "pain pills",
    "eye medications", "eye medicines", "sulfa", "sulfa drugs", "sulfonamides", "penicillins",
    "cephalosporins", "muscle relaxants", "muscle relaxant", "blood thinners", "blood thinner",
    "sedatives", "benzodiazepines", "anti-inflammatories", "antiinflammatories", "immunosuppressants",
    "proton pump inhibitors", "PPIs", "SSRIs", "sleeping pills", "thrombolytics"]
# Classes that are DRUG only when something says they were given (a route or dose next to them).
WEAK_CLASSES = {"contrast", "dye", "local anesthetic", "general anesthetic", "steroid", "narcotic",
                "diuretic", "antacid", "laxative", "vaccine", "anticoagulation"}


def _clean(name):
    name = name.strip().lower()
    name = re.sub(r"\s+", " ", name)
    return name


def _ok_word(w):
    return len(w) >= 4 and w not in STOP and not w.isdigit() and re.fullmatch(r"[a-z][a-z0-9'-]*[a-z0-9]", w)


_CUES = set("""mg mcg units unit tablet tablets tab tabs daily bid tid qd po iv im prn capsule capsules ml cc
p.o. b.i.d. t.i.d. q.d. q.i.d. p.r.n. dose doses taking takes take prescribed started given received""".split())


@functools.lru_cache(maxsize=1)
def _corpus_cue_stats():
    """{lower-cased word: (count, count within 4 tokens of a medication cue)} over MTSamples."""
    toks = []
    for _, t in corpus.load_mtsamples(exclude_eval=True):
        toks.extend(re.findall(r"[A-Za-z][A-Za-z'-]*(?:\.[a-z]\.)*|\d+|\S", t))
    low = [t.lower() for t in toks]
    pre = [0]
    for t in low:
        pre.append(pre[-1] + (1 if t in _CUES else 0))
    stats = {}
    for i, t in enumerate(low):
        c, n = stats.get(t, (0, 0))
        near = pre[min(len(low), i + 6)] - pre[max(0, i - 4)] > 0
        stats[t] = (c + 1, n + (1 if near else 0))
    return stats


@functools.lru_cache(maxsize=1)
def drug_lexicon():
    """Return (single-word set, multi-word set) of lower-cased drug names."""
    single, multi = set(), set()

    def add(name, strict=False):
        n = _clean(name)
        n = re.sub(r"[(),]", " ", n).strip()
        n = re.sub(r"\s+", " ", n)
        if not n:
            return
        words = n.split(" ")
        if len(words) == 1:
            if _ok_word(n):
                single.add(n)
        elif len(words) <= 4:
            if all(re.fullmatch(r"[a-z0-9'#.-]+", w) for w in words) and words[0] not in STOP and \
                    not (strict and not all(len(w) >= 2 for w in words)):
                if words[-1] in FORM_WORDS or any(w in FORM_WORDS for w in words[1:]):
                    return
                if any(len(w) >= 4 and w not in STOP for w in words):
                    multi.add(n)

    rx = [l for l in paths.RXNORM.read_text(encoding="utf-8").splitlines() if l.strip()]
    for l in rx:
        add(l)
    rx_single = {_clean(n) for n in rx if " " not in _clean(n)}
    # brand names that RxNorm lists only with a number or form after them ("omnipaque 300")
    for l in rx:
        ws = _clean(l).split()
        if len(ws) > 1 and len(ws[0]) >= 5 and all(re.fullmatch(r"[\d.,/%-]+|mg|mcg|ml|" + "|".join(FORM_WORDS), w)
                                                   for w in ws[1:]):
            add(ws[0])
            rx_single.add(ws[0])
    for c in CONTRAST:
        add(c)
    # parsigs: noisy, so keep single names of >= 5 letters that are also a whole RxNorm entry, and
    # two-word salt names whose first word is a known drug.
    for l in paths.PARSIGS_DRUGS.read_text(encoding="utf-8").splitlines():
        n = _clean(l).strip("() ")
        ws = n.split()
        if len(ws) == 1 and len(n) >= 5 and n in rx_single:
            add(n)
        elif len(ws) == 2 and ws[1] in SALTS and ws[0] in single:
            add(n)
    trusted = set()
    with open(paths.WHO_EML, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            for part in re.split(r"\+|;| and ", r["active_component"]):
                add(part)
                trusted.add(_clean(part))
    for n in corpus.ade_drug_names():
        if len(n) >= 4 and _clean(n) not in STOP:
            add(n)
            trusted.add(_clean(n))
    from .generator import COMMON_DRUGS
    for n in " ".join(COMMON_DRUGS).split() + CONTRAST:
        trusted.add(n.lower())
    # Corpus check: a word that MTSamples uses often but almost never next to a dose, unit, route or
    # frequency cue is a common word there (drainage, information, mucosa ...), unless trusted.
    stats = _corpus_cue_stats()
    for w in list(single):
        c, near = stats.get(w, (0, 0))
        if w not in trusted and c >= 3 and near / c < 0.1:
            single.discard(w)
    for c in CLASSES:
        n = _clean(c)
        if " " in n:
            multi.add(n)
        else:
            single.add(n)
    multi -= {"alkaline phosphatase", "acid phosphatase", "vitamin d level", "lactic acid", "uric acid", "amino acids",
              "bile acid", "normal saline and blood"}
    single -= (STOP - PLAIN_DRUG_EXTRA)
    single |= PLAIN_DRUG_EXTRA
    single -= MONTHS
    multi = {m for m in multi if m.split()[0] not in MONTHS}
    return frozenset(single), frozenset(multi)


@functools.lru_cache(maxsize=1)
def generator_drugs():
    """Cleaner drug names for generated text: names that also occur in MTSamples/ADE/WHO lists,
    plus a curated list of common medications with their usual forms."""
    single, multi = drug_lexicon()
    return sorted(single), sorted(multi)
