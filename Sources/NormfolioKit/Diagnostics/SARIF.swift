import Foundation

/// `check --format sarif`: diagnostics as a SARIF 2.1.0 log, the form GitHub code scanning, GitLab
/// and Azure DevOps show beside a change. One rule per code, with what it means; each result at
/// its file, line and column, relative to the portfolio (`%SRCROOT%`).
public enum SARIF {
    /// The version of the format, and the schema the log says it follows.
    static let version = "2.1.0"
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    /// The log of one run of `check` over the portfolio at `root` (a folder, for `originalUriBaseIds`).
    public static func log(_ diagnostics: [Diagnostic], root: URL?, toolVersion: String = Normfolio.version) -> Data {
        let codes = Array(Set(diagnostics.map(\.code))).sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let rules: [JSONValue] = codes.map(rule)
        let results: [JSONValue] = diagnostics.map { diagnostic in
            .object([
                "ruleId": .string(diagnostic.code),
                "ruleIndex": .int(ruleIndex[diagnostic.code] ?? 0),
                "level": .string(diagnostic.severity == .error ? "error" : "warning"),
                "message": .object(["text": .string(diagnostic.message)]),
                "locations": .array([
                    .object([
                        "physicalLocation": .object([
                            "artifactLocation": .object(["uri": .string(uri(diagnostic.location.path)), "uriBaseId": .string("%SRCROOT%")]),
                            "region": .object([
                                "startLine": .int(diagnostic.location.line),
                                "startColumn": .int(diagnostic.location.column),
                            ]),
                        ])
                    ])
                ]),
            ])
        }
        var run: [String: JSONValue] = [
            "tool": .object([
                "driver": .object([
                    "name": .string("normfolio"),
                    "version": .string(toolVersion),
                    "rules": .array(rules),
                ])
            ]),
            "columnKind": .string("unicodeCodePoints"),
            "results": .array(results),
        ]
        if let root {
            let path = root.standardizedFileURL.path
            run["originalUriBaseIds"] = .object([
                "%SRCROOT%": .object([
                    "uri": .string(
                        uri(
                            path.hasSuffix("/") ? path : path + "/",
                            absolute: true))
                ])
            ])
        }
        let log: JSONValue = .object(["$schema": .string(schema), "version": .string(version), "runs": .array([.object(run)])])
        return Data(log.text().utf8)
    }

    /// A rule: the code, its name, and what it means (from docs/format.md's table).
    private static func rule(_ code: String) -> JSONValue {
        let rule = DiagnosticRules.rule(for: code)
        let help = rule?.help ?? "see the table of diagnostics in docs/format.md"
        let plain = help.replacingOccurrences(of: "`", with: "")
        let name = code.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return .object([
            "id": .string(code),
            "name": .string(name),
            "shortDescription": .object(["text": .string(plain.split(separator: ";").first.map(String.init) ?? plain)]),
            "fullDescription": .object(["text": .string(plain)]),
            "help": .object([
                "text": .string("\(code): \(plain). See 'Diagnostics' in docs/format.md."),
                "markdown": .string("**`\(code)`**: \(help). See *Diagnostics* in docs/format.md."),
            ]),
            "defaultConfiguration": .object(["level": .string(rule?.severity == "error" ? "error" : "warning")]),
        ])
    }

    /// A path as a URI reference: every byte outside the unreserved set and `/` percent-encoded.
    static func uri(_ path: String, absolute: Bool = false) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return absolute ? "file://" + encoded : encoded
    }
}
