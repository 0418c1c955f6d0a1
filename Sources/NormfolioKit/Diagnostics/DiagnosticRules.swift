/// Every diagnostic code with what it means: the rules of `check --format sarif`, which code-review
/// tools show beside a finding. The same words as the table under "Diagnostics" in docs/format.md
/// (generated from it); `SARIFTests` fails when the two differ.
enum DiagnosticRules {
    /// Codes documented together, their severity and when they are reported.
    struct Rule: Equatable {
        var codes: [String]
        var severity: String
        var help: String
    }

    static let all: [Rule] = [
        Rule(
            codes: ["missing-front-matter"], severity: "error",
            help: "an evidence document has no front matter"),
        Rule(
            codes: ["unclosed-front-matter"], severity: "error",
            help: "front matter opens with `---` but never closes"),
        Rule(
            codes: ["yaml-syntax"], severity: "error",
            help: "the YAML cannot be parsed, or its aliases (`*name`) repeat more than a million values"),
        Rule(
            codes: ["invalid-front-matter"], severity: "error",
            help: "the front matter is not a list of `key: value` fields"),
        Rule(
            codes: ["duplicate-key"], severity: "error",
            help: "a field appears twice"),
        Rule(
            codes: ["missing-field"], severity: "error",
            help: "`title` or `norms` (or an action's `title`) is missing or empty"),
        Rule(
            codes: ["invalid-value"], severity: "error",
            help: "a value has the wrong form (text, list, number, true/false, web address, language)"),
        Rule(
            codes: ["invalid-date"], severity: "error",
            help: "a date is not a real `YYYY-MM-DD` date"),
        Rule(
            codes: ["level-out-of-range"], severity: "error",
            help: "`level` or `target` is outside 1-5"),
        Rule(
            codes: ["unknown-norm"], severity: "error",
            help: "`norms:` names an ID that is not in the catalogue"),
        Rule(
            codes: ["unknown-assessment"], severity: "error",
            help: "a file in `Content/norms/` is not named after a norm"),
        Rule(
            codes: ["unknown-classification"], severity: "error",
            help: "the classification is not one of the four (or their aliases)"),
        Rule(
            codes: ["unknown-status"], severity: "error",
            help: "an action's status is not open, bezig or gereed"),
        Rule(
            codes: ["page-collision"], severity: "error",
            help: "two files would be published as the same page"),
        Rule(
            codes: ["broken-link"], severity: "error",
            help: "a link points to a file that does not exist"),
        Rule(
            codes: ["missing-attachment"], severity: "error",
            help: "a file under `attachments` does not exist, or is a register's file"),
        Rule(
            codes: ["outside-portfolio"], severity: "error",
            help:
                "a link or attachment leaves `Content/`, or a symbolic link in `Content/`, `Templates/`, `Public/` or `Snapshots/` leads out of the portfolio"
        ),
        Rule(
            codes: ["public-collision"], severity: "error",
            help: "a file in `Public/` would replace a page, an export, the search index, the integrity files or an attachment"),
        Rule(
            codes: ["unsafe-name"], severity: "error",
            help: "a file in `Public/` has a name that cannot be a path in the site (a backslash or a control character)"),
        Rule(
            codes: ["invalid-utf8"], severity: "error",
            help: "the file is not UTF-8 text (the position of the first bad byte is given), or is UTF-16 text (Excel's \"Unicode text\")"),
        Rule(
            codes: ["binary-file"], severity: "error",
            help: "a `.md` file, a register or a scanned text attachment contains binary data (a NUL byte anywhere)"),
        Rule(
            codes: ["unreadable-file"], severity: "error",
            help:
                "a file or folder could not be read: no permission, a broken symbolic link, not a regular file; an attachment that cannot be read is an error at every place that uses it, in `check` as in `build`"
        ),
        Rule(
            codes: ["missing-content"], severity: "error",
            help: "the portfolio has no `Content/` folder"),
        Rule(
            codes: ["file-too-large"], severity: "error",
            help: "a Markdown file over 4 MB, a snapshot over 16 MB, or settings, catalogue or template over 1 MB"),
        Rule(
            codes: ["value-too-long"], severity: "error",
            help: "a name over 300 characters, a register entry's `id` over 100, or another value over 10,000"),
        Rule(
            codes: ["missing-file"], severity: "error",
            help:
                "the catalogue overlay or the snapshot key (`snapshot_key`) named in `normfolio.yml`, or the CSV file a register names as `bron`, does not exist"
        ),
        Rule(
            codes: ["invalid-norm-id", "unknown-domain", "duplicate-entry"], severity: "error",
            help: "problems in a catalogue overlay"),
        Rule(
            codes: ["template-syntax"], severity: "error",
            help:
                "a template in `Templates/` cannot be parsed, includes itself (directly or through others), names a partial by data (`{{>*name}}`) or nests sections over 64 deep"
        ),
        Rule(
            codes: ["empty-justification"], severity: "error",
            help: "`not_applicable` is given without a written reason"),
        Rule(
            codes: ["personal-data-bsn"], severity: "error",
            help:
                "a number that passes the BSN elfproef (in a file's text, or in the name of a file or folder), and is not an amount or a case or order number"
        ),
        Rule(
            codes: ["personal-data-email", "personal-data-ipv4"], severity: "warning",
            help: "an e-mail address not on the allow-list, or an IPv4 address (in a file's text, or in a name)"),
        Rule(
            codes: ["not-scanned"], severity: "warning",
            help: "a text attachment over 64 MB was not checked for personal data"),
        Rule(
            codes: ["active-attachment"], severity: "warning",
            help:
                "an attachment of a type a browser runs (HTML, SVG, XML, a script): it is published only as a download, under its name with `.txt` added, never opened or shown as an image on the site"
        ),
        Rule(
            codes: ["attachment-withheld"], severity: "warning",
            help: "a link to an attachment that a more confidential source also uses: some editions show it as text"),
        Rule(
            codes: ["unknown-key"], severity: "warning",
            help:
                "a field normfolio does not know (with a suggestion when most of the word stays, e.g. `norm` → `norms`; `name` gets none), or a value in a register CSV's column without a name"
        ),
        Rule(
            codes: ["unknown-type"], severity: "warning",
            help: "the document type is not one of the known types"),
        Rule(
            codes: ["unknown-norm-reference"], severity: "warning",
            help: "text contains a norm-ID-shaped word that is not in the catalogue"),
        Rule(
            codes: ["unsafe-link"], severity: "warning",
            help: "a `javascript:`, `data:` or other unsafe link was removed"),
        Rule(
            codes: ["broken-anchor"], severity: "warning",
            help: "a link's `#anchor` names no heading of the document it leads to (with the closest one)"),
        Rule(
            codes: ["remote-image"], severity: "warning",
            help: "an image on another site: it is shown as a link, since the site loads nothing from the internet"),
        Rule(
            codes: ["html-removed"], severity: "warning",
            help:
                "raw HTML that is not published: an element outside the safe subset, or something in angle brackets that is not HTML (once per element per file)"
        ),
        Rule(
            codes: ["unknown-footnote", "unused-footnote"], severity: "warning",
            help: "a footnote reference without a definition, or a definition nothing refers to"),
        Rule(
            codes: ["level-without-evidence"], severity: "warning",
            help: "level 2 or higher is claimed for a norm without any evidence (at the `level:` line)"),
        Rule(
            codes: ["level-on-stale-evidence"], severity: "warning",
            help: "a level of 2 or higher is claimed, but all of the norm's evidence has expired (at the `level:` line)"),
        Rule(
            codes: ["level-without-adopted-evidence"], severity: "warning",
            help:
                "level 3 or higher is claimed, but none of the current evidence was adopted: no document has both `approved_by` and `approved_on` with its text unchanged since (at the `level:` line)"
        ),
        Rule(
            codes: ["review-overdue"], severity: "warning",
            help: "an assessment's `next_review` lies before the reference date"),
        Rule(
            codes: ["action-overdue"], severity: "warning",
            help: "an action's `due` date lies before the reference date and it is not `gereed`"),
        Rule(
            codes: ["evidence-expired"], severity: "warning",
            help: "a document's or register's `review_by` lies before the reference date"),
        Rule(
            codes: ["name-too-long"], severity: "error",
            help:
                "a Markdown file whose page name (its path under `Content/` made URL-safe, folders joined with hyphens) would be longer than 250 bytes (with `.html`, the 255 a file system allows)"
        ),
        Rule(
            codes: ["invalid-snapshot"], severity: "error",
            help:
                "a file in `Snapshots/` that is not a `portfolio.json` of normfolio: the message names the field that is missing, of the wrong kind, or not one normfolio writes"
        ),
        Rule(
            codes: ["snapshot-edited"], severity: "warning",
            help: "a snapshot whose text no longer matches its seal (a checksum: it shows accidental edits)"),
        Rule(
            codes: ["snapshot-unsealed"], severity: "warning",
            help: "a snapshot without a seal (an export from a site, or one whose seal was taken out): its figures are shown unchecked"),
        Rule(
            codes: ["snapshot-unsigned"], severity: "warning",
            help: "`snapshot_key` names the board's key, and a snapshot in `Snapshots/` is not signed: it is left out"),
        Rule(
            codes: ["snapshot-signature"], severity: "error",
            help:
                "a snapshot's signature does not hold for the board's key (`snapshot_key`): edited after signing, or signed with another key; it is left out"
        ),
        Rule(
            codes: ["carried-over"], severity: "warning",
            help: "an assessment's level equals the last snapshot's and `reviewed_on` is not later than that snapshot (at the `level:` line)"),
        Rule(
            codes: ["approval-changed"], severity: "warning",
            help:
                "a document's content (its body, another field, or an attachment or image it uses) changed after an approval that recorded its hash (`approved_sha256`, `consent_sha256`, `advice_sha256`); an adoption no longer counts"
        ),
        Rule(
            codes: ["unknown-register"], severity: "error",
            help:
                "a YAML or CSV file in `Content/registers/` whose name is not one of the five registers (with the closest name), or one in a subfolder of it or in a folder of that name in other letters (`Registers/`)"
        ),
        Rule(
            codes: ["duplicate-register"], severity: "error",
            help: "a second file with the entries of the same register"),
        Rule(
            codes: ["invalid-id"], severity: "error",
            help: "an entry's `id` holds more than lower-case letters, digits and single hyphens between them"),
        Rule(
            codes: ["csv-syntax"], severity: "error",
            help:
                "a CSV file that cannot be read: a quoted cell that is never closed, text after a closing quote, a quote inside a cell that does not start with one (at the cell), or a first row that names no fields"
        ),
        Rule(
            codes: ["unknown-reference"], severity: "error",
            help:
                "a reference, or a link (`registers/verwerkers.yml#id`), to an entry that does not exist in the register it names (the first hundred with the closest id)"
        ),
        Rule(
            codes: ["agreement-expired"], severity: "warning",
            help: "a processor's `overeenkomst_tot` lies before the reference date"),
        Rule(
            codes: ["certificate-expired"], severity: "warning",
            help: "a processor's `certificering_tot` lies before the reference date"),
        Rule(
            codes: ["no-agreement"], severity: "warning",
            help: "a processing activity uses a processor whose `overeenkomst` is `geen` (at its `verwerkers`)"),
        Rule(
            codes: ["dpia-missing"], severity: "warning",
            help: "a processing activity is `hoog_risico` but names no `dpia`"),
        Rule(
            codes: ["dpia-overdue"], severity: "warning",
            help: "a DPIA's `herbeoordeling_op` lies before the reference date"),
        Rule(
            codes: ["breach-reported-late"], severity: "warning",
            help: "a breach was reported to the AP more than three days after `ontdekt_op`, and `te_laat_reden` gives no reason"),
        Rule(
            codes: ["finding-overdue"], severity: "warning",
            help: "a finding's `actie_uiterlijk` lies before the reference date and its `actie_status` is not `gereed`"),
        Rule(
            codes: ["pdf-failed"], severity: "error",
            help: "`build --pdf`: WeasyPrint could not make a PDF (its message is given); nothing was written"),
        Rule(
            codes: ["unknown-school"], severity: "error",
            help: "`scope:` (or `build --school`) names a school id that `schools:` in normfolio.yml does not define (with the closest id)"),
        Rule(
            codes: ["level-not-for-every-school"], severity: "warning",
            help:
                "a level of 2 or higher is claimed for every school (or the schools of the assessment's `scope:`), but current evidence covers the norm for only some of them; names the schools without (at the `level:` line)"
        ),
        Rule(
            codes: ["tracked-changes"], severity: "error",
            help:
                "`normfolio import`: the Word or OpenDocument file has pending tracked changes (counted: insertions, deletions, changes of formatting), so it is a draft; nothing is written until they are accepted or rejected in Word or LibreOffice, or with `--accept-changes` or `--reject-changes` (an OpenDocument file's changes can only be accepted)"
        ),
        Rule(
            codes: ["import-comments"], severity: "warning",
            help:
                "`normfolio import`: the file holds reviewers' comments (counted, at the lines of the written document where they were): left out, or with `--keep-comments` kept as footnotes; their authors' names never"
        ),
        Rule(
            codes: ["import-title"], severity: "warning",
            help:
                "`normfolio import`: the title in the file's properties is template text (`[…]`, `<%…%>`, `{{…}}`, `XXX`) or missing, and the title paragraph, the first heading or the file name was used instead (the field is named)"
        ),
        Rule(
            codes: ["placeholder"], severity: "warning",
            help:
                "example text `init` or `new` wrote (at its line), an `owner:` written without a value, or an example register entry (an id starting with `voorbeeld`)"
        ),
    ]

    /// The rule of a code; nil for a code the table does not name.
    static func rule(for code: String) -> Rule? { all.first { $0.codes.contains(code) } }
}
