import Foundation
import TestSupport
import Testing

@testable import NormfolioKit

/// The manifest, the checksum list, `verify`, and the hashes on evidence pages.
@Suite struct IntegrityTests {
    func build(_ audience: Audience = .accountant) throws -> (URL, BuildResult) {
        let out = try temporaryFolder()
        let result = try Normfolio.build(
            BuildOptions(
                portfolio: siteFixture, output: out.appendingPathComponent("site").path,
                audience: audience))
        return (out, result)
    }

    func sha256sumCheck(in folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", "--quiet", "-c", "export/SHA256SUMS"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.needs("sha256sum (coreutils)", probe: ["sha256sum", "--version"]))
    func standardToolsVerifyTheSiteAndNoticeAnyEdit() throws {
        let (out, _) = try build()
        defer { try? FileManager.default.removeItem(at: out) }
        let site = out.appendingPathComponent("site")
        #expect(try sha256sumCheck(in: site) == 0)
        #expect(try Integrity.verify(site: site.path).isIntact)
        #expect(try Integrity.verify(site: site.path).checked == contents(of: site).count - 2)  // not the list, not the marker

        // One byte changed in one page.
        let page = site.appendingPathComponent("normen/GO.02.html")
        var bytes = try Data(contentsOf: page)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: page)
        try Data("extra".utf8).write(to: site.appendingPathComponent("extra.html"))
        try FileManager.default.removeItem(at: site.appendingPathComponent("index.html"))
        #expect(try sha256sumCheck(in: site) != 0)
        let report = try Integrity.verify(site: site.path)
        #expect(report.changed == ["normen/GO.02.html"])
        #expect(report.missing == ["index.html"])
        #expect(report.extra == ["extra.html"])
        #expect(!report.isIntact)
    }

    @Test func editingAPageAndItsChecksumTogetherIsCaughtByTheManifestTheFingerprintAndTheSignature() throws {
        let key = SigningKey()
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let site = out.appendingPathComponent("site")
        let result = try Normfolio.build(BuildOptions(portfolio: siteFixture, output: site.path, signingKey: key), today: fixedToday)
        let sealed = try #require(result.site)
        let fingerprint = try #require(Integrity.fingerprint(of: sealed))
        let intact = try Integrity.verify(site: site.path, expectedFingerprint: fingerprint, key: key.publicKey)
        #expect(intact.isIntact && intact.fingerprint == fingerprint && intact.signatureIsValid == true && intact.fingerprintMatches == true)

        // The forger edits a page and its line in SHA256SUMS: the files agree with the list ...
        let page = site.appendingPathComponent("index.html")
        try Data("<p>vervalst</p>".utf8).write(to: page)
        let sums = site.appendingPathComponent("export/SHA256SUMS")
        let forged =
            try String(contentsOf: sums, encoding: .utf8).split(separator: "\n").map { line in
                line.hasSuffix("  index.html") ? Integrity.sha256(Data("<p>vervalst</p>".utf8)) + "  index.html" : String(line)
            }.joined(separator: "\n") + "\n"
        try Data(forged.utf8).write(to: sums)
        let report = try Integrity.verify(site: site.path, expectedFingerprint: fingerprint, key: key.publicKey)
        #expect(report.changed.isEmpty && report.missing.isEmpty && report.extra.isEmpty)
        // ... but not with the manifest, the fingerprint handed over, or the signature.
        #expect(report.manifestProblems == ["index.html: export/manifest.json and export/SHA256SUMS give different SHA-256 hashes"])
        #expect(report.fingerprintMatches == false)
        #expect(report.signatureIsValid == false)
        #expect(!report.isIntact)
        // Another key's signature does not pass either.
        #expect(try Integrity.verify(site: site.path, key: SigningKey().publicKey).signatureIsValid == false)
    }

    @Test func pathsInTheChecksumListThatLeaveTheSiteAreRefusedUnread() throws {
        let (out, _) = try build()
        defer { try? FileManager.default.removeItem(at: out) }
        let site = out.appendingPathComponent("site")
        try Data("GEHEIM".utf8).write(to: out.appendingPathComponent("buiten.txt"))
        let sums = site.appendingPathComponent("export/SHA256SUMS")
        var text = try String(contentsOf: sums, encoding: .utf8)
        let outsideHash = Integrity.sha256(Data("GEHEIM".utf8))
        text += "\(outsideHash)  ../buiten.txt\n\(outsideHash)  /etc/hostname\nnonsense\n"
        try Data(text.utf8).write(to: sums)
        let report = try Integrity.verify(site: site.path)
        #expect(report.invalidLines == ["\(outsideHash)  ../buiten.txt", "\(outsideHash)  /etc/hostname", "nonsense"])
        #expect(!report.isIntact)
        #expect(report.changed.isEmpty && report.missing.isEmpty)
    }

    /// Skipped, and shown as skipped, where OpenSSL is not installed.
    @Test(.needs("openssl (sudo apt-get install openssl)", probe: ["openssl", "version"]))
    func aSignatureIsCheckedByOpenSSLToo() throws {
        let key = SigningKey()
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let site = out.appendingPathComponent("site")
        _ = try Normfolio.build(BuildOptions(portfolio: siteFixture, output: site.path, signingKey: key), today: fixedToday)
        try Data(key.publicKey.pem.utf8).write(to: out.appendingPathComponent("sleutel.pub"))
        try Data(key.pem.utf8).write(to: out.appendingPathComponent("sleutel.key"))
        // The key files are the standard forms: OpenSSL reads them, and their key is the one in use.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "pkeyutl", "-verify", "-pubin", "-inkey", out.appendingPathComponent("sleutel.pub").path, "-rawin",
            "-in", site.appendingPathComponent("export/SHA256SUMS").path,
            "-sigfile", site.appendingPathComponent("export/SHA256SUMS.sig").path,
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try SigningKey(pem: key.pem).publicKey.pem == key.publicKey.pem)
        #expect(throws: KeyError.self) { try SigningKey(pem: key.publicKey.pem) }
        #expect(throws: KeyError.self) { try VerifyingKey(pem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n") }
    }

    @Test func theManifestDescribesTheEdition() throws {
        let (out, result) = try build()
        defer { try? FileManager.default.removeItem(at: out) }
        let data = try Data(contentsOf: out.appendingPathComponent("site/export/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(manifest["audience"] as? String == "accountant")
        #expect(manifest["as_of"] as? String == "2026-12-01")
        #expect(manifest["normfolio_version"] as? String == Normfolio.version)
        #expect(manifest["git_commit"] is NSNull)
        let files = try #require(manifest["files"] as? [[String: Any]])
        let site = try #require(result.site)
        #expect(files.count == site.files.count - 2)
        let index = try #require(files.first { $0["path"] as? String == "index.html" })
        let indexBytes = try Data(contentsOf: out.appendingPathComponent("site/index.html"))
        #expect(index["size"] as? Int == indexBytes.count)
        #expect(index["sha256"] as? String == Integrity.sha256(indexBytes))
        // Sources of published documents only: the withheld pentest is not named.
        let sources = try #require(manifest["sources"] as? [[String: Any]])
        #expect(sources.compactMap { $0["source"] as? String } == ["Content/beleid/ib-beleid.md", "Content/procedures/incident.md"])
        #expect(!String(decoding: data, as: UTF8.self).contains("pentest"))
    }

    @Test func attachmentsShowTheirSizeAndHash() throws {
        let site = try #require(Normfolio.render(BuildOptions(portfolio: siteFixture), today: fixedToday).site)
        let policy = page(site, "documenten/beleid-ib-beleid.html")
        #expect(
            policy.contains(
                "<td><a href=\"../bijlagen/beleid/bestanden/verslag-1.txt\">Verslag 1.txt</a></td><td class=\"num\">24 bytes</td><td><code class=\"hash\">94a6bae8717de21562b4649e87744d9365289b3b7a9564e7dec6452c4288e9ea</code></td>"
            ))
    }

    @Test func theGitCommitIsReadWithoutGit() throws {
        let commit = String(repeating: "ab12", count: 10)
        let loose = FileIO.memory(root: "/p", [".git/HEAD": "ref: refs/heads/main\n", ".git/refs/heads/main": commit + "\n"])
        #expect(Integrity.gitCommit(of: "/p", io: loose) == commit)
        let packed = FileIO.memory(
            root: "/p",
            [
                ".git/HEAD": "ref: refs/heads/main\n",
                ".git/packed-refs": "# pack-refs\n\(commit) refs/heads/main\n",
            ])
        #expect(Integrity.gitCommit(of: "/p", io: packed) == commit)
        let detached = FileIO.memory(root: "/p", [".git/HEAD": commit + "\n"])
        #expect(Integrity.gitCommit(of: "/p", io: detached) == commit)
        #expect(Integrity.gitCommit(of: "/p", io: .memory(root: "/p", [:])) == nil)
    }

    /// `git worktree add` leaves a `.git` file naming the worktree's own git directory, which holds
    /// HEAD and a `commondir` pointing back at the main repository, where the branches are.
    @Test func theGitCommitIsReadInALinkedWorktree() throws {
        let commit = String(repeating: "cd34", count: 10)
        let files = [
            "/w/.git": "gitdir: /repo/.git/worktrees/w\n",
            "/repo/.git/worktrees/w/HEAD": "ref: refs/heads/feature\n",
            "/repo/.git/worktrees/w/commondir": "../..\n",
        ]
        func io(_ more: [String: String]) -> FileIO { .memory(files.merging(more) { $1 }.mapValues { Data($0.utf8) }) }
        #expect(Integrity.gitCommit(of: "/w", io: io(["/repo/.git/refs/heads/feature": commit + "\n"])) == commit)
        #expect(Integrity.gitCommit(of: "/w", io: io(["/repo/.git/packed-refs": "\(commit) refs/heads/feature\n"])) == commit)
        #expect(Integrity.gitCommit(of: "/w", io: io([:])) == nil)
    }
}

/// The hand-off archive.
@Suite struct ZipTests {
    @Test(.needs("python3", probe: ["python3", "--version"]))
    func twoZipsOfTheSameInputAreIdenticalAndUnzipToAWorkingSite() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        var zips: [Data] = []
        for run in ["a", "b"] {
            let folder = work.appendingPathComponent(run)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let zip = folder.appendingPathComponent("overdracht.zip")
            _ = try Normfolio.build(
                BuildOptions(
                    portfolio: siteFixture, output: folder.appendingPathComponent("site").path,
                    audience: .auditor, zip: zip.path))
            zips.append(try Data(contentsOf: zip))
        }
        #expect(zips[0] == zips[1])
        #expect(zips[0].starts(with: [0x50, 0x4B, 0x03, 0x04]))

        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        unzip.arguments = [
            "python3", "-m", "zipfile", "-e", work.appendingPathComponent("a/overdracht.zip").path, work.appendingPathComponent("x").path,
        ]
        try unzip.run()
        unzip.waitUntilExit()
        #expect(unzip.terminationStatus == 0)
        let unzipped = work.appendingPathComponent("x/overdracht")
        #expect(FileManager.default.fileExists(atPath: unzipped.appendingPathComponent("index.html").path))
        #expect(try Integrity.verify(site: unzipped.path).isIntact)
        // The zip holds exactly the site: the same files as the folder, without normfolio's marker.
        #expect(Set(contents(of: unzipped).keys) == Set(contents(of: work.appendingPathComponent("a/site")).keys).subtracting([".normfolio-site"]))
    }

    @Test func aZipInsideTheOutputOrContentIsRefused() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("site")
        for zip in [output.appendingPathComponent("site.zip").path, siteFixture + "/Content/site.zip"] {
            #expect(throws: WriteError.self, "\(zip)") {
                try Normfolio.build(BuildOptions(portfolio: siteFixture, output: output.path, zip: zip))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: siteFixture + "/Content/site.zip"))
    }
}
