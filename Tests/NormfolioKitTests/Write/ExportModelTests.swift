import Foundation
import Testing

@testable import NormfolioKit

/// normfolio's own JSON (the export model a snapshot keeps, the manifest) is written and read with
/// the same types: what the build writes reads back to the same value and the same bytes, and a
/// file with a field missing or one normfolio does not write is refused, naming the field.
@Suite struct ExportModelTests {
    static func site() throws -> Site {
        try #require(Normfolio.render(BuildOptions(portfolio: portfolioFixture.path, audience: .auditor), today: fixedToday).site)
    }

    /// A register with an entry whose fields include a list of actions, and a finding.
    static let withRegister = MemoryPortfolio([
        "Content/a.md": evidence(),
        "Content/registers/dpia.yml": """
        title: DPIA's
        norms: [GB.03]
        classification: intern
        owner: FG
        review_by: 2027-05-01
        entries:
          - id: dpia-lvs
            titel: DPIA leerlingvolgsysteem
            verwerking: lvs
            datum: 2025-05-01
            uitkomst: uitvoeren-met-maatregelen
            maatregelen:
              - title: Rechten beperken
                owner: Applicatiebeheerder
                due: 2025-09-01
                status: open

        """,
        "Content/registers/verwerkingen.yml": """
        title: Verwerkingen
        norms: [PR.03]
        classification: intern
        owner: FG
        review_by: 2027-05-01
        entries:
          - id: lvs
            naam: Leerlingvolgsysteem
            doelen: [Volgen van de ontwikkeling]
            betrokkenen: [Leerlingen]
            gegevens: [Toetsresultaten]
            grondslag: c
            bewaartermijn: 2 jaar

        """,
    ])

    @Test func theExportModelAndTheManifestReadBackToTheSameBytes() throws {
        try roundTrip(try Self.site())
        try roundTrip(try #require(Self.withRegister.render(audience: .auditor).site), registers: true)
    }

    func roundTrip(_ site: Site, registers: Bool = false) throws {
        for path in [Routes.json, Routes.manifest] {
            let data = try #require(site.files.first { $0.path == path }?.bytes())
            let text: String
            switch path {
            case Routes.json:
                let model = try OwnJSON.read(ExportModel.self, from: data).get()
                #expect(model.findings?.isEmpty == false && !model.norms.isEmpty && !model.documents.isEmpty)
                if registers {
                    #expect(
                        model.registers?.first { $0.register == "dpia" }?.entries.first?["maatregelen"].map { "\($0)" }?.contains("Rechten beperken")
                            == true)
                }
                text = JSONValue(encoding: model).text
            default:
                let manifest = try OwnJSON.read(Manifest.self, from: data).get()
                #expect(manifest.files.count == site.files.count - 2)  // all but the manifest and SHA256SUMS
                text = JSONValue(encoding: manifest).text
            }
            #expect(text == String(decoding: data, as: UTF8.self), "\(path) does not read back to its own bytes")
        }
    }

    @Test func aMissingOrUnknownFieldIsRefusedByName() throws {
        let site = try Self.site()
        let manifest = String(decoding: try #require(site.files.first { $0.path == Routes.manifest }?.bytes()), as: UTF8.self)
        let renamed = manifest.replacingOccurrences(of: "\"sha256\": \"", with: "\"sha_256\": \"")
        #expect(OwnJSON.read(Manifest.self, from: Data(renamed.utf8)) == .failure(.init(problem: "the field 'files[0].sha256' is missing")))
        let extra = manifest.replacingOccurrences(of: "\"as_of\":", with: "\"asof\": \"x\",\n  \"as_of\":")
        #expect(OwnJSON.read(Manifest.self, from: Data(extra.utf8)) == .failure(.init(problem: "the field 'asof' is not one normfolio writes")))
        let wrongType = manifest.replacingOccurrences(of: "\"size\": ", with: "\"size\": \"many\", \"x\": ")
        #expect(
            OwnJSON.read(Manifest.self, from: Data(wrongType.utf8)) == .failure(.init(problem: "the field 'files[0].size' is not a whole number")))
        #expect(OwnJSON.read(Manifest.self, from: Data("{".utf8)) == .failure(.init(problem: "it is not valid JSON")))
    }

    /// A snapshot whose model has a field renamed is refused at its file, with the field named.
    @Test func aSnapshotWithAnUnknownFieldIsALocatedError() throws {
        let made = Normfolio.snapshot(
            BuildOptions(portfolio: "/p", asOf: Day("2026-06-01")),
            io: MemoryPortfolio(["Content/a.md": evidence()]).io, today: fixedToday)
        let text = try #require(made.text)
        let renamed = text.replacingOccurrences(of: "\"withheld_count\":", with: "\"withheld\":")
        #expect(renamed != text)
        let result = MemoryPortfolio(["Content/a.md": evidence(), "Snapshots/2026-06-01.json": renamed]).check()
        #expect(
            result.diagnostics.map(\.formatted) == [
                "Snapshots/2026-06-01.json:1:1: error: this snapshot cannot be read: it is not a portfolio.json of normfolio: "
                    + "the field 'norms[0].withheld_count' is missing [invalid-snapshot]"
            ])
    }

    /// Absent optionals are written as null, so every record names every field.
    @Test func anAbsentOptionalIsWrittenAsNull() {
        let action = ExportModel.Action(title: "Patch", owner: nil, due: nil, status: "open", overdue: false)
        #expect(
            JSONValue(encoding: action)
                == .object([
                    "title": .string("Patch"), "owner": .null, "due": .null,
                    "status": .string("open"), "overdue": .bool(false),
                ]))
    }
}
