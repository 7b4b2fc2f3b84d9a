"""Synthetic medication lines and prose with gold spans by construction.

Every sentence is assembled from pieces; a labelled piece records its exact [start, end, label].
Styles: MTSamples numbered lists, comma lists, dotted lower case (p.o. b.i.d.), upper case (PO BID),
pharmacy sigs, prose, attributes before the drug, the Med7 README style, and negatives (labs, EBL,
sutures, vital signs, dates and month names, anatomy words that look like forms or routes).

Over 350 lines: one table of sentence styles whose pieces share the same draws and span bookkeeping.
"""
import random
import re

COMMON_DRUGS = """Lasix Lisinopril Metformin Coumadin warfarin aspirin Tylenol acetaminophen ibuprofen Motrin Advil
Percocet Vicodin Norco hydrocodone oxycodone OxyContin morphine Dilaudid hydromorphone Demerol fentanyl
methadone tramadol Ultram Toradol ketorolac Flexeril cyclobenzaprine Neurontin gabapentin Lyrica Zoloft
sertraline Prozac fluoxetine Paxil Celexa citalopram Lexapro Wellbutrin Effexor Cymbalta trazodone Elavil
amitriptyline Xanax alprazolam Ativan lorazepam Valium diazepam Klonopin clonazepam Ambien zolpidem Restoril
temazepam Seroquel Risperdal Haldol Zyprexa Abilify lithium Depakote Dilantin phenytoin Keppra Lamictal
Tegretol Topamax Synthroid levothyroxine Lipitor atorvastatin Zocor simvastatin Crestor Pravachol Plavix
clopidogrel Lovenox enoxaparin heparin Norvasc amlodipine Toprol metoprolol Lopressor atenolol Coreg
carvedilol Cardizem diltiazem verapamil hydralazine clonidine Catapres Diovan Cozaar losartan Altace
Zestril Prinivil Vasotec enalapril hydrochlorothiazide furosemide Bumex spironolactone Aldactone
metolazone digoxin Lanoxin amiodarone nitroglycerin Imdur Isordil Protonix pantoprazole Nexium Prilosec
omeprazole Prevacid Zantac ranitidine Pepcid famotidine Reglan Zofran ondansetron Phenergan promethazine
Compazine Colace docusate Senokot MiraLax lactulose Dulcolax Imodium prednisone Medrol methylprednisolone
Solu-Medrol Decadron dexamethasone hydrocortisone Kenalog insulin Lantus Humalog NovoLog glipizide
Glucotrol glyburide Actos Januvia Glucophage amoxicillin Augmentin Keflex cephalexin Bactrim Cipro
ciprofloxacin Levaquin levofloxacin azithromycin Zithromax doxycycline clindamycin vancomycin Rocephin
ceftriaxone Ancef cefazolin Zosyn gentamicin Flagyl metronidazole Diflucan fluconazole Valtrex acyclovir
albuterol Proventil Ventolin Atrovent Combivent Advair Spiriva Singulair Flovent Pulmicort Claritin
Zyrtec Allegra Benadryl diphenhydramine Sudafed Flonase Nasonex Flomax tamsulosin Proscar Detrol Ditropan
Fosamax Evista Premarin estradiol Provera allopurinol Zyloprim colchicine Indocin indomethacin Naprosyn
naproxen Celebrex Mobic meloxicam Aricept Namenda Sinemet Requip Mirapex Imuran CellCept Prograf
tacrolimus cyclosporine methotrexate Plaquenil folic acid Vistaril hydroxyzine lidocaine Xylocaine
Marcaine bupivacaine epinephrine Versed midazolam propofol Narcan naloxone atropine Benadryl potassium
chloride magnesium oxide calcium carbonate multivitamin vitamin D iron ferrous sulfate Neosporin
bacitracin Bactroban mupirocin Lidex Nizoral ketoconazole Lotrimin nystatin Tobradex Ciprodex Maxitrol
Vigamox Xalatan timolol Visine Afrin Omnipaque Visipaque Isovue Ultravist Depo-Medrol Kenalog Celestone
Aristospan Botox Pitocin oxytocin Methergine RhoGAM Procrit Epogen Neupogen Aranesp Lupron tamoxifen
Arimidex Gleevec Rituxan Keytruda Humira Enbrel Remicade Toprol XL Cardizem CD Ambien CR Wellbutrin XL
Depakote ER Augmentin XR Tylenol #3 Glucovance Maxzide Hyzaar Lotrel Vytorin Zetia Tricor Niaspan Lovaza
epoetin alfa Magnesium hydroxide milk of magnesia Mylanta Maalox Tums Os-Cal nicotine patch Chantix
Ensure Kayexalate Cytotec Dramamine meclizine Antivert Robitussin guaifenesin Tessalon Mucinex Benzonatate
Oxycodone-acetaminophen hydrocodone-acetaminophen Hydrocodone/APAP amoxicillin-clavulanate
trimethoprim-sulfamethoxazole Zyvox Tamiflu Valium Soma Skelaxin Robaxin Zanaflex tizanidine baclofen
Imitrex Fioricet Excedrin Topamax Zonegran Vimpat Trileptal Suboxone buprenorphine naltrexone""".split("\n")

# drug classes and supplements named as something taken or given (ANNOTATION.md: DRUG). The weak
# labeller cannot know when a class word is given, so these sentences are the model's only source.
CLASS_DRUGS = ["antibiotics", "insulin", "IV fluids", "steroids", "narcotics", "pain medication",
               "pain medications", "vitamins", "anesthetics", "antihypertensives", "steroid", "steroid medication",
               "laxative", "laxatives", "decongestants", "a decongestant", "bronchodilators", "a bronchodilator",
               "sedative medications", "pain relievers", "anti-seizure drugs", "nonsteroidals", "anti-inflammatories",
               "antihistamines", "a diuretic", "stool softeners", "a stool softener", "muscle relaxants",
               "narcotic pain medication", "birth control pills", "a prenatal vitamin", "baby aspirin",
               "a multiple vitamin", "B-complex vitamins", "calcium", "potassium", "iron", "fish oil",
               "cod liver oil", "thyroid hormone", "blood thinners", "sleeping pills", "antacids", "antiemetics"]
ALLERGY_CLASSES = ["SULFA", "sulfa", "sulfa drugs", "PENICILLIN", "penicillin", "CODEINE", "DYE", "IODINE",
                   "iodine", "morphine", "NSAIDs", "aspirin", "Keflex", "erythromycin"]
# a site word before a form is the ROUTE, the form word the FORM ("nasal spray": ROUTE nasal, FORM spray)
SITE_FORMS = {"nasal spray": "nasal", "eye drops": "eye", "ear drops": "ear", "oral suspension": "oral",
              "oral solution": "oral", "ophthalmic solution": "ophthalmic", "ophthalmic ointment": "ophthalmic",
              "transdermal patch": "transdermal", "topical gel": "topical", "topical cream": "topical",
              "topical solution": "topical", "vaginal cream": "vaginal", "rectal suppository": "rectal",
              "nose drops": "nose", "otic suspension": "otic"}

STRENGTH_UNITS = ["mg"] * 12 + ["mcg"] * 2 + ["g", "gm", "units", "mEq", "mg/kg", "MG", "milligrams", "mL"]
MG_VALUES = ["1", "2", "2.5", "4", "5", "7.5", "10", "12.5", "15", "20", "25", "30", "40", "50", "60", "75", "80",
             "100", "120", "125", "150", "200", "240", "250", "300", "325", "400", "500", "600", "650", "750", "800",
             "875", "1000", "0.1", "0.125", "0.25", "0.5", "0.4", "0.075", "0.088", "1.25", "3", "6", "8", "9", "81"]
NUMWORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

FREQS_DOT = ["b.i.d.", "t.i.d.", "q.i.d.", "q.d.", "q.h.s.", "q.4h.", "q.6h.", "q.8h.", "q.12h.", "q.a.m.", "q.p.m.",
             "p.r.n.", "q.o.d.", "q.4h. p.r.n.", "q.6h. p.r.n.", "q.4-6h. p.r.n.", "q.4-6h.", "q.3-4h. p.r.n.",
             "q.h.s. p.r.n.", "b.i.d. p.r.n.", "at h.s.", "q. day", "q.day", "q.week", "q.12 h.", "q.2h. p.r.n."]
FREQS_UP = ["BID", "TID", "QID", "QD", "QHS", "Q6H", "Q8H", "Q4H", "Q12H", "PRN", "Q4H PRN", "Q6H PRN", "QAM", "QPM",
            "Q4-6H PRN", "QOD", "DAILY", "BID PRN", "TID PRN", "Q 6 H", "QWEEK", "STAT"]
FREQS_LOW = ["bid", "tid", "qid", "qd", "qhs", "q6h", "q8h", "q4h", "q12h", "prn", "q4h prn", "q6h prn", "q4-6h prn",
             "qam", "qod", "daily", "q6h PRN", "q 6 h", "q6-8h prn", "q 4 prn", "q.6 prn", "q2h prn", "qpm", "bid prn"]
FREQS_WORD = ["daily", "twice a day", "twice daily", "three times a day", "three times daily", "once a day",
              "once daily", "four times a day", "every 6 hours as needed", "every 4 hours as needed",
              "every 4 to 6 hours as needed", "every four to six hours as needed", "every 8 hours", "every 12 hours",
              "every 6 hours", "every 4 hours", "at bedtime", "at bedtime as needed", "nightly", "in the morning",
              "in the evening", "every morning", "every evening", "every night", "every other day", "weekly",
              "once weekly", "once a week", "on a daily basis", "as needed", "every day", "one a day", "every night at bedtime",
              "at night", "before meals", "with meals", "after meals", "twice a day as needed", "every 2 hours as needed",
              "every 3 to 4 hours as needed", "every two hours", "two times a day", "2 times a day", "3 times daily",
              "once every day", "monthly", "every 3 months", "every 2 weeks", "every other week", "as needed for pain",
              "in the morning and at bedtime", "every 12 hours as needed", "hourly", "every hour as needed",
              "three times per day", "twice per day", "once per day", "per day"]
PRN_REASONS = ["for pain", "pain", "for nausea", "for sleep", "for anxiety", "for shortness of breath",
               "for wheezing", "for constipation", "for itching", "for headache", "for fever", "for agitation",
               "for chest pain", "for muscle spasm", "nausea", "for insomnia", "for breakthrough pain"]
DURATIONS = ["for the next 5 days", "for 2 weeks", "x 10 days", "x10 days", "for seven days", "for one month",
             "for a total of 14 days", "for 3 more days", "for 5 days", "for 10 days", "for six weeks",
             "for 3 months", "for the next 7 days", "for two weeks", "x 5 days", "X 7 days", "for 14 days",
             "for the next two weeks", "for one week", "for 3 days", "x 3 days", "for four weeks", "for 30 days",
             "for the next 3 days", "for 1 week", "for 6 months", "x14 days", "for an additional 5 days",
             "for another 7 days", "for 21 days", "for the next 10 days", "for 2 days", "for 48 hours",
             "for the next 24 hours", "x 2 weeks", "for a total of 7 days", "for 4 days", "for twelve weeks"]
ROUTES_DOT = ["p.o.", "p.o.", "p.o.", "IV", "IM", "subcu", "subcutaneously", "sublingual", "per rectum", "p.r.",
              "via PEG tube", "per G-tube", "SQ", "SL", "intravenously", "by mouth", "topically", "inhaled"]
ROUTES_UP = ["PO", "PO", "PO", "IV", "IM", "SQ", "SC", "SL", "PR", "NG", "SUBQ", "TOP", "IH", "INH"]
ROUTES_LOW = ["po", "po", "iv", "im", "sq", "sl", "pr", "subq", "Po"]
ROUTES_WORD = ["by mouth", "orally", "intravenously", "intramuscularly", "subcutaneously", "topically",
               "sublingually", "rectally", "per rectum", "via PEG tube", "in each nostril", "in both eyes",
               "in the affected eye", "to the affected area", "transdermally", "inhaled", "per os", "by injection",
               "via nebulizer", "into the left eye", "in each ear", "via G-tube", "via NG tube", "vaginally"]
FORMS_COUNT = ["tablet", "tablets", "tab", "tabs", "capsule", "capsules", "cap", "caps", "pill", "pills", "patch",
               "suppository", "suppositories", "lozenge", "caplets", "softgel", "packet", "vial", "ampule"]
FORMS = ["tablet", "tablets", "capsule", "capsules", "suspension", "solution", "cream", "ointment", "gel", "patch",
         "injection", "inhaler", "drops", "syrup", "liquid", "suppository", "elixir", "lotion", "spray",
         "nasal spray", "eye drops", "extended-release tablet", "ER tablet", "chewable tablet", "powder",
         "oral suspension", "oral solution", "ophthalmic solution", "foam", "lozenges", "tab", "cap", "enema",
         "transdermal patch", "nebulizer", "DR capsule", "disintegrating tablet", "film", "ointment", "cream",
         "topical gel", "topical cream", "topical solution", "ear drops", "ophthalmic ointment", "MDI", "paste",
         "vaginal cream", "rectal suppository", "nose drops", "otic suspension", "chewable tablets", "nasal spray",
         "eye drops"]
VOLUMES = ["30ml", "10 mL", "5 mL", "15 mL", "0.5 cc", "1 mL", "2 mL", "5 ml", "10 cc", "20 mL", "100 mL",
           "250 mL", "500 mL", "1 liter", "1000 mL", "2.5 mL", "7.5 mL", "1.5 mL", "30 mL", "15ml", "5ml", "4 mL",
           "3 cc", "60 mL", "50 mL", "150 mL", "0.25 mL", "8 mL"]
SPOONS = ["1 teaspoon", "2 teaspoons", "1 tablespoon", "2 tablespoons", "one teaspoon", "1/2 teaspoon", "1 tsp",
          "2 tsp", "1 tbsp", "one tablespoon", "half a teaspoon"]
PUFFS = ["2 puffs", "1 puff", "two puffs", "2 sprays", "one spray", "1 drop", "2 drops", "two drops", "1-2 puffs",
         "4 puffs", "3 drops", "one drop", "2 inhalations", "1 spray", "two sprays", "1-2 drops", "2 gtts"]
COUNTS = ["1", "2", "1", "1", "2", "3", "one", "two", "1-2", "1/2", "half", "one-half", "three", "1 1/2", "4",
          "one to two", "0.5", "2-3", "One", "Two"]

LAB_NEG = [
    "Sodium {a}, potassium {b}, chloride {c}, bicarbonate {d}, BUN {e}, creatinine {f}, glucose {g}.",
    "LABORATORY DATA:, White count {w}, hemoglobin {h}, hematocrit {hc}, platelets {p}.",
    "Glucose {g} mg/dL, calcium {f2} mg/dL, magnesium {m} mg/dL.",
    "Her potassium was {b} and magnesium {m}.",
    "Hemoglobin A1c was {f2}%.",
    "The INR was {f} on admission.",
    "Cholesterol {g} mg/dL, triglycerides {g2} mg/dL, HDL {e} mg/dL and LDL {g3} mg/dL.",
    "Urinalysis showed {e} white cells and {d} red cells per high power field.",
    "Troponin was {f} and CK was {g}.",
    "TSH {f}, free T4 {f2}.",
    "Potassium {b} mEq/L, sodium {a} mEq/L.",
    "Vitamin B12 level was {g3} pg/mL and folate was {d} ng/mL.",
]
PROC_NEG = [
    "ESTIMATED BLOOD LOSS:, {v} mL.",
    "EBL:, {v} mL.",
    "Estimated blood loss was less than {v} mL.",
    "URINE OUTPUT:, {v} mL.",
    "FLUIDS RECEIVED:, {v} mL.",
    "The subcutaneous tissue was closed with {s} Vicryl and the skin with {s2} Monocryl.",
    "The fascia was closed with #{s} Vicryl in a running fashion.",
    "The subcutaneous layer was reapproximated with interrupted {s} Vicryl sutures.",
    "The skin was closed with {s2} nylon in a horizontal mattress fashion.",
    "Incision was deepened through the subcutaneous tissue down to the fascia.",
    "The joint capsule was opened and the {anat} was exposed.",
    "The posterior capsule was intact.",
    "An IV was started in the left hand.",
    "ANESTHESIA:, General endotracheal.",
    "ANESTHESIA:, Local with IV sedation.",
    "The patient was taken to the operating room and placed under general anesthesia.",
    "{u} units of packed red blood cells were transfused.",
    "REPLACEMENTS:, {u} units of packed cells.",
    "The bladder was drained of {v} mL of clear urine.",
    "Approximately {v} mL of serous fluid was aspirated.",
    "The balloon was inflated with {v2} mL of sterile water.",
    "Teeth #{t}, #{t2} and #{t3} were extracted.",
    "Extraction of tooth #{t}.",
    "The drain put out {v} mL overnight.",
    "A {fr}-French Foley catheter was placed.",
    "The lesion measured {f} x {f2} cm.",
    "Oxygen saturation was {sat}% on {o} liters nasal cannula.",
    "She is on {o} liters of oxygen at home.",
    "SPECIMENS:, {anat}.",
    "Subcutaneous emphysema was noted.",
    "The subcutaneous fat was dissected.",
    "Cerebral angiogram revealed {sat}% stenosis.",
]
VITALS_NEG = [
    "VITAL SIGNS:, Blood pressure {bp}, pulse {pu}, respirations {r}, temperature {tmp}, saturation {sat}%.",
    "BP {bp}, heart rate {pu}, respiratory rate {r}, O2 sat {sat}% on room air.",
    "Weight {wt} pounds, height {ht} inches.",
    "Temperature {tmp}, pulse {pu}, blood pressure {bp}.",
    "Her blood pressure today is {bp}.",
]
DATE_NEG = [
    "She was seen in {month} {yr} for the same complaint.",
    "He had a colonoscopy on {month} {day}, {yr}.",
    "Surgery was performed in {month} of {yr}.",
    "The patient was last seen on {month} {day}, {yr}.",
    "She will return in {month}.",
    "In {month}, she underwent a cholecystectomy.",
    "He has been doing well since {month}.",
    "DATE OF ADMISSION:, {month} {day}, {yr}.",
    "Follow up in {n} weeks.",
    "She has had pain for {n} weeks.",
    "He quit smoking {n} years ago.",
    "She walks daily for {n} minutes.",
    "She denies dyspnea on exertion or chest pain with activities of daily living.",
    "He drinks {n} cups of coffee daily.",
    "She smokes one pack of cigarettes a day.",
    "He drinks alcohol occasionally.",
    "The patient is to call if the pain worsens.",
    "Her symptoms occur twice a week and are worse in the morning.",
    "He has daily headaches.",
    "She was admitted to the medical floor.",
    "The patient tolerated the procedure well.",
    "The patient has a history of hypertension and diabetes.",
    "He denies any fever, chills, nausea or vomiting.",
    "The tendon and capsule were reflected from the bone.",
    "Normal internal and external capsules.",
    "She reports sleeping poorly and waking up nightly.",
    "He has a stage IV pressure ulcer.",
    "Schatzker IV tibial plateau fracture.",
    "Grade IV chondromalacia was noted.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ANAT = ["femoral head", "humeral head", "meniscus", "gallbladder", "appendix", "lesion", "right ovary",
        "left breast mass", "uterus", "synovium"]


class Builder:
    def __init__(self):
        self.parts = []
        self.ents = []
        self.n = 0

    def add(self, s, label=None):
        if label and s:
            self.ents.append([self.n, self.n + len(s), label])
        self.parts.append(s)
        self.n += len(s)
        return self

    def text(self):
        return "".join(self.parts)


class Generator:
    def __init__(self, seed=0, extra_drugs=()):
        self.r = random.Random(seed)
        frag = {"folic", "acid", "XL", "CD", "CR", "ER", "XR", "#3", "D", "sulfate", "alfa", "milk", "of", "magnesia",
                "hydroxide", "chloride", "oxide", "carbonate", "ferrous", "patch", "nicotine", "Magnesium",
                "calcium", "potassium", "magnesium", "epoetin", "vitamin", "Ensure", "iron", "lithium"}
        self.common = sorted({d for d in " ".join(COMMON_DRUGS).split() if d and d not in frag})
        self.multi = ["Toprol XL", "Cardizem CD", "Ambien CR", "Wellbutrin XL", "Depakote ER", "Augmentin XR",
                      "Tylenol #3", "folic acid", "potassium chloride", "magnesium oxide", "calcium carbonate",
                      "vitamin D", "ferrous sulfate", "epoetin alfa", "Magnesium hydroxide", "milk of magnesia",
                      "normal saline", "morphine sulfate", "hydroxyzine pamoate", "oxycodone SR", "Lantus SoloStar",
                      "metoprolol tartrate", "metoprolol succinate", "Os-Cal D", "vitamin B12", "fish oil",
                      "lactated Ringer's", "Nitro-Dur", "Tylenol with Codeine", "Omnipaque 300", "Isovue 370",
                      "Ultravist 370", "Visipaque 320", "insulin glargine", "NPH insulin", "regular insulin",
                      "Humulin N", "Novolin R", "sodium bicarbonate", "Senna-S", "Percocet 5/325", "K-Dur",
                      "Ditropan XL", "Coreg CR", "Sinemet CR", "Adderall XR", "Seroquel XR", "Keppra XR"]
        self.extra = [d for d in extra_drugs if re.fullmatch(r"[A-Za-z][A-Za-z-]{3,}", d)]

    # --- slots -------------------------------------------------------------------------------------
    def drug(self):
        r = self.r
        x = r.random()
        if x < 0.55:
            d = r.choice(self.common)
        elif x < 0.7:
            d = r.choice(self.multi)
        elif self.extra:
            d = r.choice(self.extra)
            d = d.capitalize() if r.random() < 0.6 else d.lower()
        else:
            d = r.choice(self.common)
        if r.random() < 0.05:
            d = d.upper()
        elif r.random() < 0.1:
            d = d.lower()
        return d

    def number(self):
        return self.r.choice(MG_VALUES)

    def strength(self, style="any"):
        r = self.r
        x = r.random()
        sp = "" if r.random() < 0.15 else " "
        if x < 0.6:
            u = r.choice(["mg"] * 8 + ["mcg", "mg", "MG", "milligrams", "g", "gm", "mg", "mg"])
            if u in ("g", "gm"):
                v = r.choice(["1", "2", "0.5", "1.5", "3", "4.5"])
            else:
                v = self.number()
            s = f"{v}{sp}{u}"
        elif x < 0.68:
            a, b = r.choice([("5", "325"), ("10", "325"), ("7.5", "325"), ("10", "500"), ("5", "500"),
                             ("80", "12.5"), ("160", "25"), ("1.25", "250"), ("37.5", "25"), ("250", "50"),
                             ("100", "25"), ("50", "12.5"), ("875", "125"), ("24", "26"), ("10", "20")])
            s = f"{a}/{b}" + (f"{sp}mg" if r.random() < 0.7 else "")
        elif x < 0.75:
            s = r.choice(["400mg/5ml", "250 mg/5 mL", "125mg/5ml", "100 mg/mL", "2 mg/kg", "1 mg/kg", "5 mg/mL",
                          "40 mg/0.4 mL", "0.5 mg/kg", "10 mcg/kg", "200 mg/5 ml", "25 mcg/hr", "50 mcg/hour",
                          "1 mg/hr", "10 mg/mL", "1 g/10 mL"])
        elif x < 0.84:
            s = r.choice(["10 units", "20 units", "5 units", "40,000 units", "10,000 units", "1000 units",
                          "5000 units", "100 units", "25 units", "2 units", "8 units", "12 units", "50,000 IU",
                          "1000 IU", "400 IU", "20 mEq", "40 mEq", "10 mEq", "8 mEq", "30 units", "15 units", "4 units",
                          "5,000 units", "2000 IU"])
        elif x < 0.9:
            s = r.choice(["0.5-1 mg", "0.25-0.5 mg", "1-2 mg", "2-4 mg", "5-10 mg", "25-50 mg", "1 to 2 mg",
                          "50-100 mg", "2.5-5 mg"])
        elif x < 0.95:
            s = f"{r.choice(NUMWORDS)} mg" if r.random() < 0.5 else f"{r.choice(NUMWORDS[:4])} gram"
        else:
            s = r.choice(["1%", "2%", "0.5%", "0.25%", "4%", "0.1%", "5%", "2.5%", "0.05%", "1.5%", "0.75%"])
        return s

    def freq(self, style):
        r = self.r
        if style == "dot":
            return r.choice(FREQS_DOT + ["daily", "nightly", "at bedtime", "twice a day", "q.d."])
        if style == "up":
            return r.choice(FREQS_UP)
        if style == "low":
            return r.choice(FREQS_LOW + ["daily", "nightly"])
        return r.choice(FREQS_WORD)

    def route(self, style):
        r = self.r
        if style == "dot":
            return r.choice(ROUTES_DOT)
        if style == "up":
            return r.choice(ROUTES_UP)
        if style == "low":
            return r.choice(ROUTES_LOW)
        return r.choice(ROUTES_WORD)

    def form(self, b, form):
        """Add a FORM, split into ROUTE + FORM where a site word leads it (SITE_FORMS)."""
        site = SITE_FORMS.get(form)
        if site:
            b.add(site, "ROUTE").add(" ").add(form[len(site) + 1:], "FORM")
        else:
            b.add(form, "FORM")
        return b

    # --- sentence templates -----------------------------------------------------------------------
    def med_item(self, b, style, allow_before=True):
        """One medication with some of its attributes, in the given style."""
        r = self.r
        if allow_before and r.random() < 0.06:
            # attributes before the drug: "daily 1 g Rocephin", "IV Zantac"
            if r.random() < 0.5:
                b.add(self.freq(style), "FREQUENCY").add(" ").add(self.strength(), "STRENGTH").add(" ")
            else:
                b.add(self.route(style), "ROUTE").add(" ")
            b.add(self.drug(), "DRUG")
            return
        b.add(self.drug(), "DRUG")
        x = r.random()
        if x < 0.72:
            sep = r.choice([" "] * 10 + [" - ", ", "])
            b.add(sep).add(self.strength(), "STRENGTH")
            if r.random() < 0.2:
                b.add(" ")
                self.form(b, r.choice(FORMS))
        elif x < 0.85:
            b.add(" ").add(self.strength(), "STRENGTH").add(" ")
            self.form(b, r.choice(FORMS))
            if r.random() < 0.6:
                b.add(" ").add(r.choice(COUNTS), "DOSAGE").add(" ").add(r.choice(FORMS_COUNT), "FORM")
        elif x < 0.92:
            b.add(" ").add(r.choice(COUNTS), "DOSAGE").add(" ").add(r.choice(FORMS_COUNT), "FORM")
        elif x < 0.96:
            b.add(" ").add(r.choice(PUFFS + SPOONS + VOLUMES), "DOSAGE")
        if r.random() < 0.55:
            b.add(" ").add(self.route(style), "ROUTE")
        if r.random() < 0.85:
            b.add(" ").add(self.freq(style), "FREQUENCY")
            if r.random() < 0.12:
                b.add(" ").add(r.choice(PRN_REASONS))
        if r.random() < 0.1:
            b.add(" ").add(r.choice(DURATIONS), "DURATION")

    def numbered_list(self):
        r = self.r
        b = Builder()
        style = r.choice(["dot", "dot", "up", "low", "word", "word"])
        head = r.choice(["MEDICATIONS:, ", "CURRENT MEDICATIONS:, ", "DISCHARGE MEDICATIONS:,", "MEDICATIONS: , ",
                         "HOME MEDICATIONS:,", "", "", ""])
        start = r.randint(1, 9)
        b.add(head)
        if head or r.random() < 0.5:
            b.add(f"{start}. ")
        for k in range(r.randint(1, 3)):
            if k:
                b.add(f",{start + k}. ")
            self.med_item(b, style)
            if not b.text().endswith("."):
                b.add(".")
        if r.random() < 0.6:
            b.add(f",{start + r.randint(1, 3)}.")
        return b

    def comma_list(self):
        r = self.r
        b = Builder()
        style = r.choice(["dot", "up", "low", "word", "dot"])
        b.add(r.choice(["MEDICATIONS: ,", "CURRENT MEDICATIONS:, ", "She takes ", "He is on ", "Medications include ",
                        "MEDICATIONS:, Include ", "Her medications are ", "ALLERGIES:, ", "Outpatient medications: ",
                        "HOME MEDICATIONS: ", "He takes "]))
        n = r.randint(2, 6)
        for k in range(n):
            if k:
                b.add(r.choice([", ", ", ", "; ", ", and " if k == n - 1 else ", "]))
                if b.parts[-2].endswith("."):
                    pass
            if b.parts[0].startswith("ALLERGIES") or r.random() < 0.12:
                b.add(self.drug(), "DRUG")
            else:
                self.med_item(b, style)
        b.add(".")
        return b

    def sig(self):
        r = self.r
        b = Builder()
        style = r.choice(["low", "up", "word", "word", "dot"])
        if r.random() < 0.5:
            b.add(self.drug(), "DRUG").add(" ").add(self.strength(), "STRENGTH")
            if r.random() < 0.6:
                b.add(" ")
                self.form(b, r.choice(FORMS))
            b.add(r.choice([": ", ", ", " - ", " "]))
        verb = r.choice(["Take", "take", "TAKE", "Take", "Inhale", "Apply", "Instill", "Use", "Give", "Chew",
                         "Dissolve", "Place", "Insert"])
        b.add(verb + " ")
        x = r.random()
        if verb in ("Inhale",):
            b.add(r.choice(PUFFS[:5] + ["2 puffs", "1 puff"]), "DOSAGE")
        elif verb in ("Instill",):
            b.add(r.choice(["1 drop", "2 drops", "one drop", "1-2 drops", "2 gtts"]), "DOSAGE")
        elif verb == "Apply":
            if r.random() < 0.5:
                b.add("a thin layer")
            else:
                b.add(r.choice(["1", "one"]), "DOSAGE").add(" ").add("patch", "FORM")
        elif x < 0.75:
            b.add(r.choice(COUNTS), "DOSAGE").add(" ").add(r.choice(FORMS_COUNT), "FORM")
        elif x < 0.9:
            b.add(r.choice(VOLUMES + SPOONS), "DOSAGE")
        else:
            b.add(r.choice(["1", "2", "one", "two"]), "DOSAGE")
        if r.random() < 0.8:
            b.add(" ").add(self.route(style if r.random() < 0.5 else "word"), "ROUTE")
        b.add(" ").add(self.freq(style), "FREQUENCY")
        if r.random() < 0.3:
            b.add(" ").add(r.choice(PRN_REASONS))
        if r.random() < 0.25:
            b.add(" ").add(r.choice(DURATIONS), "DURATION")
        if r.random() < 0.6 and not b.text().endswith("."):
            b.add(".")
        return b

    def readme_style(self):
        r = self.r
        b = Builder()
        b.add(r.choice(["A patient was prescribed ", "The patient was prescribed ", "Patient was prescribed ",
                        "He was prescribed ", "She was given ", "A child was prescribed ", "The patient received "]))
        b.add(self.drug(), "DRUG").add(" ")
        b.add(r.choice(["400mg/5ml", "250mg/5ml", "125 mg/5 mL", "200mg/5ml", "100mg/5ml", "500 mg", "40 mg/5 ml",
                        "10mg/5ml"] + [self.strength()]), "STRENGTH").add(" ")
        b.add(r.choice(["suspension", "syrup", "solution", "elixir", "liquid", "tablets", "oral suspension"]), "FORM")
        b.add(" ").add(r.choice(["PO", "po", "p.o.", "orally", "by mouth", "IV"]), "ROUTE")
        b.add(r.choice([" of total ", " ", " of ", ", "])).add(r.choice(VOLUMES + SPOONS), "DOSAGE")
        b.add(" ").add(r.choice(["bid", "tid", "qd", "b.i.d.", "twice a day", "daily", "q6h", "BID", "every 8 hours"]),
                       "FREQUENCY")
        b.add(" ").add(r.choice(DURATIONS), "DURATION").add(".")
        return b

    def prose(self):
        r = self.r
        b = Builder()
        k = r.randint(0, 23)
        subj = r.choice(["He", "She", "The patient", "Patient", "He", "She"])
        if k == 0:
            b.add(f"{subj} was given ").add(self.strength(), "STRENGTH").add(" of ").add(self.drug(), "DRUG")
            b.add(" ").add(self.route("word"), "ROUTE")
        elif k == 1:
            b.add(f"{subj} was started on ").add(self.drug(), "DRUG").add(" ").add(self.strength(), "STRENGTH")
            if r.random() < 0.6:
                b.add(" ").add(self.route(r.choice(["dot", "word", "up"])), "ROUTE")
            b.add(" ").add(self.freq(r.choice(["dot", "word", "low"])), "FREQUENCY")
            if r.random() < 0.5:
                b.add(" ").add(r.choice(DURATIONS), "DURATION")
        elif k == 2:
            b.add(f"{subj} was placed on ").add(self.drug(), "DRUG").add(" ").add(self.strength(), "STRENGTH")
            b.add(" and ").add(self.drug(), "DRUG").add(" ").add(self.strength(), "STRENGTH").add(" ")
            b.add(self.route(r.choice(["up", "dot"])), "ROUTE").add(" ").add(self.freq("dot"), "FREQUENCY")
            b.add(" for pain")
        elif k == 3:
            b.add(r.choice(["Approximately ", "A total of ", "", "Then "])).add(r.choice(VOLUMES), "DOSAGE")
            b.add(" of ").add(r.choice(["1%", "2%", "0.5%", "0.25%", "0.75%", "4%"]), "STRENGTH").add(" ")
            b.add(r.choice(["lidocaine", "Marcaine", "bupivacaine", "Xylocaine", "ropivacaine", "Sensorcaine"]), "DRUG")
            if r.random() < 0.5:
                b.add(r.choice([" with ", " without "])).add(r.choice(["1:100,000", "1:200,000", "1:1000"]),
                                                             "STRENGTH").add(" ").add("epinephrine", "DRUG")
            b.add(r.choice([" was injected", " was infiltrated into the wound", " was used for local anesthesia",
                            " was injected in the subcutaneous tissue"]))
        elif k == 4:
            b.add(f"{subj} {r.choice(['takes', 'is taking', 'currently takes', 'has been taking'])} ")
            b.add(self.drug(), "DRUG").add(" ")
            if r.random() < 0.5:
                b.add(r.choice(["up to ", ""])).add(r.choice(COUNTS), "DOSAGE").add(" ")
                b.add(r.choice(FORMS_COUNT), "FORM")
            else:
                b.add(self.strength(), "STRENGTH")
            b.add(" ").add(self.freq("word"), "FREQUENCY")
        elif k == 5:
            b.add(r.choice(["Her ", "His ", "The "])).add(self.drug(), "DRUG")
            b.add(r.choice([" was increased to ", " was decreased to ", " dose was changed to ", " was reduced to "]))
            b.add(self.strength(), "STRENGTH").add(" ").add(self.freq(r.choice(["word", "dot", "low"])), "FREQUENCY")
        elif k == 6:
            b.add(r.choice(["We will start ", "I will start him on ", "I have prescribed ", "Start ", "Continue ",
                            "We will continue ", "Discharge on ", "Resume "]))
            b.add(self.drug(), "DRUG")
            if r.random() < 0.7:
                b.add(" ").add(self.strength(), "STRENGTH")
            if r.random() < 0.3:
                b.add(" ").add(self.route(r.choice(["word", "dot"])), "ROUTE")
            if r.random() < 0.3:
                b.add(" as directed")
            b.add(" ").add(self.freq(r.choice(["word", "dot", "low"])), "FREQUENCY")
            if r.random() < 0.4:
                b.add(" ").add(r.choice(DURATIONS), "DURATION")
        elif k == 7:
            b.add(f"{subj} was treated with ")
            if r.random() < 0.15:
                b.add("IV fluids", "DRUG")
            else:
                b.add(r.choice(["IV", "intravenous", "oral", "p.o.", "IV"]), "ROUTE")
                b.add(" ").add(r.choice(["antibiotics", "steroids", "Solu-Medrol", "Lasix", "vancomycin",
                                         "heparin", "Zosyn", "Rocephin", "insulin"]), "DRUG")
            if r.random() < 0.5:
                b.add(" and ").add(self.drug(), "DRUG")
        elif k == 8:
            b.add(self.drug(), "DRUG").add(" ").add(r.choice(["ointment", "cream", "drops", "gel", "solution"]), "FORM")
            b.add(r.choice([" was applied", " was instilled", " was applied to the wound", " was placed",
                            " was instilled into the conjunctival sac"]))
        elif k == 9:
            b.add(r.choice(["At the end of the procedure, we gave ", "He received ", "She received ",
                            "The patient received ", "Preoperatively, the patient received "]))
            b.add(self.strength(), "STRENGTH").add(" of ").add(self.drug(), "DRUG")
            if r.random() < 0.6:
                b.add(" ").add(r.choice(["IV", "intravenously", "IM", "p.o.", "orally"]), "ROUTE")
            if r.random() < 0.4:
                b.add(" and ").add(self.strength(), "STRENGTH").add(" of ").add(self.drug(), "DRUG")
        elif k == 10:
            b.add(r.choice(["The patient received ", "He received ", "She was given "]))
            if r.random() < 0.2:
                b.add("a ").add(r.choice(["1 liter", "500 mL", "1 L", "20 mL/kg"]), "DOSAGE").add(" bolus of")
            else:
                b.add(r.choice(["1 liter", "2 liters", "500 mL", "1000 mL"]), "DOSAGE")
            b.add(" ").add(r.choice(["normal saline", "lactated Ringer's", "D5W", "IV fluids", "half normal saline"]),
                           "DRUG")
        elif k == 11:
            b.add(r.choice(["CONTRAST:, ", "Contrast: ", ""])).add(r.choice(["Omnipaque 300", "Visipaque-270",
                                                                              "Isovue 370", "Ultravist 370",
                                                                              "Optiray 350", "Omnipaque 240"]), "DRUG")
            b.add(", ").add(r.choice(VOLUMES[5:]), "DOSAGE")
            if r.random() < 0.5:
                b.add(" was used as the ").add(r.choice(["intravenous", "IV", "oral"]), "ROUTE").add(" ")
                b.add("contrast agent", "DRUG")
        elif k == 12:
            b.add(self.freq("word" if r.random() < 0.7 else "dot"), "FREQUENCY").add(" ")
            b.add(self.strength(), "STRENGTH").add(" ").add(self.drug(), "DRUG")
            b.add(r.choice([" was continued", " was given", " was ordered", ""]))
        elif k == 13:
            b.add(f"{subj} {r.choice(['uses', 'takes', 'is on'])} ").add(self.drug(), "DRUG").add(" ")
            self.form(b, r.choice(["inhaler", "nasal spray", "eye drops", "patch", "cream", "ear drops", "MDI"]))
            b.add(" ")
            b.add(r.choice(PUFFS), "DOSAGE").add(" ").add(self.freq("word"), "FREQUENCY")
        elif k == 14:
            b.add(f"{subj} should take ").add(self.drug(), "DRUG").add(" ").add(self.freq("word"), "FREQUENCY")
            b.add(" ").add(r.choice(DURATIONS), "DURATION")
            b.add(r.choice(["", " and then stop", " and follow up in clinic"]))
        elif k == 15:
            b.add(f"{subj} {r.choice(['takes', 'took'])} ").add(r.choice(["half", "one-half", "1/2", "one", "two"]),
                                                                "DOSAGE")
            b.add(" ").add(r.choice(["of a ", "of the ", ""]))
            b.add(r.choice(["tablet", "pill", "tab"]), "FORM").add(" of ").add(self.drug(), "DRUG").add(" ")
            b.add(self.freq("word"), "FREQUENCY")
        elif k == 16:
            b.add(r.choice(["Anesthesia was induced with ", "Sedation was achieved with ", "Induction with "]))
            b.add(self.strength(), "STRENGTH").add(" of ").add(r.choice(["propofol", "fentanyl", "Versed", "ketamine",
                                                                      "etomidate", "midazolam"]), "DRUG")
            b.add(" and ").add(self.strength(), "STRENGTH").add(" of ").add(r.choice(["fentanyl", "Versed",
                                                                                   "succinylcholine", "rocuronium"]),
                                                                         "DRUG")
            b.add(" ").add(r.choice(["IV", "intravenously"]), "ROUTE")
        elif k == 18:
            # drug classes and supplements as something taken, given or avoided
            b.add(r.choice([f"{subj} takes ", f"{subj} was given ", f"{subj} was started on ", "Continue ",
                            f"{subj} is allergic to ", f"{subj} uses ", f"{subj} was advised to avoid ",
                            f"{subj} has tried ", "Discharged on ", f"{subj} will need "]))
            b.add(r.choice(CLASS_DRUGS), "DRUG")
            if r.random() < 0.4:
                b.add(r.choice([" and ", ", "])).add(r.choice(CLASS_DRUGS + ["Tylenol", "Motrin", "Colace"]), "DRUG")
            x = r.random()
            if x < 0.3:
                b.add(" ").add(self.freq("word"), "FREQUENCY")
            elif x < 0.45:
                b.add(" ").add(r.choice(["p.o.", "PO", "by mouth", "IV"]), "ROUTE")
            if r.random() < 0.3:
                b.add(" ").add(r.choice(PRN_REASONS))
        elif k == 19:
            # procedure notes: a volume of a drug at a strength, given at a site
            b.add(r.choice(["A mixture of ", "Then ", "Subsequently ", "After negative aspiration, ", ""]))
            b.add(r.choice(VOLUMES[:12] + ["4 cc", "6 cc", "18 cc", "1.5 mL", "Three cubic centimeters"]), "DOSAGE")
            b.add(" of ").add(r.choice(["1%", "2%", "0.5%", "0.25%", "0.75%"]), "STRENGTH").add(" ")
            b.add(r.choice(["lidocaine", "Marcaine", "bupivacaine", "Xylocaine", "ropivacaine"]), "DRUG")
            if r.random() < 0.5:
                b.add(" and ").add(r.choice(["1 mL", "2 mL", "0.5 mL", "1 cc"]), "DOSAGE").add(" of ")
                b.add(r.choice(["Depo-Medrol", "Kenalog", "Celestone", "methylprednisolone"]), "DRUG")
                if r.random() < 0.5:
                    b.add(" ").add(r.choice(["40 mg/mL", "80 mg", "40 mg", "10 mg/mL"]), "STRENGTH")
            b.add(r.choice([" was injected ", " were injected ", " was infiltrated ", " was given "]))
            b.add(r.choice(["locally", "intra-articularly", "subcutaneously", "into the joint",
                            "into the epidural space"]), "ROUTE")
        elif k == 20:
            # injections named by site and class
            b.add(r.choice([f"{subj} underwent ", f"{subj} had ", f"{subj} is scheduled for ",
                            f"{subj} received ", "We performed "]))
            b.add(r.choice(["an ", "a "])).add(r.choice(["epidural", "intra-articular", "intramuscular"]), "ROUTE")
            b.add(" ").add(r.choice(["steroid", "cortisone", "Kenalog", "Toradol"]), "DRUG").add(" ")
            b.add(r.choice(["injection", "injections"]), "FORM")
            b.add(r.choice(["", ", which was very helpful", " with good relief", " at L4-L5"]))
        elif k == 21:
            # a count of doses without a form word: "Colace one to two p.o. q.4h. p.r.n."
            b.add(r.choice(["", "MEDICATIONS:, ", "Discharge on "])).add(self.drug(), "DRUG").add(" ")
            if r.random() < 0.6:
                b.add(self.strength(), "STRENGTH").add(" ")
            if r.random() < 0.3:
                b.add(f"#{r.choice([20, 30, 40, 60])}, ")
            b.add(r.choice(["one", "two", "one to two", "1", "2", "1-2", "one-half", "three"]), "DOSAGE").add(" ")
            if r.random() < 0.5:
                b.add(r.choice(["p.o.", "PO", "po", "by mouth"]), "ROUTE").add(" ")
            b.add(r.choice(FREQS_DOT + ["daily", "a day", "at bedtime", "q. daily", "QDay", "per day", "everyday",
                                        "b.i.d. to t.i.d.", "x1", "X 1", "t.i.d. with meals"]), "FREQUENCY")
        elif k == 22:
            # topical and ophthalmic preparations
            b.add(r.choice(["Apply ", f"{subj} uses ", "Continue ", "Start ", f"{subj} was prescribed "]))
            b.add(self.drug(), "DRUG").add(" ")
            if r.random() < 0.4:
                b.add(r.choice(["1%", "0.5%", "2%", "0.1%", "8%", "0.05%"]), "STRENGTH").add(" ")
            self.form(b, r.choice(["topical gel", "topical cream", "topical solution", "ophthalmic solution",
                                   "eye drops", "ear drops", "nasal spray", "nose drops", "ointment", "cream"]))
            if r.random() < 0.6:
                b.add(" ").add(r.choice(["to the affected area", "to each nostril", "in each eye",
                                         "to the right ear", "to incision", "topically"]), "ROUTE")
            b.add(" ").add(self.freq(r.choice(["word", "dot"])), "FREQUENCY")
        elif k == 23:
            b.add(r.choice(["ALLERGIES:, ", "ALLERGIES: ", "Allergies: "]))
            for j in range(r.randint(1, 3)):
                if j:
                    b.add(r.choice([", ", " and "]))
                b.add(r.choice(ALLERGY_CLASSES), "DRUG")
        else:
            b.add(r.choice(["PLAN:, ", "Plan: ", ""])).add(r.choice(["IV", "p.o."]), "ROUTE").add(" ")
            b.add(r.choice(["antibiotics", "steroids", "Zofran", "Protonix", "Lasix"]), "DRUG")
            b.add(", ").add(self.drug(), "DRUG").add(" ").add(r.choice(["IV", "p.o.", "PO"]), "ROUTE").add(" ")
            b.add(r.choice(["p.r.n.", "prn", "q.6h. p.r.n.", "as needed"]), "FREQUENCY")
            b.add(r.choice([", bedrest.", ", hold p.o. medications.", ", check labs in the morning.", "."]))
        if not b.text().endswith("."):
            b.add(".")
        return b

    def negative(self):
        r = self.r
        t = r.choice(LAB_NEG + PROC_NEG + VITALS_NEG + DATE_NEG)
        vals = dict(a=r.randint(128, 146), b=round(r.uniform(3.0, 5.5), 1), c=r.randint(95, 110),
                    d=r.randint(18, 32), e=r.randint(5, 60), f=round(r.uniform(0.5, 3.0), 1),
                    f2=round(r.uniform(5, 11), 1), g=r.randint(70, 300), g2=r.randint(70, 400), g3=r.randint(60, 900),
                    w=round(r.uniform(3, 18), 1), h=round(r.uniform(8, 16), 1), hc=round(r.uniform(25, 48), 1),
                    p=r.randint(90, 450), m=round(r.uniform(1.4, 2.6), 1), v=r.choice([5, 10, 20, 25, 50, 100, 150,
                                                                                         200, 250, 300, 400, 500, 900]),
                    v2=r.choice([5, 10, 15, 30]), s=r.choice(["2-0", "3-0", "4-0", "0"]),
                    s2=r.choice(["4-0", "5-0", "3-0", "6-0"]), anat=r.choice(ANAT), u=r.randint(1, 6),
                    t=r.randint(1, 32), t2=r.randint(1, 32), t3=r.randint(1, 32), fr=r.choice([14, 16, 18, 20]),
                    sat=r.randint(88, 100), o=r.randint(1, 4), bp=f"{r.randint(100, 180)}/{r.randint(55, 100)}",
                    pu=r.randint(50, 120), r=r.randint(12, 24), tmp=round(r.uniform(97, 101.5), 1),
                    wt=r.randint(100, 300), ht=r.randint(55, 76), month=r.choice(MONTHS), yr=r.randint(1990, 2012),
                    day=r.randint(1, 28), n=r.randint(2, 12))
        b = Builder()
        b.add(t.format(**vals))
        return b

    def mixed(self):
        """A medication sentence joined to a negative one (labels carried over)."""
        a = self.r.choice([self.prose, self.numbered_list, self.sig])()
        n = self.negative()
        b = Builder()
        first, second = (a, n) if self.r.random() < 0.5 else (n, a)
        sep = self.r.choice([" ", ",", " "])
        b.add(first.text())
        b.ents = [list(e) for e in first.ents]
        b.add(sep)
        off = b.n
        b.add(second.text())
        b.ents += [[s + off, e + off, l] for s, e, l in second.ents]
        return b

    def upper(self, b):
        """All-caps version of a sentence (same offsets)."""
        nb = Builder()
        nb.parts = [b.text().upper()]
        nb.n = len(nb.parts[0])
        nb.ents = [list(e) for e in b.ents]
        return nb

    def sample(self):
        r = self.r
        x = r.random()
        if x < 0.2:
            b = self.numbered_list()
        elif x < 0.33:
            b = self.comma_list()
        elif x < 0.48:
            b = self.sig()
        elif x < 0.51:
            b = self.readme_style()
        elif x < 0.73:
            b = self.prose()
        elif x < 0.9:
            b = self.negative()
        else:
            b = self.mixed()
        if r.random() < 0.04:
            b = self.upper(b)
        return b.text(), sorted(b.ents)

    def generate(self, n):
        return [self.sample() for _ in range(n)]
