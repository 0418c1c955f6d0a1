import Testing

@testable import NormfolioKit

/// The privacy guard: BSNs (elfproef), e-mail and IPv4 addresses, with positions.
@Suite struct PrivacyGuardTests {
    @Test func theElfproef() {
        // 9·1 + 8·2 + 7·3 + 6·4 + 5·5 + 4·6 + 3·7 + 2·8 − 2 = 154 = 14 · 11
        #expect(PrivacyGuard.passesElfproef(Array("123456782".utf8)))
        #expect(PrivacyGuard.passesElfproef(Array("111222333".utf8)))
        #expect(!PrivacyGuard.passesElfproef(Array("123456789".utf8)))  // 147, remainder 4
        #expect(!PrivacyGuard.passesElfproef(Array("000000000".utf8)))
        #expect(!PrivacyGuard.passesElfproef(Array("12345678".utf8)))
    }

    @Test func findsAndMasksWithPositions() {
        let text = MarkedText(
            """
            Leerling 1️⃣123456782 en 999999999 en 1234567890 en 12345678.
            Mail 2️⃣jan.jansen@school.nl of ë 3️⃣a.b@x.io, niet @handle of a@b.
            Server 4️⃣192.168.10.20 maar niet versie 1.2.3.4.5 of 300.1.1.1 of 2026-12-01.
            """)
        let findings = PrivacyGuard.scan(text.text)
        #expect(findings.map(\.kind) == [.bsn, .email, .email, .ipv4])
        #expect(
            findings.map { SourceLocation(path: "x", line: $0.line, column: $0.column) }
                == ["1️⃣", "2️⃣", "3️⃣", "4️⃣"].map { text.location($0, in: "x") })
        #expect(findings.map(\.masked) == ["1234***82", "j***@school.nl", "a***@x.io", "192.168.*.*"])
    }

    @Test func aBSNStopsTheBuildAndCannotBeAcknowledged() {
        let p = MemoryPortfolio([
            "Content/a.md":
                "---\ntitle: A\nnorms: [GO.02]\nclassification: openbaar\npii_reviewed: [1️⃣bsn, email]\n---\nBSN 2️⃣111222333 en 3️⃣fg@elders.nl.\n"
        ])
        let result = p.render()
        #expect(result.site == nil)
        #expect(
            result.diagnostics.map(\.formatted) == [
                "Content/a.md:5:16: error: a BSN cannot be acknowledged with pii_reviewed; remove the number instead [invalid-value]",
                "Content/a.md:7:5: error: BSN-like number 1112***33 (it passes the elfproef); a BSN may never be published: remove it, or, if it is not a BSN (an order or case number), write <!-- geen bsn --> after it on the same line [personal-data-bsn]",
            ])
        #expect(result.diagnostics.map(\.location) == [p.location("1️⃣", in: "Content/a.md"), p.location("2️⃣", in: "Content/a.md")])
        // The e-mail address is acknowledged, not missed: without the acknowledgement it is reported.
        let unacknowledged = MemoryPortfolio(["Content/a.md": p.files["Content/a.md"]!.replacingOccurrences(of: "[bsn, email]", with: "[bsn]")])
        let email = unacknowledged.check().diagnostics.filter { $0.code == "personal-data-email" }
        #expect(email.map(\.location) == [p.location("3️⃣", in: "Content/a.md")])
        #expect(email.map(\.severity) == [.warning])
    }

    @Test func warningsAreAcknowledgedOrAllowed() {
        let p = MemoryPortfolio([
            "normfolio.yml": "email_allowlist: [voorbeeldscholen.example, fg@elders.nl]\n",
            "Content/a.md": evidence(
                body: "Mail 1️⃣iemand@elders.nl, fg@elders.nl, privacy@voorbeeldscholen.example, ict@mail.voorbeeldscholen.example; ip 2️⃣10.0.0.1.\n"),
            "Content/b.md": evidence("B", extra: "pii_reviewed: [email, ipv4]\n", body: "iemand@elders.nl en 10.0.0.1\n"),
            "Content/bestanden/lijst.csv": "naam;mail;bsn\nx;3️⃣p@elders.nl;4️⃣123456782\n",
        ])
        let result = p.check()
        #expect(result.diagnostics.map(\.code) == ["personal-data-email", "personal-data-ipv4", "personal-data-email", "personal-data-bsn"])
        #expect(
            result.diagnostics.map(\.location) == [
                p.location("1️⃣", in: "Content/a.md"), p.location("2️⃣", in: "Content/a.md"),
                p.location("3️⃣", in: "Content/bestanden/lijst.csv"), p.location("4️⃣", in: "Content/bestanden/lijst.csv"),
            ])
        #expect(result.diagnostics.allSatisfy { $0.formatted.contains("elders.nl") == ($0.code == "personal-data-email") })
        #expect(!result.diagnostics.contains { $0.message.contains("iemand") || $0.message.contains("123456782") })
    }

    /// A BSN or address hidden from a byte-level scan is still what a reader sees on the page.
    @Test func theGuardReadsTheTextAsTheReaderSeesIt() {
        let text = MarkedText(
            """
            Gegroepeerd: 1️⃣1112.22.333, 2️⃣111 222 333, 3️⃣111-22-2333; breed: 4️⃣１１１２２２３３３.
            Entiteiten: 5️⃣&#49;11222333 en 6️⃣&#x31;&#x31;1222333, escapes 7️⃣\\u0031\\u00311222333, URL 8️⃣%31%311222333.
            Onzichtbaar: 9️⃣111\u{200B}222\u{AD}333.
            """)
        let findings = PrivacyGuard.scan(text.text)
        #expect(findings.map(\.kind) == Array(repeating: .bsn, count: 9))
        #expect(findings.map(\.masked) == Array(repeating: "1112***33", count: 9))
        #expect(
            findings.map { SourceLocation(path: "x", line: $0.line, column: $0.column) }
                == MarkedText.markers.map { text.location($0, in: "x") })
        let mail = MarkedText("Mail 1️⃣jan&#64;school.nl, 2️⃣piet&commat;school.nl, 3️⃣kees＠school.nl of [a](mailto:4️⃣anna%40school.nl).")
        #expect(PrivacyGuard.scan(mail.text).map(\.masked) == ["j***@school.nl", "p***@school.nl", "k***@school.nl", "a***@school.nl"])
        #expect(
            PrivacyGuard.scan(mail.text).map { SourceLocation(path: "x", line: $0.line, column: $0.column) }
                == MarkedText.markers.prefix(4).map { mail.location($0, in: "x") })
    }

    @Test func numbersThatAreNotOneBSNStayQuiet() {
        // Lists of numbers, dates, phone numbers, versions and a number before a BSN-length group.
        let text = "1 2 3 4 5 6 7 8 9; 111.222.333.444; 2026-12-01; 06-1234 5678; v1.22.333; 12.34.56.78.90; 123 45 67 89 0"
        #expect(PrivacyGuard.scan(text).filter { $0.kind == .bsn }.isEmpty)
        // A BSN right after another number is still found on its own.
        #expect(PrivacyGuard.scan("Groep 12 111222333").map(\.masked) == ["1112***33"])
    }

    @Test func textAttachmentsOfEveryCommonKindAreScanned() {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(),
            "Content/data/lijst.tsv": "naam\tbsn\nx\t1112.22.333\n",
            "Content/data/export.json": "{\"bsn\": \"\\u0031\\u0031\\u0031222333\"}\n",
            "Content/data/config.yaml": "leerling: 111 222 333\n",
            "Content/data/lijst.CSV": "111222333\n",
            "Content/data/foto.png": "111222333",
        ])
        let found = p.check().diagnostics.filter { $0.code == "personal-data-bsn" }.map(\.location.path)
        #expect(found == ["Content/data/config.yaml", "Content/data/export.json", "Content/data/lijst.CSV", "Content/data/lijst.tsv"])
    }

    /// Issue 10: the guard tells numbering from addresses, and a number that is not a BSN can be
    /// acknowledged where it stands.
    @Test func measureNumbersAreNotAddressesButAddressesStillAre() {
        let text = """
            ## 12.4.1.1 Logbestanden
            - 5.1.2.3 Beleid
            | 8.2.3.1 | Maatregel |
            Volgens BIO 12.4.1.1 en ISO 27002 8.15.1.2, maatregel 5.1.2.3 en 5.1.2.4; zie hoofdstuk 1.2.3.4 en § 2.1.1.3.
            De server 192.168.10.20 en de router op 10.0.0.1.
            """
        #expect(PrivacyGuard.scan(text).map(\.masked) == ["192.168.*.*", "10.0.*.*"])
    }

    @Test func oneFindingPerPlace() {
        let findings = PrivacyGuard.scan("Mail [jan@school.nl](mailto:jan@school.nl) of jan@school.nl.\nEn [10.0.0.1](http://10.0.0.1/).")
        #expect(findings.map(\.column) == [7, 47, 5])
    }

    @Test func aNumberThatIsNotABSNIsAcknowledgedWhereItStands() {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(body: "Zaak https://zaken.example/111222333 <!-- geen bsn: zaaknummer -->\nMaar 123456782 niet.\n")
        ])
        #expect(p.check().diagnostics.map(\.location.line) == [7])
    }
}
