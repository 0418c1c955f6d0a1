import Foundation
import Testing

@testable import NormfolioKit

/// The exports and the search index are written by `JSONValue`, not Foundation: its text must be
/// JSON that any parser reads back to the same strings.
@Suite struct JSONValueTests {
    @Test func stringsAreEscapedExactlyWhereJSONNeedsIt() {
        let value = JSONValue.strings(["plain", "say \"hi\"", "back\\slash", "line\nbreak\r\ttab", "\u{1}\u{1F}", "</script>", "ë 🙂"])
        #expect(
            value.text == """
                [
                  "plain",
                  "say \\"hi\\"",
                  "back\\\\slash",
                  "line\\nbreak\\r\\ttab",
                  "\\u0001\\u001f",
                  "</script>",
                  "ë 🙂"
                ]

                """)
        #expect(JSONValue.string("a</script>b").text(escapingLessThan: true) == "\"a\\u003c/script>b\"\n")
    }

    @Test func anyTextReadsBackAsItWasWritten() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab \"\\\n\r\t\u{0}\u{7}\u{1F}<>/é€🙂\u{AD}")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            for lessThan in [false, true] {
                let json = JSONValue.object(["t": .string(text)]).text(escapingLessThan: lessThan)
                if lessThan { #expect(!json.contains("<")) }
                let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
                #expect(parsed?["t"] == text, "\(text.debugDescription)")
            }
        }
    }
}
