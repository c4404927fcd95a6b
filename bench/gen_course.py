#!/usr/bin/env python3
"""Generate a synthetic salesgen course for the site-build benchmark.

    python3 bench/gen_course.py N OUTDIR

writes
    OUTDIR/content/NNNN-slug.md   N chapters of about 1,500 words each
    OUTDIR/salesgen.xml           course title (so the site has a name)
    OUTDIR/all.md                 every chapter, front matter removed, joined:
                                  the input for the cmark-gfm/pandoc reference
    OUTDIR/stats.txt              chapters, words and bytes of all.md

The prose is Dutch B2B-sales-like text assembled from the word lists and
sentence templates below (no copied text).  Every chapter uses what the
sample course uses: YAML front matter (title, description), a level-1 title,
## and ### sections, **bold** and *italic*, a bullet list, a GFM table with a
"Tabel: ..." caption paragraph, callouts (definitie, opdracht, antwoord, tip,
sometimes voorbeeld and let-op), and links to other chapters' files, some
with an anchor to a heading that exists there.

Deterministic: the PRNG is a self-contained splitmix64, seeded per chapter
from the chapter number, so the same N always gives the same bytes, with any
Python 3.  Chapter i has the same title, file name and headings in every
course that has it; its link targets, and so slightly its text, depend on N.  Definition terms are unique across the whole course
(compared the way a glossary would: case and punctuation ignored).
"""

import os
import sys

WORDS_PER_CHAPTER = 1500
MASK = (1 << 64) - 1


class Rng:
    """splitmix64: tiny, fast, and the same everywhere."""

    def __init__(self, seed):
        self.s = seed & MASK

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & MASK
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def between(self, lo, hi):
        return lo + self.below(hi - lo + 1)

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def chance(self, p):
        return self.next() < p * (1 << 64)

    def shuffle(self, seq):
        for i in range(len(seq) - 1, 0, -1):
            j = self.below(i + 1)
            seq[i], seq[j] = seq[j], seq[i]

    def sample(self, seq, k):
        s = list(seq)
        self.shuffle(s)
        return s[:k]


# --- word lists -------------------------------------------------------------

# (subject, is it a person who can be addressed as "hij/zij")
SUBJECTS = [
    "de accountmanager", "de inkoper", "een ervaren verkoper", "het salesteam",
    "de klant", "de commercieel directeur", "de binnendienst",
    "een goede adviseur", "de leverancier", "de marketingafdeling",
    "de salesmanager", "een nieuwe klant", "de contactpersoon",
    "de beslisser", "het inkoopteam", "de key-accountmanager",
    "de buitendienstmedewerker", "de projectleider", "de controller",
    "de vestigingsmanager",
]

# (third person singular, infinitive)
VERBS = [
    ("analyseert", "analyseren"), ("bespreekt", "bespreken"),
    ("vergelijkt", "vergelijken"), ("onderbouwt", "onderbouwen"),
    ("plant", "plannen"), ("evalueert", "evalueren"),
    ("bewaakt", "bewaken"), ("verbetert", "verbeteren"), ("meet", "meten"),
    ("verkent", "verkennen"), ("kiest", "kiezen"), ("bepaalt", "bepalen"),
    ("presenteert", "presenteren"), ("toetst", "toetsen"),
    ("volgt", "volgen"), ("prioriteert", "prioriteren"),
    ("herziet", "herzien"), ("beschrijft", "beschrijven"),
    ("controleert", "controleren"), ("actualiseert", "actualiseren"),
]

OBJECTS = [
    "de behoefte van de klant", "de offerte", "het verkoopplan",
    "de waardepropositie", "de klantportefeuille", "de omzetdoelstelling",
    "de pijplijn", "het accountplan", "de marge per order", "de levertijd",
    "de beslissingseenheid", "het inkoopproces", "de concurrentiepositie",
    "het gespreksverslag", "de prijsafspraak", "de jaarafspraken",
    "de klanttevredenheid", "de leadkwalificatie", "het contract",
    "de servicegraad", "de orderfrequentie", "de klantwaarde",
    "het bezoekschema", "de forecast", "de kortingsstructuur",
    "de betalingstermijn", "het assortiment", "de aanbesteding",
    "de referentieklant", "de opvolging van leads",
]

ADVERBIALS = [
    "elk kwartaal", "voor het eerste gesprek", "na elke order",
    "in het CRM", "samen met de binnendienst", "aan het begin van het jaar",
    "tijdens de jaarlijkse evaluatie", "zonder haast", "op basis van cijfers",
    "met de klant erbij", "vóór de onderhandeling", "in een korte notitie",
    "per segment", "na een verloren order", "in overleg met logistiek",
    "voor elke grote klant", "bij de maandelijkse salesmeeting",
    "met een eenvoudige spreadsheet", "op de vestiging van de klant",
    "binnen twee werkdagen",
]

CONNECTORS = [
    "Daarna", "Vervolgens", "In de praktijk", "Bij grotere klanten",
    "Voor een groothandel", "In de B2B-markt", "Om die reden", "Daarom",
    "Meestal", "Bij een herhaalorder", "In een krappe markt",
    "Na de eerste afspraak", "Juist bij vaste klanten", "Volgens het verkoopplan",
    "Bij een aanbesteding",
]

ADJECTIVES = [
    "vanzelfsprekend", "eenvoudig", "logisch", "verstandig", "tijdrovend",
    "overbodig", "riskant", "ouderwets", "aantrekkelijk", "vanzelfsprekend",
]

COMPANY_KINDS = [
    "installatiebedrijf", "groothandel in bouwmaterialen", "IT-dienstverlener",
    "drukkerij", "transportbedrijf", "schoonmaakbedrijf", "machinebouwer",
    "accountantskantoor", "verpakkingsleverancier", "cateraar",
    "ingenieursbureau", "uitzendbureau", "metaalbewerker", "softwarebedrijf",
    "leverancier van kantoormeubilair",
]

CITIES = [
    "Zwolle", "Eindhoven", "Groningen", "Utrecht", "Tilburg", "Almere",
    "Breda", "Apeldoorn", "Leeuwarden", "Venlo", "Deventer", "Amersfoort",
    "Middelburg", "Helmond", "Alkmaar", "Zaandam", "Enschede", "Den Bosch",
]

NAME_HEADS = [
    "Kantoor", "Bouw", "Data", "Agro", "Techno", "Print", "Logi", "Metaal",
    "Zorg", "Facilitair", "Energie", "Klimaat", "Pak", "Net", "Staal",
    "Groen", "Water", "Licht",
]
NAME_TAILS = [
    "fit", "partner", "poort", "lijn", "punt", "groep", "direct", "service",
    "totaal", "works", "plaza", "vorm", "kracht", "centrum",
]

PEOPLE = [
    "Sanne", "Mehmet", "Ilse", "Joost", "Fatima", "Ruud", "Noor", "Bram",
    "Yara", "Pieter", "Lotte", "Hamza", "Eva", "Thijs", "Anouk", "Daan",
]

# Chapter titles: topic x context.
TOPICS = [
    "Klantgerichtheid", "Marktanalyse", "De waardepropositie",
    "Leadgeneratie", "De salesfunnel", "Het verkoopplan",
    "Portfoliomanagement", "Accountmanagement", "Onderhandelen",
    "Prijsstrategie", "Offertes schrijven", "Netwerken",
    "Key-accountplanning", "Bezwaren behandelen", "Social selling",
    "Tenders en aanbestedingen", "Klantbehoud", "Forecasting",
    "Gespreksvoering", "Het inkoopproces", "De beslissingseenheid",
    "Cross-selling en upselling", "Servicecontracten", "Partnerkanalen",
    "Salesdata gebruiken", "Klachten afhandelen", "Het eerste gesprek",
    "Doelen stellen", "Coaching van verkopers", "Relatiebeheer",
]
CONTEXTS = [
    "in de groothandel", "voor IT-dienstverleners", "in de bouw",
    "in de zorg", "in de logistiek", "bij installateurs",
    "in de agrarische sector", "voor producenten", "in de facilitaire markt",
    "bij overheidsklanten", "in de maakindustrie", "voor zakelijke diensten",
    "in de energiesector", "bij familiebedrijven", "in een nieuwe markt",
    "met kleine klanten", "met grote klanten", "in de detailhandel",
    "in de horecagroothandel", "bij internationale klanten",
]

# Section headings; {o} is a bare noun phrase, {a} one with its article,
# {s} a subject, {v} a verb.
HEADINGS = [
    "{O} in de praktijk", "Hoe {s} {a} {v}", "Wat betekent {a}?",
    "Stappenplan voor {o}", "Valkuilen bij {o}", "{O} en {o2}",
    "Waarom {o} telt", "{O}: een voorbeeld uit {ctx}", "Cijfers over {o}",
    "Wie beslist over {o}?", "{O} meten", "Van {o} naar {o2}",
    "Checklist voor {o}", "{O} bij een nieuwe klant",
]
SUBHEADINGS = [
    "Eerste stap", "Tweede stap", "Het gesprek", "De cijfers",
    "Een voorbeeld", "Veelgemaakte fouten", "De rol van het CRM",
    "Afspraken vastleggen", "Opvolging", "Samenwerking met de binnendienst",
    "Evaluatie", "Korte samenvatting",
]

# Definition terms: [adjective] first part + second part, unique per course.
TERM_HEADS = [
    "klant", "order", "prijs", "lead", "account", "markt", "contract",
    "service", "pijplijn", "offerte", "relatie", "waarde", "inkoop",
    "verkoop", "omzet", "marge", "segment", "kanaal", "partner", "product",
    "bezoek", "kortings", "prognose", "tevredenheids",
]
# (second part, is it a het-word)
TERM_TAILS = [
    ("analyse", False), ("plan", True), ("score", False), ("matrix", False),
    ("strategie", False), ("cyclus", False), ("model", True),
    ("index", False), ("profiel", True), ("norm", False), ("review", False),
    ("kaart", False), ("doel", True), ("budget", True), ("ritme", True),
    ("register", True), ("overzicht", True), ("beleid", True),
]
# (form before a de-word, form before a bare het-word)
TERM_ADJECTIVES = [
    ("strategische", "strategisch"), ("operationele", "operationeel"),
    ("tactische", "tactisch"), ("jaarlijkse", "jaarlijks"),
    ("gewogen", "gewogen"), ("dynamische", "dynamisch"),
    ("integrale", "integraal"), ("regionale", "regionaal"),
    ("gedeelde", "gedeeld"), ("kwalitatieve", "kwalitatief"),
    ("kwantitatieve", "kwantitatief"), ("commerciële", "commercieel"),
    ("digitale", "digitaal"), ("minimale", "minimaal"),
]

DEF_GENUS = [
    "de werkwijze waarbij", "het instrument waarmee", "de afspraak waarin",
    "de methode waarmee", "het overzicht waarin", "de maatstaf waarmee",
]

TIPS = [
    "Begin klein", "Schrijf het meteen op", "Vraag door", "Plan de opvolging",
    "Gebruik de cijfers", "Bel in plaats van te mailen", "Houd het concreet",
    "Betrek de binnendienst", "Kijk naar de marge", "Test je aanname",
]

LETOP = [
    "Niet alleen op prijs sturen", "Let op de AVG", "Beloof niet te veel",
    "Vergelijk niet zomaar", "Vergeet de gebruiker niet",
]


def cap(s):
    return s[:1].upper() + s[1:]


def bare(obj):
    """'de offerte' -> 'offerte', for headings and emphasis."""
    for art in ("de ", "het ", "een "):
        if obj.startswith(art):
            return obj[len(art):]
    return obj


def slug(text):
    """GitHub's heading anchor: lowercase, letters/digits/-/_ kept,
    spaces to '-', everything else dropped."""
    out = []
    for ch in text.lower():
        if ch.isalnum() or ch in "-_":
            out.append(ch)
        elif ch == " ":
            out.append("-")
    return "".join(out)


def glossary_key(term):
    return "".join(ch for ch in term.lower() if ch.isalnum())


def all_terms():
    """Every term the word lists give, in one fixed shuffled order."""
    seen, terms = set(), []
    for head in TERM_HEADS:
        for tail, het in TERM_TAILS:
            compound = head + tail
            for adj in [None] + TERM_ADJECTIVES:
                if adj is None:
                    t = cap(compound)
                else:
                    t = cap((adj[1] if het else adj[0]) + " " + compound)
                k = glossary_key(t)
                if k not in seen:
                    seen.add(k)
                    terms.append(t)
    Rng(20240601).shuffle(terms)
    return terms


# --- sentences --------------------------------------------------------------

class Prose:
    def __init__(self, rng):
        self.r = rng

    def obj(self, emph=True):
        o = self.r.pick(OBJECTS)
        if emph and self.r.chance(0.07):
            art, _, rest = o.partition(" ")
            o = art + " **" + rest + "**"
        elif emph and self.r.chance(0.06):
            art, _, rest = o.partition(" ")
            o = art + " *" + rest + "*"
        return o

    def company(self):
        return self.r.pick(NAME_HEADS) + self.r.pick(NAME_TAILS)

    def amount(self):
        return "{:,}".format(self.r.between(2, 400) * 250).replace(",", ".")

    def sentence(self):
        r = self.r
        s, (v3, vinf) = r.pick(SUBJECTS), r.pick(VERBS)
        o, o2, a = self.obj(), self.obj(), r.pick(ADVERBIALS)
        t = r.below(14)
        if t == 0:
            return f"{cap(s)} {v3} {o} {a}."
        if t == 1:
            return f"Wie {o} {a} wil {vinf}, begint bij {o2}."
        if t == 2:
            return f"{r.pick(CONNECTORS)} {v3} {s} {o} {a}."
        if t == 3:
            return (f"Een {r.pick(COMPANY_KINDS)} in {r.pick(CITIES)} "
                    f"{v3} {o} {a}.")
        if t == 4:
            return (f"Dat lijkt {r.pick(ADJECTIVES)}, maar in de praktijk "
                    f"{v3} {s} {o} pas {a}.")
        if t == 5:
            v2 = r.pick(VERBS)[0]
            return f"{cap(s)} {v3} {o} en {v2} daarna {o2}."
        if t == 6:
            return f"Welke rol speelt {o} bij {o2}?"
        if t == 7:
            return (f"Bij een marge van {r.between(8, 45)} % en een "
                    f"orderwaarde van € {self.amount()} levert {o} ongeveer "
                    f"€ {self.amount()} per jaar op.")
        if t == 8:
            return f"Daarom is {o} vaak belangrijker dan {o2}."
        if t == 9:
            return (f"{r.pick(PEOPLE)}, verkoper bij {self.company()}, "
                    f"{v3} {o} {a}.")
        if t == 10:
            return (f"Een verkoper die {o} niet {a} {v3}, verliest "
                    f"het zicht op {o2}.")
        if t == 11:
            return f"Het helpt als {s} {o} {a} {v3}."
        if t == 12:
            return (f"{r.pick(CONNECTORS)} is het verstandig om {o} "
                    f"{a} te {vinf}.")
        return (f"Zo ontstaat een *vaste routine*: {s} {v3} {o}, en "
                f"{r.pick(SUBJECTS)} {r.pick(VERBS)[0]} {o2}.")

    def question(self):
        r = self.r
        o, o2 = self.obj(False), self.obj(False)
        t = r.below(4)
        if t == 0:
            return f"Welke rol speelt {o} bij {o2}? Licht je antwoord toe."
        if t == 1:
            return (f"Noem twee manieren om {o} {r.pick(ADVERBIALS)} te "
                    f"{r.pick(VERBS)[1]}.")
        if t == 2:
            return (f"Wat moet {r.pick(SUBJECTS)} met {o} doen voordat "
                    f"{r.pick(SUBJECTS)} {o2} {r.pick(VERBS)[0]}?")
        return (f"Bereken de marge als de orderwaarde € {self.amount()} is "
                f"en de kostprijs € {self.amount()}.")

    def paragraph(self, lo=3, hi=6):
        return " ".join(self.sentence() for _ in range(self.r.between(lo, hi)))

    def clause(self):
        """Verb-final subordinate clause: 'de klant de offerte elk kwartaal
        evalueert'."""
        r = self.r
        return (f"{r.pick(SUBJECTS)} {self.obj(False)} {r.pick(ADVERBIALS)} "
                f"{r.pick(VERBS)[0]}")


# --- chapters ---------------------------------------------------------------

def heading_text(r):
    a, o2 = r.pick(OBJECTS), bare(r.pick(OBJECTS))
    o = bare(a)
    return r.pick(HEADINGS).format(
        o=o, O=cap(o), a=a, o2=o2, s=r.pick(SUBJECTS), v=r.pick(VERBS)[0],
        ctx=r.pick(CONTEXTS))


class Plan:
    """What other chapters need to know of chapter i: file name and the
    anchors of its headings.  Depends on i only."""

    def __init__(self, i):
        r = Rng(0x5A1E5 * 1_000_003 + i)
        self.i = i
        self.context = r.pick(CONTEXTS)
        self.title = f"{r.pick(TOPICS)} {self.context}"
        self.file = f"{i:04d}-{slug(self.title)}.md"
        self.sections = []          # [(text, [subsection texts])]
        used = {slug(self.title)}
        for _ in range(r.between(4, 6)):
            h = heading_text(r)
            while slug(h) in used:
                h = heading_text(r)
            used.add(slug(h))
            subs = []
            for _ in range(r.below(3)):
                sh = r.pick(SUBHEADINGS)
                if slug(sh) not in used:
                    used.add(slug(sh))
                    subs.append(sh)
            self.sections.append((h, subs))
        self.anchors = sorted(used - {slug(self.title)})
        self.rng = r                # continues into the body


def table(p, r):
    kind = r.below(3)
    if kind == 0:
        head = "| Klant | Segment | Omzet (€) | Marge |\n| --- | --- | ---: | ---: |"
        rows = [f"| {p.company()} | {r.pick(['A', 'B', 'C'])} | "
                f"{p.amount()} | {r.between(5, 40)} % |"
                for _ in range(r.between(4, 7))]
        cap_ = f"Tabel: Omzet en marge per klant van {p.company()}"
    elif kind == 1:
        head = "| Fase | Aantal leads | Conversie |\n| --- | ---: | ---: |"
        n = r.between(200, 900)
        rows = []
        for fase in ["Suspect", "Prospect", "Lead", "Offerte", "Order"]:
            c = r.between(20, 70)
            rows.append(f"| {fase} | {n} | {c} % |")
            n = max(1, n * c // 100)
        cap_ = f"Tabel: De funnel van {p.company()} over één kwartaal"
    else:
        head = "| Methode | Frequentie | Wie | Doel |\n| --- | --- | --- | --- |"
        rows = [f"| {cap(bare(r.pick(OBJECTS)))} | "
                f"{r.pick(['wekelijks', 'maandelijks', 'per kwartaal', 'jaarlijks'])} | "
                f"{cap(r.pick(SUBJECTS))} | {cap(bare(r.pick(OBJECTS)))} |"
                for _ in range(r.between(3, 6))]
        cap_ = f"Tabel: Werkafspraken bij {p.company()} in {r.pick(CITIES)}"
    return head + "\n" + "\n".join(rows) + "\n\n" + cap_


def bullets(p, r):
    items = []
    for o in r.sample(OBJECTS, r.between(3, 6)):
        items.append(f"- **{cap(bare(o))}.** {p.sentence()}")
    return "\n".join(items)


def numbered(p, r):
    return "\n".join(f"{k}. {p.sentence()}" for k in range(1, r.between(3, 5) + 1))


def callout(kind, title, paras):
    lines = [f"> [!{kind}] {title}".rstrip()]
    for k, para in enumerate(paras):
        if k:
            lines.append(">")
        lines.append("> " + para)
    return "\n".join(lines)


def definition(p, r, term):
    genus = r.pick(DEF_GENUS)
    body = (f"{term} is {genus} {p.clause()}, zodat {p.clause()}. "
            f"{p.sentence()}")
    return callout("definitie", term, [body])


def exercise(p, r, used_titles):
    o = r.pick(OBJECTS)
    title = r.pick(["Bereken", "Analyseer", "Beoordeel", "Verbeter",
                    "Bespreek"]) + " " + o
    while title in used_titles:
        title += " opnieuw"
    used_titles.add(title)
    q = [f"{p.company()} in {r.pick(CITIES)} wil {o} verbeteren. "
         + p.paragraph(2, 3)]
    letters = "abc"[:r.between(2, 3)]
    q += [f"{l}. {p.question()}" for l in letters]
    a = [f"{l}. {p.paragraph(1, 2)}" for l in letters]
    return callout("opdracht", title, q) + "\n\n" + callout("antwoord", title, a)


def link_sentence(r, plans, i, n, with_anchor):
    j = r.between(1, n - 1)
    if j >= i:
        j += 1
    other = plans(j)
    if with_anchor:
        anchor = r.pick(other.anchors)
        headings = [t for h, subs in other.sections for t in [h] + subs]
        text = next(t for t in headings if slug(t) == anchor)
        return (f"Meer hierover lees je in [{text.lower()}]"
                f"({other.file}#{anchor}) in hoofdstuk {j}.")
    return (f"Hoe dit samenhangt met {bare(r.pick(OBJECTS))}, staat in "
            f"[hoofdstuk {j}]({other.file}).")


def count_words(text):
    """Words as a reader counts them: tokens with a letter or digit, so
    Markdown punctuation ('>', '|', '-', '###') does not count."""
    return sum(1 for tok in text.split() if any(ch.isalnum() for ch in tok))


def chapter(i, n, plans, terms):
    plan = plans(i)
    r = plan.rng
    p = Prose(r)

    # The fixed ingredients go to random sections; then paragraphs are
    # added until the chapter reaches the word target.
    nsec = len(plan.sections)
    blocks = [[] for _ in range(nsec)]
    for t in terms[2 * (i - 1): 2 * i]:
        blocks[r.below(nsec)].append(definition(p, r, t))
    blocks[r.below(nsec)].append("Hieronder de belangrijkste punten:\n\n"
                                 + bullets(p, r))
    blocks[r.below(nsec)].append(table(p, r))
    if r.chance(0.5):
        blocks[r.below(nsec)].append(numbered(p, r))
    used_titles = set()
    for _ in range(r.between(1, 2)):
        blocks[r.below(nsec)].append(exercise(p, r, used_titles))
    blocks[r.below(nsec)].append(callout("tip", r.pick(TIPS),
                                         [p.paragraph(2, 3)]))
    if r.chance(0.4):
        blocks[r.below(nsec)].append(callout(
            "voorbeeld", f"{cap(bare(r.pick(OBJECTS)))} bij {p.company()}",
            [p.paragraph(3, 4)]))
    if r.chance(0.3):
        blocks[r.below(nsec)].append(callout("let-op", r.pick(LETOP),
                                             [p.paragraph(1, 2)]))
    if n > 1:
        blocks[r.below(nsec)].append(link_sentence(r, plans, i, n, False))
        blocks[r.below(nsec)].append(link_sentence(r, plans, i, n, True))
    for b in blocks:
        r.shuffle(b)

    intro = p.paragraph(2, 4)
    sec_intro = [p.paragraph(1, 2) for _ in range(nsec)]
    sub_intro = [[p.paragraph(1, 2) for _ in subs] for _, subs in plan.sections]
    fixed = count_words("\n".join(
        [plan.title, intro] + sec_intro + [x for s in sub_intro for x in s]
        + [h for h, subs in plan.sections for h in [h] + subs]))
    words = fixed + sum(count_words(x) for b in blocks for x in b)
    while words < WORDS_PER_CHAPTER:
        b = blocks[r.below(nsec)]
        para = p.paragraph()
        b.insert(r.below(len(b) + 1), para)
        words += count_words(para)

    out = [f"# {plan.title}", intro]
    for k, ((h, subs), b) in enumerate(zip(plan.sections, blocks)):
        out += [f"## {h}", sec_intro[k]]
        # The subsections take the section's later blocks.
        cuts = sorted(r.below(len(b) + 1) for _ in subs) + [len(b)]
        out += b[:cuts[0]]
        for m, sh in enumerate(subs):
            out += [f"### {sh}", sub_intro[k][m]] + b[cuts[m]:cuts[m + 1]]
    body = "\n\n".join(out) + "\n"
    description = (f"Over {r.pick(OBJECTS)} en {r.pick(OBJECTS)} "
                   f"{plan.context}, met voorbeelden en opdrachten.")
    front = f"---\ntitle: {plan.title}\ndescription: {description}\n---\n\n"
    return plan.file, front, body, words


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        sys.stderr.write("usage: gen_course.py N OUTDIR\n")
        return 2
    n, outdir = int(argv[1]), argv[2]
    terms = all_terms()
    if 2 * n > len(terms):
        sys.stderr.write(f"gen_course.py: at most {len(terms) // 2} "
                         "chapters (not enough unique terms)\n")
        return 2
    cache = {}

    def plans(i):
        if i not in cache:
            cache[i] = Plan(i)
        return cache[i]

    content = os.path.join(outdir, "content")
    os.makedirs(content, exist_ok=True)
    for f in os.listdir(content):       # a smaller course must not keep
        if f.endswith(".md"):           # chapters of a bigger one
            os.unlink(os.path.join(content, f))
    total = 0
    with open(os.path.join(outdir, "all.md.tmp"), "w", encoding="utf-8") as all_md:
        for i in range(1, n + 1):
            name, front, body, words = chapter(i, n, plans, terms)
            with open(os.path.join(content, name), "w", encoding="utf-8") as f:
                f.write(front + body)
            if i > 1:
                all_md.write("\n")
            all_md.write(body)
            total += words
    os.replace(os.path.join(outdir, "all.md.tmp"), os.path.join(outdir, "all.md"))
    with open(os.path.join(outdir, "salesgen.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<course lang="nl">\n'
                f"  <title>Benchmarkcursus ({n} hoofdstukken)</title>\n"
                "</course>\n")
    with open(os.path.join(outdir, "stats.txt"), "w", encoding="utf-8") as f:
        f.write(f"chapters {n}\nwords {total}\n"
                f"bytes {os.path.getsize(os.path.join(outdir, 'all.md'))}\n")
    print(f"{outdir}: {n} chapters, {total} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
