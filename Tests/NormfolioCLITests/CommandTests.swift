import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// End-to-end runs of the built `normfolio` binary: standard output, standard error, exit code.
@Suite struct CommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/NormfolioKitTests/Fixtures")
    /// A small portfolio: two published documents, one withheld, one free page, one expired review.
    static let siteFixture = fixtures.appendingPathComponent("site")

    /// The binary next to this test bundle (`swift build` first; `make test` does).
    static let binary: URL? = {
        if let path = ProcessInfo.processInfo.environment["NORMFOLIO_BIN"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("normfolio")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = packageRoot.appendingPathComponent(".build/debug/normfolio")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `environment` with the terminal in English unless it names a language: the tests assert
    /// English messages. `NORMFOLIO_LANGUAGE: ""` leaves the choice to the portfolio and the locale.
    static func english(_ environment: [String: String]) -> [String: String] {
        var environment = environment
        if environment["NORMFOLIO_LANGUAGE"] == nil { environment["NORMFOLIO_LANGUAGE"] = "en" }
        return environment
    }

    func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil) throws -> Run {
        let binary = try #require(Self.binary, "build the normfolio binary first: swift build --product normfolio")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = Self.english(environment ?? ProcessInfo.processInfo.environment)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Standard error is read beside standard output: a run that fills one pipe (64 KiB) while
        // the other is read would never end.
        let errors = Captured()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: errors.data, as: UTF8.self))
    }

    /// Bytes one thread reads for another; the group's wait orders the write before the read.
    final class Captured: @unchecked Sendable {
        var data = Data()
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("normfolio-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func buildsAndVerifiesAPortfolio() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let site = out.appendingPathComponent("site")
        let result = try run(["build", Self.siteFixture.path, "-o", site.path])
        #expect(result.status == 0, "\(result.stderr)")
        // The fixture's points of attention, among them: the incident procedure was due for review on 2026-01-01 (its as_of is 2026-12-01).
        #expect(
            result.stderr.contains(
                "Content/procedures/incident.md:8:12: warning: this evidence was due for review on 2026-01-01, "
                    + "before 2026-12-01 [evidence-expired]\n"))
        #expect(result.stderr.split(separator: "\n").count == 8)
        // Counted from the fixture: the intranet edition has no `intranet:` setting, so it holds the
        // 2 document pages it may read and their index, 1 free page, and the home, integrity and search pages.
        #expect(result.stdout.hasPrefix("Built 7 pages, 2 documents (1 withheld for intranet), 8 warnings in "))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix(" → \(site.path)") == true)
        #expect(lines.last?.hasPrefix("Fingerprint (SHA-256 of export/SHA256SUMS): ") == true)
        let verified = try run(["verify", site.path])
        #expect(verified.status == 0)
        // verify prints the fingerprint build printed, and what it checked.
        let fingerprintLine = try #require(lines.last)
        #expect(
            verified.stdout.hasPrefix(fingerprintLine + "\nSources fingerprint (as on the cover of the PDFs): ")
                && verified.stdout.contains("\nIntact: "))
        #expect(verified.stdout.hasSuffix(" files match export/SHA256SUMS and the manifest.\n"))
        try Data("x".utf8).write(to: site.appendingPathComponent("index.html"))
        let tampered = try run(["verify", site.path])
        #expect(tampered.status == 1)
        #expect(tampered.stderr == "changed: index.html\n")
        #expect(tampered.stdout.hasPrefix(fingerprintLine + "\n") && tampered.stdout.hasSuffix("\nNot intact: 1 changed, 0 missing, 0 extra.\n"))
        // A portfolio is no site.
        #expect(try run(["verify", Self.siteFixture.path]).status == 2)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
        // The auditor edition has the withheld pentest's page too.
        let auditor = try run(["build", Self.siteFixture.path, "-o", site.path, "--audience", "auditor"])
        // The auditor gets every part: 80 catalogue pages, 4 document pages, 1 free page, the home, coverage, maturity,
        // plan, report, integrity, search, calendar, progress and attention pages, and all five registers with their
        // overview and eight entries.
        #expect(auditor.stdout.hasPrefix("Built 109 pages, 3 documents, 8 warnings in "))
    }

    /// The points of attention `check --format json` reports are exactly those the auditor's
    /// edition shows (on the sample and on a fixture); and the README states the sample's count.
    @Test(arguments: ["", "Tests/NormfolioKitTests/Fixtures/portfolio"])
    func theAuditorsEditionShowsWhatCheckReports(_ folder: String) throws {
        let portfolio = Self.packageRoot.appendingPathComponent(folder)
        let check = try run(["check", portfolio.path, "--format", "json", "--as-of", "2026-12-01"])
        let reported = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
        let claims = reported.filter { ($0["severity"] as? String) == "warning" && Self.findingCodes.contains($0["code"] as? String ?? "") }
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let site = work.appendingPathComponent("site")
        #expect(try run(["build", portfolio.path, "--audience", "auditor", "--as-of", "2026-12-01", "-o", site.path]).status == 0)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("export/portfolio.json")))
                as? [String: Any])
        let shown = try #require(json["findings"] as? [[String: Any]])
        #expect(shown.count == claims.count && claims.count > 10)
        #expect(
            shown.map { "\($0["path"] ?? ""):\($0["line"] ?? ""):\($0["code"] ?? "")" }
                == claims.map { "\($0["path"] ?? ""):\($0["line"] ?? ""):\($0["code"] ?? "")" })
        let attention = try String(contentsOf: site.appendingPathComponent("aandachtspunten.html"), encoding: .utf8)
        #expect(attention.contains("<p><strong>\(claims.count) aandachtspunten</strong></p>"))
        if folder.isEmpty {
            // The README's quick start says how many warnings the sample's build reports.
            let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(readme.contains("the build reports \(reported.count) warnings"), "the sample reports \(reported.count) warnings")
        }
    }

    /// The codes of the points of attention (see docs/format.md).
    static let findingCodes: Set<String> = [
        "placeholder", "approval-changed", "evidence-expired", "level-without-evidence", "level-on-stale-evidence",
        "level-without-adopted-evidence", "carried-over", "review-overdue", "action-overdue", "agreement-expired",
        "certificate-expired", "no-agreement", "dpia-missing", "dpia-overdue", "breach-reported-late", "finding-overdue",
        "level-not-for-every-school",
    ]

    @Test func checkReportsEveryMistakeOnceWithItsPlaceAndWritesNothing() throws {
        let portfolio = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: portfolio) }
        let files = [
            "Content/evidence/mfa.md": "---\ntitle: MFA\nnorms: [SM.20]\nnorm: x\n---\nZie [beleid](beleid.md) en XY.12.\n",
            "Content/norms/GO.02.md": "---\nlevel: 6\n---\n",
            "Content/pages/over.md": "---\ntitle: [\n---\n",
        ]
        for (path, text) in files {
            let url = portfolio.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let check = try run(["check", portfolio.path])
        #expect(check.status == 1)
        #expect(
            check.stderr == """
                Content/evidence/mfa.md:3:9: error: unknown norm ID 'SM.20' (did you mean 'SM.02'?) [unknown-norm]
                Content/evidence/mfa.md:4:1: warning: unknown field 'norm' (did you mean 'norms'?); it is ignored [unknown-key]
                Content/evidence/mfa.md:6:5: error: link to 'beleid.md', which does not exist [broken-link]
                Content/evidence/mfa.md:6:28: warning: 'XY.12' looks like a norm ID but is not in the catalogue; it is not linked [unknown-norm-reference]
                Content/norms/GO.02.md:2:8: error: 'level' is 6, outside 1-5 [level-out-of-range]
                Content/pages/over.md:3:1: error: malformed YAML: while parsing a flow node did not find expected node content [yaml-syntax]

                """)
        #expect(check.stdout == "4 errors, 2 warnings (1 document read).\n")

        let build = try run(["build", portfolio.path])
        #expect(build.status == 1)
        #expect(build.stderr.hasSuffix("Build failed: 4 errors, 2 warnings; nothing was written.\n"))
        #expect(!FileManager.default.fileExists(atPath: portfolio.appendingPathComponent("_site").path))

        let json = try run(["check", portfolio.path, "--format", "json"])
        #expect(json.status == 1)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.count == 6)
        #expect(decoded?.first?["code"] as? String == "unknown-norm")
        #expect(decoded?.first?["line"] as? Int == 3)
        #expect(decoded?.first?["column"] as? Int == 9)
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let portfolio = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: portfolio) }
        let url = portfolio.appendingPathComponent("Content/a.md")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("---\ntitle: A\nnorms: [GO.02]\ntpye: beleid\n---\n".utf8).write(to: url)
        #expect(try run(["check", portfolio.path]).status == 0)
        #expect(try run(["check", portfolio.path, "--strict"]).status == 1)
        #expect(try run(["build", portfolio.path, "--strict"]).status == 1)
        #expect(try run(["build", portfolio.path]).status == 0)
    }

    @Test func initCreatesAPortfolioThatBuilds() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try run(["init", "nieuw"], in: folder)
        #expect(created.status == 0)
        #expect(created.stdout.hasPrefix("Created a portfolio in nieuw with 5 files."))
        let portfolio = folder.appendingPathComponent("nieuw")
        // It builds, but says what is still example text: nothing in it is invented evidence.
        let check = try run(["check", portfolio.path])
        #expect(check.status == 0)
        #expect(check.stdout == "0 errors, 5 warnings (2 documents read).\n")
        let placeholders = check.stderr.split(separator: "\n").filter { $0.hasSuffix("[placeholder]") }.map { $0.prefix { $0 != ":" } }
        #expect(
            placeholders == [
                "Content/beleid/informatiebeveiligingsbeleid.md", "Content/norms/GO.02.md", "Content/procedures/datalekken.md",
                "Content/registers/verwerkingen.yml", "Content/registers/verwerkingen.yml",
            ], "\(check.stderr)")
        let policy = try String(contentsOf: portfolio.appendingPathComponent("Content/beleid/informatiebeveiligingsbeleid.md"), encoding: .utf8)
        #expect(!policy.contains("\napproved_by:") && policy.contains("\n# approved_by: College van Bestuur"))
        #expect(try run(["check", portfolio.path, "--strict"]).status == 1)
        #expect(try run(["build", portfolio.path]).status == 0)
        // A small register of processing activities comes with it: the auditor's edition shows it, the intranet does not.
        #expect(!FileManager.default.fileExists(atPath: portfolio.appendingPathComponent("_site/registers/verwerkingen.html").path))
        let auditor = portfolio.appendingPathComponent("auditor")
        #expect(try run(["build", portfolio.path, "--audience", "auditor", "-o", auditor.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: auditor.appendingPathComponent("registers/verwerkingen.html").path))
        let again = try run(["init", "nieuw"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already has"))
        let themed = try run(["init", "metthema", "--theme"], in: folder)
        #expect(themed.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("metthema/Templates/layout.mustache").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("metthema/Strings/en.yml").path))
        // The copied theme is the built-in one: the portfolio checks cleanly with it.
        let themedCheck = try run(["check", folder.appendingPathComponent("metthema").path])
        #expect(themedCheck.status == 0, "\(themedCheck.stderr)")
    }

    @Test func normsListsTheCatalogue() throws {
        let all = try run(["norms"])
        #expect(all.status == 0)
        let lines = all.stdout.split(separator: "\n")
        #expect(lines.count == 79)
        #expect(lines.first == "GO.01\tBestuur\tStrategie informatiebeveiliging")
        #expect(lines.contains("HR.06\tPersoneelsbeheer\tBewustwording (werktitel)"))
        let privacy = try run(["norms", "--part", "privacy"])
        #expect(privacy.stdout.split(separator: "\n").count == 10)
        #expect(privacy.stdout.hasPrefix("PR.03\tProcessen\tVerwerkingsregister actualisatie\n"))
    }

    @Test func newWritesADocumentThatChecksCleanly() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["init", folder.path]).status == 0)
        let created = try run(["new", "Beleid \"MFA\" 2027", "--norms", "SM.02, ID.02", "--type", "beleid", "--portfolio", folder.path])
        #expect(created.status == 0)
        #expect(created.stdout == "Created Content/documenten/beleid-mfa-2027.md\n")
        let text = try String(contentsOf: folder.appendingPathComponent("Content/documenten/beleid-mfa-2027.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Beleid \\\"MFA\\\" 2027\"\nnorms: [SM.02, ID.02]\ntype: beleid\nclassification: intern\n"))
        // Until its owner and text are written, the new document is a placeholder, and cannot be approved.
        let newCheck = try run(["check", folder.path])
        #expect(newCheck.stderr.contains("Content/documenten/beleid-mfa-2027.md:6:1: warning: 'owner' is empty; fill it in"))
        #expect(newCheck.stderr.contains("Content/documenten/beleid-mfa-2027.md:15:1: warning: this is still the example text normfolio wrote"))
        let early = try run(["approve", folder.appendingPathComponent("Content/documenten/beleid-mfa-2027.md").path, "--by", "College van Bestuur"])
        #expect(early.status == 1 && early.stderr.contains("still holds the example text normfolio wrote"))
        let again = try run(["new", "Beleid \"MFA\" 2027", "--norms", "SM.02", "--portfolio", folder.path])
        #expect(again.status == 1)
        // Every classification name front matter accepts works here too, written as its Dutch name.
        let aliased = try run([
            "new", "Register", "--norms", "SM.02", "--type", "Register", "--classification", "Confidential",
            "--portfolio", folder.path,
        ])
        #expect(aliased.status == 0)
        let registerText = try String(contentsOf: folder.appendingPathComponent("Content/documenten/register.md"), encoding: .utf8)
        #expect(registerText.contains("\ntype: register\nclassification: vertrouwelijk\n"))
        let wrongClass = try run(["new", "Y", "--norms", "SM.02", "--classification", "geheim", "--portfolio", folder.path])
        #expect(wrongClass.status == 64 && wrongClass.stderr.contains("unknown classification 'geheim'"))
        // A new register of each kind, every field explained; each checks cleanly except the
        // DPIA, whose processing activity the author must name.
        for kind in ["verwerkers", "datalekken", "bevindingen", "dpia"] {
            let register = try run(["new", "--register", kind, "--portfolio", folder.path])
            #expect(register.stdout.hasPrefix("Created Content/registers/\(kind).yml\n"))
        }
        let registers = try run(["check", folder.path, "--format", "json"])
        let codes = try #require(try JSONSerialization.jsonObject(with: Data(registers.stdout.utf8)) as? [[String: Any]]).compactMap {
            $0["code"] as? String
        }
        // Besides the example entries and empty owners (placeholders), only the DPIA's missing activity.
        #expect(codes.filter { $0 != "placeholder" } == ["missing-field"], "\(registers.stdout)")
        // Counted: init's three example texts, and its register's empty owner and example entry (5); the two new
        // documents' empty owners and example texts (4); the four new registers' empty owners and example entries (8).
        #expect(codes.count { $0 == "placeholder" } == 17, "\(registers.stdout)")
        let dpia = try String(contentsOf: folder.appendingPathComponent("Content/registers/dpia.yml"), encoding: .utf8)
        #expect(dpia.contains("# verwerking: voorbeeld") && dpia.contains("# required; the id of an entry in verwerkingen"))
        #expect(try run(["new", "--register", "verwerkers", "--portfolio", folder.path]).status == 1)
        // An adoption recorded with the text's hash; an edit afterwards is reported, and fails --strict.
        let policy = folder.appendingPathComponent("Content/documenten/beleid-mfa-2027.md")
        try Data(
            try String(contentsOf: policy, encoding: .utf8).replacingOccurrences(of: "owner:", with: "owner: ICT-coördinator")
                .replacingOccurrences(of: "Beschrijf hier het bewijs.", with: "MFA geldt voor alle accounts.").utf8
        ).write(to: policy)
        let approve = try run(["approve", policy.path, "--by", "College van Bestuur", "--on", "2026-11-20"])
        #expect(approve.status == 0 && approve.stdout.contains("approved_by College van Bestuur, approved_on 2026-11-20, sha256 "))
        #expect(try run(["check", folder.path, "--strict"]).stderr.contains("approval-changed") == false)
        try Data((try String(contentsOf: policy, encoding: .utf8) + "Later toegevoegd.\n").utf8).write(to: policy)
        let stale = try run(["check", folder.path, "--strict"])
        #expect(
            stale.status == 1
                && stale.stderr.contains(
                    "beleid-mfa-2027.md:12:18: error: the text changed after it was adopted by College van Bestuur on 2026-11-20")
        )
        #expect(try run(["approve", policy.path, "--by", "CvB", "--as", "besluit"]).status == 64)
        let wrongRegister = try run(["new", "--register", "leveranciers", "--portfolio", folder.path])
        #expect(wrongRegister.status == 64 && wrongRegister.stderr.contains("unknown register 'leveranciers'"))
        let unknown = try run(["new", "X", "--norms", "SM.20", "--portfolio", folder.path])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown norm ID 'SM.20' (did you mean 'SM.02'?)"))
    }

    @Test func keygenSignAndVerifyGiveAGuaranteeFromTheCommandLine() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let keys = work.appendingPathComponent("sleutels")
        let made = try run(["keygen", keys.path])
        #expect(made.status == 0)
        #expect(made.stdout.contains("Key ID:      "))
        let attributes = try FileManager.default.attributesOfItem(atPath: keys.path + ".key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try run(["keygen", keys.path]).status == 1)  // never overwritten
        let portfolio = Self.fixtures.appendingPathComponent("site")
        let site = work.appendingPathComponent("site")
        let built = try run(["build", portfolio.path, "-o", site.path, "--sign", keys.path + ".key"])
        #expect(built.status == 0, "\(built.stderr)")
        let fingerprint = try #require(built.stdout.split(separator: "\n").first { $0.hasPrefix("Fingerprint") }?.split(separator: " ").last)
        #expect(built.stdout.contains("Signed with key "))
        let verified = try run(["verify", site.path, "--key", keys.path + ".pub", "--expect", String(fingerprint)])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("The fingerprint is the one expected.\nSigned with key "))
        let wrong = try run(["verify", site.path, "--expect", String(repeating: "0", count: 64)])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("fingerprint: not the one expected"))
        // A private key inside the portfolio is refused before anything is built.
        let inside = try run(["build", portfolio.path, "-o", site.path, "--sign", portfolio.appendingPathComponent("normfolio.yml").path])
        #expect(inside.status == 64)
        #expect(inside.stderr.contains("lies inside the portfolio"))
    }

    @Test func normsCanBeSearched() throws {
        #expect(try run(["norms", "--search", "mfa"]).stdout == "SM.02\tSecuritymanagement\tAuthenticatiemechanismes\n")
        let backup = try run(["norms", "--search", "BACK-UP"]).stdout.split(separator: "\n").map { $0.prefix(5) }
        #expect(backup == ["OP.02", "BC.03"])
        let none = try run(["norms", "--search", "zzzz"])
        #expect(none.stdout.isEmpty && none.stderr == "No norm matches 'zzzz'.\n")
    }

    @Test func servePreviewsRebuildsShowsErrorsAndStops() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["init", folder.path]).status == 0)
        let (process, output, announced) = try startServe([folder.path, "--port", "0"])
        defer { if process.isRunning { process.terminate() } }
        // The first line names the address, with the port the system chose.
        let address = try #require(announced.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") })
        let base = try #require(URL(string: String(address)))

        func get(_ path: String) async throws -> (Int, String) {
            let url = try #require(URL(string: path, relativeTo: base))
            let (data, response) = try await URLSession.shared.data(from: url)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }
        func waitForVersion(after version: String) async throws -> String {
            for _ in 0..<50 {
                let (_, now) = try await get("__normfolio/version")
                if now != version { return now }
                try await Task.sleep(for: .milliseconds(100))
            }
            return version
        }

        let (status, home) = try await get("index.html")
        #expect(status == 200)
        var (_, version) = try await get("__normfolio/version")
        #expect(home.contains("<script src=\"/__normfolio/livereload.js\" data-version=\"\(version)\"></script>\n</body>"))
        // Every page says which edition the preview shows (the auditor's, unless --audience says otherwise).
        #expect(
            home.contains(
                "<body>\n<aside class=\"preview-banner\" aria-label=\"normfolio serve\"><p>Voorbeeld van de uitgave voor: auditor</p></aside>"))
        #expect(try await get("__normfolio/livereload.js").1.contains("/__normfolio/wait.js?since="))

        // The page's wait for a change is answered as soon as a file is saved: with a reload.
        let waitPath = "__normfolio/wait.js?since=\(version)"
        let policy = folder.appendingPathComponent("Content/beleid/informatiebeveiligingsbeleid.md")
        let text = try String(contentsOf: policy, encoding: .utf8)
        // The save comes from a thread of its own a moment after the wait began, so that other tests
        // keeping this process's task threads busy cannot hold it up past the wait's limit.
        let edited = Data(text.replacingOccurrences(of: "# Doel", with: "# Doel en reikwijdte").utf8)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { try? edited.write(to: policy) }
        #expect(try await get(waitPath).1 == "location.reload();\n")
        version = try await waitForVersion(after: version)
        #expect(
            try await get("documenten/beleid-informatiebeveiligingsbeleid.html").1.contains("<h2 id=\"doel-en-reikwijdte\">Doel en reikwijdte <a"))
        // A page made before the last change reloads at once.
        #expect(try await get("__normfolio/wait.js?since=0").1 == "location.reload();\n")

        let broken = folder.appendingPathComponent("Content/kapot.md")
        try Data("---\ntitle: Kapot\nnorms: [ZZ.99]\n---\n".utf8).write(to: broken)
        version = try await waitForVersion(after: version)
        let (errorStatus, errorPage) = try await get("index.html")
        #expect(errorStatus == 500)
        // The page is in the portfolio's language, Dutch, its messages too (the terminal's is English here).
        #expect(errorPage.contains("<li><code>Content/kapot.md:3:9: error: onbekende norm-ID &#39;ZZ.99&#39; [unknown-norm]</code></li>"))

        try FileManager.default.removeItem(at: broken)
        version = try await waitForVersion(after: version)
        #expect(try await get("index.html").0 == 200)

        // A document in a new folder, and a save the way many editors do it (a new file renamed
        // over the old one), are seen too.
        let newFolder = folder.appendingPathComponent("Content/scholen/de-linde")
        try FileManager.default.createDirectory(at: newFolder, withIntermediateDirectories: true)
        try Data("---\ntitle: Privacyreglement De Linde\nnorms: [GO.02]\nclassification: intern\n---\nTekst.\n".utf8)
            .write(to: newFolder.appendingPathComponent("privacyreglement.md"))
        version = try await waitForVersion(after: version)
        #expect(try await get("documenten/scholen-de-linde-privacyreglement.html").1.contains("Privacyreglement De Linde"))
        try Data("---\ntitle: Privacyreglement De Linde 2027\nnorms: [GO.02]\nclassification: intern\n---\nTekst.\n".utf8)
            .write(to: newFolder.appendingPathComponent("privacyreglement.md"))
        version = try await waitForVersion(after: version)
        #expect(try await get("documenten/scholen-de-linde-privacyreglement.html").1.contains("Privacyreglement De Linde 2027"))
        try Data(text.replacingOccurrences(of: "# Doel", with: "# Doel, atomair bewaard").utf8).write(to: policy, options: .atomic)
        version = try await waitForVersion(after: version)
        #expect(
            try await get("documenten/beleid-informatiebeveiligingsbeleid.html").1.contains(
                "<h2 id=\"doel-atomair-bewaard\">Doel, atomair bewaard <a"))
        // The built site never carries the live-reload script.
        #expect(try run(["build", folder.path]).status == 0)
        let built = try String(contentsOf: folder.appendingPathComponent("_site/index.html"), encoding: .utf8)
        #expect(!built.contains("livereload"))

        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "Stopped.\n")
    }

    /// Starts `normfolio serve` with `arguments`; returns it, its standard output, and what it
    /// printed up to the line that says where it serves.
    func startServe(_ arguments: [String]) throws -> (Process, Pipe, String) {
        let process = Process()
        process.executableURL = try #require(Self.binary)
        process.arguments = ["serve"] + arguments
        process.environment = Self.english(ProcessInfo.processInfo.environment)
        let errors = Pipe(), output = Pipe()
        process.standardError = errors
        process.standardOutput = output
        try process.run()
        var said = ""
        while !said.contains("Serving") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said += String(decoding: chunk, as: UTF8.self)
        }
        return (process, output, said)
    }

    @Test func servingTheFullEditionOnTheNetworkWarns() throws {
        let (process, _, said) = try startServe([Self.fixtures.appendingPathComponent("site").path, "--host", "0.0.0.0", "--port", "0"])
        defer { if process.isRunning { process.terminate() } }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(said.contains("warning: serving the auditor edition (documents up to strikt-vertrouwelijk) on 0.0.0.0"))
        #expect(process.terminationStatus == 0)
    }

    @Test func usageErrorsAreNotContentErrors() throws {
        let missing = try run(["build", "/nonexistent/portfolio"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("portfolio folder '/nonexistent/portfolio' does not exist"))
        let badDate = try run(["check", Self.siteFixture.path, "--as-of", "2026-13-01"])
        #expect(badDate.status == 64)
        let badAudience = try run(["build", Self.siteFixture.path, "--audience", "iedereen"])
        #expect(badAudience.status == 64)
        let inside = Self.siteFixture.appendingPathComponent("Content/x")
        let unsafe = try run(["build", Self.siteFixture.path, "-o", inside.path])
        #expect(unsafe.status == 2)
        #expect(unsafe.stderr.contains("inside the portfolio's Content/ folder"))
        #expect(!FileManager.default.fileExists(atPath: inside.path))
    }

    @Test func helpDescribesTheCommands() throws {
        let help = try run(["--help"])
        #expect(help.status == 0)
        for command in ["build", "check", "serve", "verify", "norms", "init", "new", "import", "keygen", "approve"] {
            #expect(help.stdout.contains(command))
        }
        let buildHelp = try run(["build", "--help"])
        #expect(buildHelp.stdout.contains("--audience"))
        #expect(buildHelp.stdout.contains("--as-of"))
        let importHelp = try run(["import", "--help"])
        #expect(importHelp.stdout.contains("--norms") && importHelp.stdout.contains("apt-get install pandoc"))
    }
}
