/// The sizes normfolio accepts. Beyond them a file or value is refused with a located error
/// instead of being read, rendered and multiplied over thousands of pages (a 3 MB organisation
/// name would be on every page of the site).
enum Limits {
    /// A Markdown file: far more than the longest policy, small enough to read in a blink.
    static let markdownFileBytes = 4 << 20
    /// A snapshot: the model of a whole portfolio (about 10 MB for 10,000 documents); reading one
    /// takes a few times its size in memory.
    static let snapshotFileBytes = 16 << 20
    /// A page's file name without ".html": file systems allow 255 bytes per name.
    static let pageNameBytes = 250
    /// normfolio.yml, a catalogue overlay or a template.
    static let settingsFileBytes = 1 << 20
    /// A text attachment scanned for personal data; larger ones are published unscanned, with a warning.
    static let scannedAttachmentBytes = 64 << 20
    /// A name shown on every page or in every list: the organisation, the site title, a document title.
    static let nameCharacters = 300
    /// A register entry's id, which names its page file: far within any file system's limit on a name.
    static let idCharacters = 100
    /// Any other text value in front matter or settings.
    static let valueCharacters = 10_000
    /// Sections nested in a template.
    static let templateNesting = 64
    /// Values that YAML aliases (`*name`) may repeat beyond those written out in a file: plenty for
    /// aliases as YAML means them, far too few for aliases of aliases that multiply ("billion laughs").
    static let aliasedYAMLValues = 1_000_000
    /// Unknown references to register entries that get a did-you-mean, which compares the id with
    /// every id of the register: a file full of unknown ids is reported without delay.
    static let suggestedReferences = 100
    /// How much of a value a diagnostic quotes.
    static let quotedCharacters = 120
}
