import Foundation

/// normfolio's own JSON files (the manifest, the export model that snapshots keep) are written
/// from `Codable` types and read back with the same types: a field renamed on the writing side
/// fails the reading side's round-trip test instead of being lost silently. Writing goes through
/// `JSONValue`, for its deterministic text; an optional that is nil is written as `null`.
extension JSONValue: Codable {
    init(encoding value: some Encodable) {
        let encoder = JSONValueEncoder()
        do {
            try value.encode(to: encoder)
        } catch {
            // The encoder itself never throws; a type's own `encode(to:)` could.
            preconditionFailure("\(type(of: value)) cannot be written as JSON: \(error)")
        }
        self = encoder.storage.result
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: Encoder) throws {
        if let encoder = encoder as? JSONValueEncoder {
            encoder.storage.set(self)
            return
        }
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The keys of this value (a decoded file) that `known` (the same file read into normfolio's
    /// types and written again) does not have: fields normfolio does not know, as paths
    /// (`norms[3].levl`).
    func unknownKeys(comparedWith known: JSONValue, at path: String = "") -> [String] {
        switch (self, known) {
        case (.object(let members), .object(let knownMembers)):
            return members.keys.sorted().flatMap { key -> [String] in
                let child = path.isEmpty ? key : path + "." + key
                guard let knownValue = knownMembers[key] else { return [child] }
                return members[key]!.unknownKeys(comparedWith: knownValue, at: child)
            }
        case (.array(let values), .array(let knownValues)):
            return zip(values, knownValues).enumerated().flatMap { index, pair in
                pair.0.unknownKeys(comparedWith: pair.1, at: "\(path)[\(index)]")
            }
        default:
            return []
        }
    }

    /// A decoding error as a reader can act on it: where in the file, and what was wrong.
    static func describe(_ error: Error) -> String {
        func place(_ path: [CodingKey]) -> String {
            path.reduce("") { text, key in
                key.intValue.map { "\(text)[\($0)]" } ?? (text.isEmpty ? key.stringValue : text + "." + key.stringValue)
            }
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "the field '\(place(context.codingPath + [key]))' is missing"
        case .typeMismatch(let type, let context)?, .valueNotFound(let type, let context)?:
            return
                "the field '\(place(context.codingPath))' is not \(type == String.self ? "text" : type == Int.self ? "a whole number" : "of the right kind")"
        case .dataCorrupted(let context)?:
            return context.codingPath.isEmpty ? "it is not valid JSON" : "the field '\(place(context.codingPath))' is damaged"
        default: return "it cannot be read"
        }
    }
}

/// An `Encoder` that makes a `JSONValue`, for writing `Codable` types with `JSONValue`'s text.
final class JSONValueEncoder: Encoder {
    /// Where a value is written: shared by a container and the encoder it came from. An array or
    /// object being filled is kept apart, so that adding to it does not copy it.
    final class Storage {
        var value = JSONValue.null
        var array: [JSONValue]?
        var object: [String: JSONValue]?

        var result: JSONValue { object.map(JSONValue.object) ?? array.map(JSONValue.array) ?? value }

        func set(_ value: JSONValue) {
            (self.value, array, object) = (value, nil, nil)
        }
    }

    let storage = Storage()
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [CodingKey] = []) { self.codingPath = codingPath }

    /// Encodes a nested value, with its own storage.
    static func value(of value: some Encodable, at codingPath: [CodingKey]) throws -> JSONValue {
        let encoder = JSONValueEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.storage.result
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if storage.object == nil { (storage.array, storage.object) = (nil, [:]) }
        return KeyedEncodingContainer(Keyed<Key>(storage: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if storage.array == nil { (storage.array, storage.object) = ([], nil) }
        return Unkeyed(storage: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { Single(storage: storage, codingPath: codingPath) }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let storage: Storage
        let codingPath: [CodingKey]

        private func set(_ value: JSONValue, _ key: Key) {
            storage.object?[key.stringValue] = value
        }

        mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { set(.double(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
        mutating func encode(_ value: some Encodable, forKey key: Key) throws {
            set(try JSONValueEncoder.value(of: value, at: codingPath + [key]), key)
        }
        // An absent optional is written as null: the exports name every field in every record.
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { set(value.map(JSONValue.bool) ?? .null, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { set(.int(value), key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { set(.double(value), key) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { set(.string(value), key) }
        mutating func encodeIfPresent<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
            // A field that only some portfolios have (`OmittedWhenAbsent`) is left out when absent.
            if value == nil, Value.self is any OmittedWhenAbsent.Type { return }
            set(try value.map { try JSONValueEncoder.value(of: $0, at: codingPath + [key]) } ?? .null, key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("normfolio's JSON types encode nested values as values")
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            preconditionFailure("normfolio's JSON types encode nested values as values")
        }
        mutating func superEncoder() -> Encoder { preconditionFailure("normfolio's JSON types have no superclass") }
        mutating func superEncoder(forKey key: Key) -> Encoder { preconditionFailure("normfolio's JSON types have no superclass") }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let storage: Storage
        let codingPath: [CodingKey]
        var count: Int { storage.array?.count ?? 0 }

        private func append(_ value: JSONValue) {
            storage.array?.append(value)
        }

        mutating func encodeNil() throws { append(.null) }
        mutating func encode(_ value: Bool) throws { append(.bool(value)) }
        mutating func encode(_ value: Int) throws { append(.int(value)) }
        mutating func encode(_ value: Double) throws { append(.double(value)) }
        mutating func encode(_ value: String) throws { append(.string(value)) }
        mutating func encode(_ value: some Encodable) throws {
            append(try JSONValueEncoder.value(of: value, at: codingPath))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("normfolio's JSON types encode nested values as values")
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            preconditionFailure("normfolio's JSON types encode nested values as values")
        }
        mutating func superEncoder() -> Encoder { preconditionFailure("normfolio's JSON types have no superclass") }
    }

    private struct Single: SingleValueEncodingContainer {
        let storage: Storage
        let codingPath: [CodingKey]
        mutating func encodeNil() throws { storage.set(.null) }
        mutating func encode(_ value: Bool) throws { storage.set(.bool(value)) }
        mutating func encode(_ value: Int) throws { storage.set(.int(value)) }
        mutating func encode(_ value: Double) throws { storage.set(.double(value)) }
        mutating func encode(_ value: String) throws { storage.set(.string(value)) }
        mutating func encode(_ value: some Encodable) throws {
            storage.set(try JSONValueEncoder.value(of: value, at: codingPath))
        }
    }
}
