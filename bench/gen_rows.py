#!/usr/bin/env python3
"""Generate the rows of a synthetic mailing for the merge benchmark.

    python3 bench/gen_rows.py N OUT.csv

writes N rows in the column layout of the sample mailing
content/mailing/klanten.csv, as Dutch Excel saves "CSV UTF-8": a UTF-8 byte
order mark, ';' between fields, CR LF after every line:

    nummer;klant.naam;klant.adres;klant.contact@naam;klant.contact@functie;klant.contact@email

Every value is made up from the word lists below (fictional companies,
streets, places and people; e-mail addresses under .example).  nummer is
2027-00001, 2027-00002, ... so it is unique and every document gets a file
of its own.  Like the sample, some function cells are empty and some names
carry '&', diacritics or an apostrophe; about one company name in 25 holds
double quotes or a ';' and is written quoted, the way Excel does, so the
CSV reader's quoting is exercised too.

Deterministic: a self-contained splitmix64 seeded from the row number, so
row i is the same in every file that has it (the 100-row file is the start
of the 1,000-row file) and the same N always gives the same bytes, with any
Python 3.
"""

import os
import sys
import unicodedata

MASK = (1 << 64) - 1


class Rng:
    """splitmix64, as in gen_course.py."""

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

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def chance(self, p):
        return self.next() < p * (1 << 64)


# --- word lists (made up for this benchmark) --------------------------------

SURNAMES = [
    "Bakker", "Jansen", "De Vries", "Van Dijk", "Visser", "Smit", "Meijer",
    "De Boer", "Mulder", "De Groot", "Bos", "Vos", "Peters", "Hendriks",
    "Van Leeuwen", "Dekker", "Brouwer", "De Wit", "Dijkstra", "Smits",
    "De Graaf", "Van der Meer", "Van der Linden", "Kok", "Jacobs",
    "De Haan", "Vermeulen", "Van den Heuvel", "Van der Veen", "Van den Berg",
    "Schouten", "Hoekstra", "Koster", "Prins", "Huisman", "Postma",
    "Wessels", "Nijhuis", "Eshuis", "Lubbers", "Hulshof", "Pasman",
    "Oude Groeniger", "Klein Gebbink", "Ter Horst", "Ten Brinke", "Beltman",
    "Scholten", "Vrielink", "Stoffers", "Gerritsen", "Ruiter", "Kuipers",
    "Wolters", "Hofstede", "Ter Haar", "Veldhuis", "Bruggink", "Lansink",
    "Assink", "Rouwenhorst", "Bolhuis", "Hesselink", "Wiggers", "Sloot",
    "Jongbloed", "Elferink", "Te Lintelo", "Boerrigter", "Van 't Hof",
    "D'Hondt", "Van Eck", "Öztürk", "Ćosić", "Groenewoud", "Müller",
]

FIRST_NAMES = [
    "Anja", "Bram", "Carla", "Dirk", "Esther", "Frank", "Gerda", "Hans",
    "Ilse", "Joost", "Karin", "Luuk", "Monique", "Niels", "Olga", "Pieter",
    "Quinten", "Renée", "Sander", "Tineke", "Umut", "Vera", "Willem",
    "Yvonne", "Zoë", "Arjen", "Bianca", "Chantal", "Daan", "Eline",
    "Femke", "Gijs", "Hanneke", "Ingrid", "Jeroen", "Kees", "Lotte",
    "Marloes", "Noor", "Okke", "Petra", "Rik", "Sietske", "Thijs", "Ümit",
    "Véronique", "Wouter", "Xander", "Yara", "Zeynep", "Anouk", "Bart",
    "Cor", "Desirée", "Erik", "Fleur", "Gert-Jan", "Henk", "Iris", "Jan",
]

# "{}" is a surname.
COMPANY_FORMS = [
    "Bouwbedrijf {} B.V.", "Installatiebedrijf {} B.V.", "Metselbedrijf {}",
    "Schildersbedrijf {} V.O.F.", "{} Grondwerken B.V.", "Gebr. {} Sloopwerken",
    "{} Dak en Gevel B.V.", "Klusbedrijf {}", "{} Steigerbouw",
    "Aannemersbedrijf {} & Zn.", "{} Elektrotechniek B.V.", "{} Infra B.V.",
    "Timmerfabriek {}", "{} Vloeren & Tegels", "Loodgietersbedrijf {}",
    "Gebr. {} Dak en Gevel B.V.", "{} Betonboringen", "Hoveniersbedrijf {}",
    "{} Kozijnen B.V.", "Technisch Bureau {}", "{} & Partners Bouw",
    "Stukadoorsbedrijf {}", "{} Bestratingen V.O.F.", "{} Installatietechniek",
]

# Names that must be quoted in a CSV file: a double quote or a ';'.
QUOTED_FORMS = [
    'Aannemersbedrijf "De Toekomst" {}', 'Bouwcombinatie "{}"',
    "{} Bouw; Renovatie B.V.", 'Woningbouw "Het Anker" {} B.V.',
]

STREETS = [
    "Industrieweg", "Ambachtsweg", "Kanaalweg", "Veldweg", "Edisonstraat",
    "Zuiderzeestraat", "Ondernemingsweg", "Nijverheidsstraat", "Havenweg",
    "Energieweg", "Handelsweg", "Bedrijvenpark Oost", "Marconistraat",
    "Dr. Lelyweg", "Hengelosestraat", "Oldenzaalsestraat", "Stationsplein",
    "Kerkstraat", "Molenweg", "Esweg", "Beukenlaan", "Eikenlaan",
    "Parallelweg", "Morsweg", "Langestraat", "Schoolstraat", "Dorpsstraat",
    "Broekhuizerweg", "Looweg", "Scheg", "Prins Bernhardlaan", "Twentepoort",
]

PLACES = [
    "Haaksbergen", "Epe", "Olst", "Markelo", "Almelo", "Doetinchem",
    "Vriezenveen", "Enschede", "Kampen", "Dalfsen", "Hengelo", "Schalkhaar",
    "Deventer", "Zwolle", "Raalte", "Rijssen", "Holten", "Goor", "Borne",
    "Oldenzaal", "Hardenberg", "Ommen", "Nijverdal", "Wierden", "Apeldoorn",
    "Zutphen", "Lochem", "Winterswijk", "Groenlo", "Eibergen", "Neede",
    "Denekamp", "Tubbergen", "Vroomshoop", "Hellendoorn", "Lemelerveld",
    "Heino", "Wijhe", "Hattem", "Harderwijk", "Ede", "Arnhem", "Zevenaar",
    "'s-Heerenberg", "Ulft", "Aalten", "Lichtenvoorde", "Ruurlo",
]

FUNCTIONS = [
    "inkoper", "directeur", "KAM-coördinator", "bedrijfsleider",
    "hoofd uitvoering", "projectleider", "werkvoorbereider", "eigenaar",
    "office manager", "hoofd inkoop", "",
]

LETTERS = "ABCDEFGHJKLMNPRSTVWXZ"


def ascii_fold(s):
    """Lower-case ASCII for an e-mail address: no accents, no blanks."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(c for c in s.lower() if c.isascii() and c.isalnum())


def field(s):
    """A CSV field as Excel writes it: quoted only when it must be."""
    if any(c in s for c in ';"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def row(i):
    r = Rng(0x5A1E5 * 1000003 + i)
    surname = r.pick(SURNAMES)
    forms = QUOTED_FORMS if r.chance(0.04) else COMPANY_FORMS
    company = r.pick(forms).format(surname)
    street = f"{r.pick(STREETS)} {1 + r.below(220)}"
    letters = r.pick(LETTERS) + r.pick(LETTERS)
    if letters in ("SA", "SD", "SS"):   # not used in Dutch postcodes
        letters = "SB"
    postcode = f"{1000 + r.below(9000)} {letters}"
    address = f"{street}, {postcode} {r.pick(PLACES)}"
    first = r.pick(FIRST_NAMES)
    last = r.pick(SURNAMES)
    # Dutch style: "Van der Veen" as a surname, "van der Veen" after a first name.
    words = last.split(" ")
    k = 0
    while k < len(words) - 1 and words[k].lower() in (
            "van", "de", "der", "den", "ter", "ten", "te", "'t"):
        words[k] = words[k].lower()
        k += 1
    person = first + " " + " ".join(words)
    function = r.pick(FUNCTIONS)
    domain = ascii_fold(company.replace("B.V.", "").replace("V.O.F.", ""))
    email = f"{ascii_fold(first)}.{ascii_fold(last)}@{domain}.example"
    nummer = f"2027-{i:05d}"
    return [nummer, company, address, person, function, email]


HEADER = ["nummer", "klant.naam", "klant.adres", "klant.contact@naam",
          "klant.contact@functie", "klant.contact@email"]


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        sys.stderr.write("usage: python3 bench/gen_rows.py N OUT.csv\n")
        return 2
    n = int(argv[1])
    out = argv[2]
    lines = [";".join(HEADER)]
    for i in range(1, n + 1):
        lines.append(";".join(field(v) for v in row(i)))
    data = ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, out)
    print(f"{out}: {n} rows, {len(data)} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
