"""Generated training lines for the error classes of issues #32 and #34, labelled by construction.

- `sig()`: pharmacy and e-prescription sigs, lower-case and unpunctuated, with spelled-out units, dose
  units beyond tablets (one DOSAGE with their count), routes as nouns, phrases and the verb `inhale`,
  max-dose phrases (their words and window unmarked), tapers and frequency tails. The rules are those
  of `shared/ANNOTATION.md` and the sig sets' judgement calls (`gold/README.md`, "Sig sets").
- `status()`: allergy headings and lists, allergy/intolerance sentences, stop/hold/plan/negation
  sentences with the cues of `shared/STATUS.md`, and drug classes named as DRUG; some carry ordinary
  nouns (symptoms, body parts, `nadir`) that must stay unlabelled.
Drug names come from the whole lexicon (brand and generic, common and rare), passed in by the caller.
"""
import random
import re

from .generator import Builder

NUMW = ["one", "two", "three", "four"]
COUNTS = ["1", "1", "1", "2", "2", "3", "1/2", "0.5", "one", "two", "half", "1 to 2", "1-2"]
TAB_FORMS = ["tablet", "tablets", "tab", "tabs", "capsule", "capsules", "cap", "caps", "suppository", "patch"]
MASS_WORDS = [("20", "milligrams"), ("17", "grams"), ("1", "gram"), ("500", "milligrams"), ("25", "micrograms"),
              ("0.5", "milligrams"), ("2", "grams"), ("20", "milliequivalents"), ("four", "milligrams"),
              ("50", "micrograms"), ("1.5", "grams"), ("81", "milligrams"), ("100", "mg"), ("10", "mg"),
              ("5", "mg"), ("400", "mg"), ("10", "units"), ("20", "units")]
VOLUME_WORDS = ["5 milliliters", "10 milliliters", "ten milliliters", "7.5 milliliters", "15 milliliters", "5 ml",
                "2.5 ml", "10 ml", "0.4 milliliters", "1 teaspoon", "2 teaspoonfuls", "one half teaspoon", "5 mls"]
DOSE_UNITS = ["puff", "puffs", "click", "clicks", "vial", "application", "applicatorful", "packet", "packets",
              "sachet", "scoop", "pump", "pumps", "pen", "syringe", "ampule", "spray", "sprays", "drop", "drops"]
ROUTES = ["by mouth", "by mouth", "orally", "po", "subcutaneously", "under the skin", "into the muscle",
          "intramuscularly", "rectally", "vaginally", "topically", "transdermally", "sublingually"]
SITE_ROUTES = {"drop": ["in each eye", "in both eyes", "into the left eye", "in right eye", "in affected ear",
                        "in each ear"],
               "spray": ["in each nostril", "into each nostril", "in one nostril", "each nostril"],
               "puff": ["inhalation", "into the lungs", "by mouth"],
               "vial": ["via nebulizer", "per nebulizer", "inhalation", "by nebulizer"],
               "application": ["to skin", "to affected area", "topically", "to the affected nail", "to scalp",
                               "vaginally"]}
FREQS = ["daily", "once daily", "twice daily", "twice a day", "three times daily", "four times daily", "every day",
         "every morning", "every evening", "at bedtime", "nightly", "every 4 hours", "every 6 hours",
         "every 8 hours", "every 12 hours", "every 4 to 6 hours", "every other day", "once a week", "weekly",
         "bid", "tid", "qid", "qd", "qhs", "q6h", "q8h", "q12h", "q4-6h", "2 (two) times daily",
         "3 (three) times daily", "1 (one) time each day", "every 6 (six) hours", "every 8 (eight) hours"]
TAILS = ["", "", "", " as needed", " as needed", " in the morning", " in the evening", " before breakfast",
         " with meals", " with food", " in the morning before breakfast", " 30 minutes before breakfast",
         " on an empty stomach", " before meals and at bedtime", " with breakfast"]
REASONS = ["for pain", "for nausea", "for sleep", "for anxiety", "for wheezing", "for shortness of breath",
           "for constipation", "for itching", "for cough", "for muscle spasm", "for headache", "for fever",
           "for heartburn", "for allergies", "for chest pain", "for diarrhea", "for dizziness", "for congestion"]
DURATIONS = ["for 5 days", "for 7 days", "for 10 days", "for 14 days", "x 5 days", "x 10 days", "for 2 weeks",
             "for 30 days", "for 3 months", "for 7 nights", "for 1 week"]
MAX_PHRASES = ["max daily dose", "maximum daily dose", "max", "maximum", "mdd", "not to exceed", "do not exceed",
               "do not take more than", "max dose"]
MAX_WINDOWS = ["per day", "a day", "in 24 hours", "per 24 hours", "daily", ""]
VERB_FOR = {"puff": "inhale", "click": "inject", "vial": "use", "application": "apply", "applicatorful": "insert",
            "packet": "take", "sachet": "take", "scoop": "take", "pump": "apply", "pen": "inject", "syringe": "inject",
            "ampule": "use", "spray": "use", "drop": "instill"}

CLASSES = ["ACE inhibitors", "beta blockers", "beta-blockers", "pressors", "vasopressors", "hypoglycemics",
           "oral hypoglycemics", "pain medicines", "pain medication", "eye medications", "IV contrast", "contrast",
           "statins", "NSAIDs", "antibiotics", "sulfa", "sulfa drugs", "penicillins", "cephalosporins", "opioids",
           "narcotics", "steroids", "blood thinners", "muscle relaxants", "calcium channel blockers", "ARBs",
           "anticoagulants", "diuretics", "benzodiazepines", "proton pump inhibitors", "insulin", "iodine dye"]
ALLERGY_HEADS = ["ALLERGIES: ", "Allergies: ", "DRUG ALLERGIES: ", "ALLERGIES:, ", "Allergies include ",
                 "She is allergic to ", "He is allergic to ", "Allergic to ", "The patient is allergic to ",
                 "She is intolerant of ", "He reports intolerance to ", "Intolerant of "]
REACTIONS = ["rash", "hives", "itching", "swelling", "nausea", "myalgias", "anaphylaxis", "angioedema", "cough",
             "GI upset", "diarrhea", "cramping"]
NON_DRUG_NOUNS = ["myalgias", "the nadir", "her knee", "the left shoulder", "cramping", "fatigue", "the scope",
                  "surgery", "the colonoscopy", "his platelets", "the procedure", "dizziness", "the biopsy"]
STATUS_TEMPLATES = [
    # (before, after): the drug (and an optional sig) go between
    ("She stopped ", " because of {reaction}."), ("He stopped taking ", " last month."), ("Discontinued ", "."),
    ("We discontinued ", " due to {reaction}."), ("She was taken off ", " after {noun}."), ("Previously on ", "."),
    ("He was switched from ", " to {drug2}."), ("Hold ", " until {noun}."), ("We will hold ", " for now."),
    ("Her ", " was held this morning."), ("Hold the ", " the night before {noun}."),
    ("Will start ", "."), ("We will start her on ", "."), ("Plan to begin ", " after {noun}."),
    ("Recommend ", "."), ("Consider ", " if symptoms persist."), ("She may benefit from ", "."),
    ("No ", " for now."), ("She denies taking ", "."), ("He is not on any ", "."), ("Do not restart ", "."),
    ("Avoid ", " given {noun}."), ("She is not taking ", " at this time."), ("He never took the ", "."),
    ("Continue ", "."), ("She was given ", " in the emergency room."), ("He received ", " preoperatively."),
    ("{drug2} caused {reaction}, so ", " was stopped."), ("She developed {reaction} on ", "."),
    ("Stopped ", " because of {reaction}."), ("He had {reaction} with ", " in the past."),
]


class ContextGenerator:
    def __init__(self, seed, drugs, common=()):
        """`drugs`: the whole lexicon (single-word names are kept: multi-word lexicon entries are mostly
        products and kits); `common`: curated names, drawn half the time."""
        self.r = random.Random(seed)
        self.drugs = sorted({d for d in drugs if re.fullmatch(r"[A-Za-z][a-z-]{3,20}", d)})
        self.common = list(common) or self.drugs

    def drug(self):
        d = self.r.choice(self.common if self.r.random() < 0.5 else self.drugs)
        if d != d.lower():
            return d
        x = self.r.random()
        return d.capitalize() if x < 0.45 else d.upper() if x < 0.5 else d.lower()

    def _sig_amount(self):
        """One dose as (kind, [(text, label), ...]): a count and form, a dose unit, a spelled mass or a volume."""
        r = self.r
        x = r.random()
        if x < 0.4:
            return "tab", [(r.choice(COUNTS), "DOSAGE"), (" ", None), (r.choice(TAB_FORMS), "FORM")]
        if x < 0.7:
            unit = r.choice(DOSE_UNITS)
            n = r.choice(["1", "2", "1", "4", "one", "two", "6"])
            kind = unit.rstrip("s").replace("applicatorful", "application").replace("pump", "application")
            return kind, [(f"{n} {unit}", "DOSAGE")]
        if x < 0.85:
            v, u = r.choice(MASS_WORDS)
            return "mass", [(f"{v} {u}", "STRENGTH")]
        return "volume", [(r.choice(VOLUME_WORDS), "DOSAGE")]

    def _route(self, b, kind):
        r = self.r
        if kind in SITE_ROUTES:
            b.add(" ").add(r.choice(SITE_ROUTES[kind]), "ROUTE")
        elif r.random() < 0.8:
            b.add(" ").add(r.choice(ROUTES), "ROUTE")

    def _freq(self, b):
        r = self.r
        b.add(" ").add(r.choice(FREQS) + r.choice(TAILS), "FREQUENCY")

    def sig(self):
        r = self.r
        b = Builder()
        if r.random() < 0.3:  # e-prescription: product first
            b.add(self.drug(), "DRUG").add(" ").add(f"{r.choice(['5', '10', '20', '50', '250', '500'])} mg",
                                                    "STRENGTH")
            if r.random() < 0.6:
                b.add(" ").add(r.choice(["tablet", "capsule", "solution", "cream", "inhaler", "suspension"]), "FORM")
            b.add(" ")
        y = r.random()
        if y < 0.15:  # a taper or step regimen
            b.add("take ")
            b.add(r.choice(["4", "3", "2", "6"]), "DOSAGE").add(" ").add("tablets", "FORM")
            if r.random() < 0.5:
                b.add(" ").add("by mouth", "ROUTE")
            if r.random() < 0.5:
                b.add(" on day 1 then ").add("2", "DOSAGE").add(" ").add("tablets", "FORM").add(" on days 2-4 then ")
                b.add("1", "DOSAGE").add(" ").add("tablet", "FORM").add(" on days 5-7")
            else:
                b.add(" ").add("daily", "FREQUENCY").add(" ").add(r.choice(["for 3 days", "x 3 days"]), "DURATION")
                b.add(" then ").add("1", "DOSAGE").add(" ").add("tablet", "FORM").add(" ").add("daily", "FREQUENCY")
                b.add(" ").add(r.choice(["for 4 days", "for 1 week"]), "DURATION")
                if r.random() < 0.5:
                    b.add(" then stop")
            if r.random() < 0.3:
                b.add(" per ").add(r.choice(["10 day", "6 day", "12 day"]), "DURATION").add(" taper")
            return b
        kind, amount = self._sig_amount()
        verb = VERB_FOR.get(kind, "take")
        b.add(verb, "ROUTE" if verb == "inhale" else None).add(" ")
        for text, label in amount:
            b.add(text, label)
        form = amount[-1][0]
        if kind == "tab" and form.startswith("supposit"):
            b.add(" ").add(r.choice(["rectally", "vaginally", "per rectum"]), "ROUTE")
        elif kind == "tab" and form == "patch":
            b.add(" ").add(r.choice(["to skin", "transdermally", "topically"]), "ROUTE")
        else:
            self._route(b, kind)
        self._freq(b)
        if r.random() < 0.4:
            b.add(" ").add(r.choice(REASONS))
        if r.random() < 0.25:  # a max-dose phrase: the amount marked, the limit and its window not
            b.add(" ").add(r.choice(MAX_PHRASES)).add(" ")
            n = r.choice(["2", "3", "4", "6", "8", "12"])
            if r.random() < 0.3:
                b.add(n)  # a bare count is not marked
            elif kind == "tab":
                b.add(n, "DOSAGE").add(" ").add(r.choice(["tablets", "tabs", "capsules"]), "FORM")
            else:
                b.add(f"{n} {r.choice(['grams', 'mg'])}", "STRENGTH")
            window = r.choice(MAX_WINDOWS)
            if window:
                b.add(" " + window)
        elif r.random() < 0.3:
            b.add(" ").add(r.choice(DURATIONS), "DURATION")
        return b

    def status(self):
        r = self.r
        b = Builder()
        x = r.random()
        if x < 0.35:  # an allergy heading or sentence with a list
            b.add(r.choice(ALLERGY_HEADS))
            names = [self.drug() if r.random() < 0.75 else r.choice(CLASSES) for _ in range(r.randint(1, 4))]
            for i, name in enumerate(names):
                if i:
                    b.add(" and " if i == len(names) - 1 and r.random() < 0.5 else ", ")
                self._class_or_drug(b, name)
            if r.random() < 0.4:
                b.add(f", which caused {r.choice(REACTIONS)}")
            b.add(".")
            return b
        before, after = r.choice(STATUS_TEMPLATES)
        name = self.drug() if r.random() < 0.8 else r.choice(CLASSES)
        if "{drug2}" in before:
            self._class_or_drug(b, self.drug())
            before = before.replace("{drug2}", "")
        b.add(self._fill(before))
        self._class_or_drug(b, name)
        if r.random() < 0.3 and not name[0].islower():
            b.add(" ").add(f"{r.choice(['5', '10', '20', '40', '100'])} mg", "STRENGTH")
            if r.random() < 0.6:
                b.add(" ").add(r.choice(["daily", "twice a day", "b.i.d.", "at bedtime"]), "FREQUENCY")
        tail = self._fill(after)
        if "{drug2}" in tail:
            head, rest = tail.split("{drug2}")
            b.add(head)
            self._class_or_drug(b, self.drug())
            tail = rest
        b.add(tail)
        return b

    def _fill(self, s):
        return s.replace("{noun}", self.r.choice(NON_DRUG_NOUNS)).replace("{reaction}", self.r.choice(REACTIONS))

    def _class_or_drug(self, b, name):
        if name == "IV contrast":
            b.add("IV", "ROUTE").add(" ").add("contrast", "DRUG")
        else:
            b.add(name, "DRUG")

    def generate(self, n_sig, n_status):
        out = [self.sig() for _ in range(n_sig)] + [self.status() for _ in range(n_status)]
        return [(b.text(), sorted(b.ents)) for b in out]
