#!/usr/bin/env python3
"""Writes a synthetic normfolio portfolio of N evidence documents for benchmarking.

Each document is 2-4 KB of realistic Dutch Markdown: front matter, headings, lists, a table,
norm IDs in the text and links to other documents. Beside them, 1,000 register entries: 400
processing activities, 200 processors (as an Excel CSV), 100 DPIAs, 100 breaches and 200
findings (as CSV), cross-referenced. The output is deterministic for a given N.
"""
import os
import random
import sys

NORMS = ("GO.01 GO.02 GO.03 OR.01 RM.02 RM.03 HR.04 HR.06 IM.01 IM.02 IM.03 ID.01 ID.02 ID.05 SM.01 SM.02 "
         "SM.03 SM.04 SM.05 SM.06 SM.07 SM.11 SM.12 PH.01 OP.02 BC.01 BC.03 SC.01 SC.02 DM.02 DM.04 "
         "PR.03 PR.07 GB.01 GB.02 GB.03 SW.01 VW.01").split()
TYPES = ["beleid", "procedure", "register", "rapport", "testrapport", "notulen", "training", "overig"]
CLASSES = ["openbaar", "intern", "intern", "vertrouwelijk", "strikt-vertrouwelijk"]
FOLDERS = ["beleid", "procedures", "registers", "rapportages", "scholen", "techniek", "privacy", "notulen"]
SENTENCES = [
    "De school legt vast wie toegang heeft tot de leerlingadministratie en controleert dit elk halfjaar.",
    "Medewerkers melden een vermoedelijk datalek direct bij de servicedesk, ook buiten kantoortijd.",
    "Back-ups worden dagelijks gemaakt en eens per jaar volledig teruggezet om het herstel te testen.",
    "Het College van Bestuur stelt het beleid vast na advies van de functionaris gegevensbescherming.",
    "Wachtwoorden zijn minimaal twaalf tekens en meerfactorauthenticatie is verplicht voor beheerders.",
    "Leveranciers tekenen een verwerkersovereenkomst volgens het model van het privacyconvenant.",
    "De ICT-coördinator rapporteert elk kwartaal over incidenten, patches en openstaande risico's.",
    "Nieuwe applicaties worden pas gebruikt na een korte privacytoets en, waar nodig, een DPIA.",
]


def document(i, n, rng):
    norms = rng.sample(NORMS, rng.randint(1, 3))
    review = "2025-%02d-15" % rng.randint(1, 12) if rng.random() < 0.15 else "2027-%02d-15" % rng.randint(1, 12)
    fm = [
        "---",
        "title: Document %05d over %s" % (i, norms[0]),
        "norms: [%s]" % ", ".join(norms),
        "type: %s" % rng.choice(TYPES),
        "classification: %s" % rng.choice(CLASSES),
        "owner: ICT-coördinator",
        "date: 2026-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28)),
        "approved_by: College van Bestuur",
        "approved_on: 2026-03-14",
        "review_by: %s" % review,
        "---",
    ]
    body = ["# Doel", "", " ".join(rng.sample(SENTENCES, 3)) + " Zie ook %s." % rng.choice(NORMS), ""]
    target = rng.randrange(n)
    body += ["Dit document hoort bij [document %05d](../%s/doc-%05d.md)." % (target, FOLDERS[target % len(FOLDERS)], target), ""]
    size = rng.randint(2000, 4000)
    section = 1
    while sum(len(line) + 1 for line in fm + body) < size:
        section += 1
        body += ["## Onderdeel %d" % section, ""]
        body += [" ".join(rng.sample(SENTENCES, 4)) + " Dit raakt aan %s en %s." % tuple(rng.sample(NORMS, 2)), ""]
        body += ["- %s" % s for s in rng.sample(SENTENCES, 3)] + [""]
        body += ["- **Maatregel bij %s** (status: gereed)" % rng.choice(NORMS), "- **Controle** (status: open)", ""]
    return "\n".join(fm + body) + "\n"


def registers(root, rng):
    """The five registers, 1,000 entries in all, referring to each other."""
    folder = os.path.join(root, "Content", "registers")
    os.makedirs(folder, exist_ok=True)
    classes = ["intern", "intern", "vertrouwelijk", "strikt-vertrouwelijk"]
    with open(os.path.join(folder, "verwerkingen.yml"), "w") as f:
        f.write("title: Register van verwerkingen\nnorms: [PR.03, SW.01]\nclassification: intern\nreview_by: 2027-06-01\nentries:\n")
        for i in range(400):
            f.write("  - id: verwerking-%03d\n    naam: Verwerking %03d\n    doelen: [Onderwijs, Administratie]\n"
                    "    betrokkenen: [leerlingen, ouders]\n    gegevens: [NAW-gegevens, resultaten]\n    grondslag: %s\n"
                    "    bewaartermijn: 2 jaar\n    verwerkers: [verwerker-%03d, verwerker-%03d]\n    hoog_risico: %s\n%s"
                    "    classification: %s\n    herzien_voor: 2027-%02d-01\n"
                    % (i, i, rng.choice("bcef"), i % 200, (i * 7) % 200, "ja" if i % 4 == 0 else "nee",
                       "    dpia: dpia-%03d\n" % (i % 100) if i % 4 == 0 else "", rng.choice(classes), rng.randint(1, 12)))
    rows = ["id;naam;producten;overeenkomst;overeenkomst_tot;certificering;certificering_tot;classification"]
    for i in range(200):
        rows.append("verwerker-%03d;Leverancier %03d BV;\"Product A, Product B\";%s;202%d-%02d-01;ISO 27001;2027-%02d-01;%s"
                    % (i, i, rng.choice(["mvo-4.0", "mvo-4.0", "algemeen", "eigen"]), rng.choice([6, 7, 8]), rng.randint(1, 12),
                       rng.randint(1, 12), rng.choice(classes)))
    with open(os.path.join(folder, "verwerkers.csv"), "w", newline="") as f:
        f.write("\ufeff" + "\r\n".join(rows) + "\r\n")
    with open(os.path.join(folder, "verwerkers.yml"), "w") as f:
        f.write("norms: [SC.01, SC.02]\nclassification: intern\nbron: verwerkers.csv\n")
    with open(os.path.join(folder, "dpia.yml"), "w") as f:
        f.write("classification: vertrouwelijk\nentries:\n")
        for i in range(100):
            f.write("  - id: dpia-%03d\n    titel: DPIA %03d\n    verwerking: verwerking-%03d\n    datum: 2025-%02d-01\n"
                    "    uitkomst: uitvoeren-met-maatregelen\n    maatregelen:\n      - {title: Maatregel, owner: FG, due: 2027-%02d-01, status: open}\n"
                    "    herbeoordeling_op: 2027-%02d-01\n" % (i, i, (i * 4) % 400, rng.randint(1, 12), rng.randint(1, 12), rng.randint(1, 12)))
    with open(os.path.join(folder, "datalekken.yml"), "w") as f:
        f.write("entries:\n")
        for i in range(100):
            f.write("  - id: datalek-%03d\n    titel: Datalek %03d\n    ontdekt_op: 2026-%02d-10\n    gemeld_ap_op: 2026-%02d-12\n"
                    "    categorieen: [leerlingen]\n    aantal_betrokkenen: %d\n" % (i, i, i % 12 + 1, i % 12 + 1, rng.randint(1, 300)))
    rows = ["id;titel;bron;datum;normen;ernst;actie;actie_eigenaar;actie_uiterlijk;actie_status;classification"]
    for i in range(200):
        rows.append("bevinding-%03d;Bevinding %03d;%s;2026-%02d-01;\"%s\";%s;Oplossen;ICT-coördinator;2027-%02d-01;%s;%s"
                    % (i, i, rng.choice(["audit", "pentest", "zelfevaluatie"]), rng.randint(1, 11), ", ".join(rng.sample(NORMS, 2)),
                       rng.choice(["laag", "midden", "hoog"]), rng.randint(1, 12), rng.choice(["open", "bezig", "gereed"]),
                       rng.choice(classes)))
    with open(os.path.join(folder, "bevindingen.csv"), "w", newline="") as f:
        f.write("\ufeff" + "\r\n".join(rows) + "\r\n")
    with open(os.path.join(folder, "bevindingen.yml"), "w") as f:
        f.write("classification: intern\nbron: bevindingen.csv\n")


def main():
    n = int(sys.argv[1])
    root = sys.argv[2]
    rng = random.Random(n)
    with open(os.path.join(root, "normfolio.yml"), "w") as f:
        f.write("organisation: Benchmarkbestuur\nas_of: 2026-12-01\n")
    for folder in FOLDERS:
        os.makedirs(os.path.join(root, "Content", folder), exist_ok=True)
    for i in range(n):
        path = os.path.join(root, "Content", FOLDERS[i % len(FOLDERS)], "doc-%05d.md" % i)
        with open(path, "w") as f:
            f.write(document(i, n, rng))
    os.makedirs(os.path.join(root, "Content", "norms"), exist_ok=True)
    for norm in NORMS[:20]:
        with open(os.path.join(root, "Content", "norms", norm + ".md"), "w") as f:
            f.write("---\nlevel: %d\nowner: ICT-coördinator\nactions:\n  - title: Verbeteren\n    due: 2027-01-01\n---\n"
                    "Toelichting bij %s.\n" % (rng.randint(1, 5), norm))
    registers(root, random.Random(n + 1))


if __name__ == "__main__":
    main()
