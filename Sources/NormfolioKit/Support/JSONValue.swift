/// A JSON value, written deterministically: object keys sorted, two-space indentation, absent
/// values as `null`. Used for the exports, where Foundation's encoder is slow for large sites.
indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    static func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
    static func double(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// The value as pretty-printed JSON text, ending in a line break. With `escapingLessThan`, `<`
    /// is written as `\u003c`, so the text can never close a `<script>` element.
    func text(escapingLessThan: Bool = false) -> String {
        var output: [UInt8] = []
        write(to: &output, indent: 0, escapeLessThan: escapingLessThan)
        output.append(0x0A)
        return String(decoding: output, as: UTF8.self)
    }

    var text: String { text() }

    private func write(to output: inout [UInt8], indent: Int, escapeLessThan: Bool) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .int(let value): output += String(value).utf8
        case .double(let value):
            // Whole numbers without a fraction; others in Swift's shortest exact form ("2.7").
            let text = value.isFinite ? (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)") : "null"
            output += text.utf8
        case .string(let value): Self.writeString(value, to: &output, escapeLessThan: escapeLessThan)
        case .array(let values):
            guard !values.isEmpty else { output += "[]".utf8; return }
            output += "[\n".utf8
            for (index, value) in values.enumerated() {
                output += repeatElement(UInt8(ascii: " "), count: indent + 2)
                value.write(to: &output, indent: indent + 2, escapeLessThan: escapeLessThan)
                output += (index + 1 < values.count ? ",\n" : "\n").utf8
            }
            output += repeatElement(UInt8(ascii: " "), count: indent)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output += "{}".utf8; return }
            output += "{\n".utf8
            for (index, (key, value)) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                output += repeatElement(UInt8(ascii: " "), count: indent + 2)
                Self.writeString(key, to: &output, escapeLessThan: escapeLessThan)
                output += ": ".utf8
                value.write(to: &output, indent: indent + 2, escapeLessThan: escapeLessThan)
                output += (index + 1 < members.count ? ",\n" : "\n").utf8
            }
            output += repeatElement(UInt8(ascii: " "), count: indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string: runs of bytes that need no escaping (almost all text) are copied whole.
    private static func writeString(_ value: String, to output: inout [UInt8], escapeLessThan: Bool) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || (byte == 0x3C && escapeLessThan) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                switch byte {
                case 0x22: output += "\\\"".utf8
                case 0x5C: output += "\\\\".utf8
                case 0x0A: output += "\\n".utf8
                case 0x0D: output += "\\r".utf8
                case 0x09: output += "\\t".utf8
                case 0x3C: output += "\\u003c".utf8
                default:
                    let hex = String(byte, radix: 16)
                    output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
