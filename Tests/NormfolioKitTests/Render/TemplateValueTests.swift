import Foundation
import Testing

@testable import NormfolioKit

/// Templates see a closed set of values. A view field of another type is an error that names the
/// view, the field and the type, where it once made the encoder recurse until the process died.
@Suite struct TemplateValueTests {
    struct Plain: TemplateView {
        struct Row: TemplateView { var name: String; var level: Int? }
        var title = "Beleid"
        var count = 3
        var shown = true
        var rows = [Row(name: "a", level: nil)]
    }

    @Test func plainViewsBecomeTemplateValues() throws {
        let value = try TemplateEncoder.checkedEncode(Plain())
        #expect(
            value
                == .object([
                    "title": .text("Beleid"), "count": .number(3), "shown": .flag(true),
                    "rows": .list([.object(["name": .text("a"), "level": .absent])]),
                ]))
    }

    struct WithDouble: TemplateView { var title = "x"; var score = 2.5 }
    struct WithDate: TemplateView { var adopted = Date(timeIntervalSince1970: 0) }
    struct WithInt64: TemplateView { struct Row: TemplateView { var size: Int64 = 1 }; var rows = [Row()] }
    struct WithData: TemplateView { var bytes = Data([1, 2]) }
    struct WithListOfDoubles: TemplateView { var values: [Double] = [1] }

    @Test func anUnsupportedFieldIsNamed() {
        #expect(
            message(WithDouble())
                == "template view WithDouble, field 'score': Double is not a template value (use String, Int, Bool, an optional, an array or a view)")
        #expect(message(WithDate())?.hasPrefix("template view WithDate, field 'adopted': Double") == true)
        #expect(message(WithInt64())?.hasPrefix("template view WithInt64, field 'rows[0].size': Int64") == true)
        #expect(message(WithData())?.hasPrefix("template view WithData, field 'bytes': UInt8") == true)
        #expect(message(WithListOfDoubles())?.hasPrefix("template view WithListOfDoubles, field 'values[0]': Double") == true)
    }

    private func message(_ view: some TemplateView) -> String? {
        do {
            _ = try TemplateEncoder.checkedEncode(view)
            return nil
        } catch {
            return error.description
        }
    }
}
