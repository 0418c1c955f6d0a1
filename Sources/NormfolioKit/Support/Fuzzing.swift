import Foundation

/// Entry points for coverage-guided fuzzing (`make fuzz`) and for replaying what fuzzing found
/// (the regression tests). Each takes arbitrary bytes and must return without crashing, whatever
/// the bytes are.
public enum Fuzzing {
    /// What a fuzz target exercises.
    public enum Target: String, CaseIterable, Sendable {
        /// The Markdown stage alone: analysis, HTML and the privacy guard on a body.
        case markdown
        /// One evidence document read and linked: front matter, YAML fields, body.
        case frontMatter = "front-matter"
        /// A whole portfolio read, linked, rendered and sealed. The input holds several files,
        /// separated by the byte 0xFF (never part of UTF-8 text): settings, an evidence document,
        /// an assessment, a free page, a second document, a text attachment and a template.
        case portfolio
        /// A register file read and its references checked. The first byte chooses the register and
        /// whether the rest is its YAML file, its CSV file, or both (separated by the byte 0xFF).
        case register
        /// A snapshot file read, with and without the board's key; a sealed one signed must verify.
        case snapshot
        /// The approval digest of a Markdown file: recording an approval must not change it.
        case approval
        /// `import`'s archive reader: the bytes as a Word or OpenDocument file (the first byte
        /// chooses which), every part measured, the title, tables and hidden text read.
        case archive
    }

    /// The files of the `portfolio` target, in the order the input's parts fill them.
    static let portfolioFiles = [
        "normfolio.yml", "Content/a.md", "Content/norms/GO.02.md", "Content/pages/p.md", "Content/b/c.md",
        "Content/b/bijlage.txt", "Templates/page.mustache",
    ]

    /// Runs one input through a target.
    public static func run(_ target: Target, _ data: Data) {
        switch target {
        case .markdown:
            let text = String(decoding: data, as: UTF8.self)
            let source = MarkdownSource(text: text, firstLine: 1 + data.count % 3)
            _ = Markdown.analyze(source, path: "Content/a.md")
            _ = Markdown.html(
                source, normURL: { $0.hasPrefix("S") ? Routes.fromFolder + Routes.norm($0) : nil },
                resolve: { destination, _ in
                    switch destination.utf8.count % 3 {
                    case 0: .keep
                    case 1: .rewrite(Routes.fromFolder + "x/" + destination)
                    default: .unlink
                    }
                })
            _ = PrivacyGuard.scan(text)
        case .frontMatter:
            let io = FileIO.memory(["/p/Content/a.md": data, "/p/Content/b.md": Data("---\ntitle: B\nnorms: [GO.02]\n---\n".utf8)])
            _ = Normfolio.check(BuildOptions(portfolio: "/p"), io: io, today: fuzzDay)
        case .portfolio:
            var files: [String: Data] = [:]
            for (name, part) in zip(portfolioFiles, data.split(separator: 0xFF, omittingEmptySubsequences: false)) {
                files["/p/" + name] = Data(part)
            }
            let audience = Audience.allCases[data.count % Audience.allCases.count]
            _ = Normfolio.render(BuildOptions(portfolio: "/p", audience: audience), io: .memory(files), today: fuzzDay)
        case .register: register(data)
        case .snapshot: snapshot(data)
        case .approval: approval(data)
        case .archive: archive(data)
        }
    }

    private static func register(_ data: Data) {
        let kind = RegisterKind.allCases[Int(data.first ?? 0) % RegisterKind.allCases.count]
        let parts = data.dropFirst().split(separator: 0xFF, maxSplits: 1, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        var texts: [String: String] = [:]
        switch (Int(data.first ?? 0) / RegisterKind.allCases.count) % 3 {
        case 0: texts["registers/\(kind.rawValue).yml"] = parts.first
        case 1: texts["registers/\(kind.rawValue).csv"] = parts.first
        default:
            texts["registers/\(kind.rawValue).yml"] = parts.first
            texts["registers/\(kind.rawValue).csv"] = parts.count > 1 ? parts[1] : ""
        }
        var diagnostics: [Diagnostic] = []
        let registers = Register.readAll(texts, files: Set(texts.keys), catalog: fuzzCatalog, diagnostics: &diagnostics)
        _ = Linker.linkRegisters(registers, reference: ReferenceDate(fuzzDay), diagnostics: &diagnostics)
    }

    private static func snapshot(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        var diagnostics: [Diagnostic] = []
        _ = Snapshot.read(text, path: "Snapshots/x.json", diagnostics: &diagnostics)
        _ = Snapshot.read(text, path: "Snapshots/x.json", key: fuzzKey.publicKey, diagnostics: &diagnostics)
        if let signed = Snapshot.signing(text, with: fuzzKey) {
            precondition(Snapshot.Seal(signed).signatureHolds(for: fuzzKey.publicKey) == true, "a snapshot signed does not verify")
            precondition(Snapshot.Seal(signed).content == Snapshot.Seal(text).content, "signing changed what the seal covers")
        }
    }

    private static func approval(_ data: Data) {
        var ignored: [Diagnostic] = []
        guard let text = ContentReader.decodeText(data, path: "Content/a.md", diagnostics: &ignored),
            let digest = Approval.textDigest(ofMarkdown: text, path: "Content/a.md")
        else { return }
        for kind in Approval.Kind.allCases {
            guard let recorded = Approval.recording(kind, by: "College \"van\"\nBestuur", on: fuzzDay, digest: digest, in: text) else { continue }
            precondition(
                Approval.textDigest(ofMarkdown: recorded, path: "Content/a.md") == digest,
                "recording an approval changed the digest of the text")
        }
        _ = Approval.digest(text: digest, attachments: [("b.pdf", digest), ("a.pdf", digest)])
    }

    private static func archive(_ data: Data) {
        let kind: OfficeFile.Kind = (data.first ?? 0) % 2 == 0 ? .docx : .odt
        // Small limits, so that a bomb is caught quickly whatever the input.
        let budget = BoundedArchive.Budget(entryBytes: 4 << 20, totalBytes: 8 << 20, ratio: 250, ratioFloor: 64 << 10)
        guard let archive = try? BoundedArchive(data: Data(data.dropFirst()), budget: budget) else { return }
        try? archive.measureAll()
        guard
            let office = try? OfficeFile(
                kind: kind, url: URL(fileURLWithPath: "/fuzz." + kind.rawValue),
                archive: BoundedArchive(data: Data(data.dropFirst()), budget: budget))
        else { return }
        _ = try? office.hiddenTextRemoved()
    }

    private static let fuzzCatalog = Catalog.builtIn()
    /// A fixed key, so that a run can be replayed.
    private static let fuzzKey =
        (try? SigningKey(
            pem: """
                -----BEGIN PRIVATE KEY-----
                MC4CAQAwBQYDK2VwBCIEIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
                -----END PRIVATE KEY-----

                """)) ?? SigningKey()

    private static let fuzzDay = Day("2026-12-01") ?? Day(Date(timeIntervalSince1970: 0))
}
