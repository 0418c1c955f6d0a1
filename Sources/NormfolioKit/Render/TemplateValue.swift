import Foundation
import Mustache

/// What templates see: a closed set of values. Page kinds build typed views (`Encodable`
/// structs); `TemplateEncoder` turns them into this, and the render engine hands it to Mustache.
enum TemplateValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A value that is not there (an optional without a value): a template sees it as absent, and
    /// does not look the name up in an enclosing section instead.
    case absent

    /// The value as swift-mustache reads it.
    var mustache: Any {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let items): items.map { $0.mustache }
        case .object(let members): members.mapValues { $0.mustache }
        case .absent: Absent()
        }
    }

    /// The member `key` of an object (nil for anything else).
    subscript(key: String) -> TemplateValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// An object with `members` added (for the values every page's template sees).
    func adding(_ members: [String: TemplateValue]) -> TemplateValue {
        guard case .object(var own) = self else { return self }
        own.merge(members) { _, new in new }
        return .object(own)
    }
}

/// A value a template sees as absent, so a missing field never picks up a same-named field of an
/// enclosing section (Mustache looks names up the context stack).
struct Absent: MustacheCustomRepresentation {
    var representation: Any? { nil }
}

/// What every view a template sees is: an `Encodable` struct whose stored properties are the
/// template's variables, by name.
protocol TemplateView: Encodable, Sendable, EncodesAsContainer {}

/// What encodes as an object or a list, never as one text, number or flag: views and arrays.
/// `TemplateEncoder` asks this once instead of trying three casts, which fail slowly.
protocol EncodesAsContainer {}
extension Array: EncodesAsContainer {}

extension TemplateView {
    /// The view as templates see it.
    var templateValue: TemplateValue { TemplateEncoder.encode(self) }
}

/// Two views as one: the variables of both, side by side (`base`'s first, then `extra`'s, which
/// win where both have a name). A page that shows a row's facts and more embeds the row's view
/// instead of declaring its fields again.
struct Merged<Base: TemplateView, Extra: TemplateView>: TemplateView {
    var base: Base
    var extra: Extra

    init(_ base: Base, _ extra: Extra) { (self.base, self.extra) = (base, extra) }

    func encode(to encoder: Encoder) throws {
        try base.encode(to: encoder)
        try extra.encode(to: encoder)
    }
}

// MARK: Encoding

/// Turns an `Encodable` view into a `TemplateValue`: structs become objects, arrays lists,
/// strings text, integers numbers, booleans flags, and optionals without a value `absent`.
enum TemplateEncoder {
    static func encode(_ value: some Encodable) -> TemplateValue {
        do {
            return try checkedEncode(value)
        } catch {
            // Views hold only the types above; a test encodes every page kind's view.
            preconditionFailure(String(describing: error))
        }
    }

    /// The view as a template value, or an error naming the view, the field and the type when a
    /// field holds something templates cannot show (a `Double`, a `Date`, an `Int64`, ...).
    static func checkedEncode(_ value: some Encodable) throws(UnsupportedValue) -> TemplateValue {
        let encoder = Encoder()
        do {
            try value.encode(to: encoder)
        } catch let error as UnsupportedValue {
            throw UnsupportedValue(view: String(describing: type(of: value)), field: error.field, type: error.type)
        } catch {
            throw UnsupportedValue(view: String(describing: type(of: value)), field: "", type: String(describing: error))
        }
        return encoder.storage.result
    }

    /// A field of a view that templates cannot show.
    struct UnsupportedValue: Error, CustomStringConvertible {
        var view = ""
        var field: String
        var type: String
        /// The same error for the value this one's value is member or item `key` of.
        func inside(_ key: CodingKey) -> UnsupportedValue {
            let rest = field.isEmpty || field.hasPrefix("[") ? field : "." + field
            let name = (key as? Index).map { "[\($0.intValue ?? 0)]" } ?? key.stringValue
            return UnsupportedValue(view: view, field: name + rest, type: type)
        }

        var description: String {
            "template view \(view), field '\(field)': \(type) is not a template value (use String, Int, Bool, an optional, an array or a view)"
        }
    }

    static func unsupported(_ type: Any.Type, _ key: CodingKey? = nil) -> UnsupportedValue {
        let error = UnsupportedValue(field: "", type: String(describing: type))
        return key.map(error.inside) ?? error
    }

    /// A list item's place in the coding path.
    struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { intValue.map(String.init) ?? "" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    /// Where an encoder puts what it encodes: one value, or the members or items a container
    /// collects (read once, at the end).
    final class Storage {
        var value: TemplateValue = .absent
        var object: ObjectBox?
        var list: ListBox?

        var result: TemplateValue {
            if let object { return .object(object.members) }
            if let list { return .list(list.items) }
            return value
        }
    }

    final class Encoder: Swift.Encoder {
        /// Not kept: an error names the field as it passes up (`value(of:at:)`).
        var codingPath: [CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        let storage = Storage()

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let object = storage.object ?? ObjectBox()
            storage.object = object
            return KeyedEncodingContainer(KeyedContainer<Key>(object: object))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            let list = storage.list ?? ListBox()
            storage.list = list
            return UnkeyedContainer(list: list)
        }

        func singleValueContainer() -> SingleValueEncodingContainer {
            SingleContainer(storage: storage)
        }
    }

    /// The members of an object being encoded.
    final class ObjectBox {
        var members: [String: TemplateValue] = [:]
    }

    /// The items of a list being encoded.
    final class ListBox {
        var items: [TemplateValue] = []
    }

    static func value<T: Encodable>(of encodable: T) throws -> TemplateValue {
        if T.self == String.self { return .text(encodable as! String) }
        if !(encodable is EncodesAsContainer) {
            switch encodable {
            case let text as String: return .text(text)
            case let number as Int: return .number(number)
            case let flag as Bool: return .flag(flag)
            default: break
            }
        }
        let encoder = Encoder()
        try encodable.encode(to: encoder)
        return encoder.storage.result
    }

    /// A value encoded in place `key` of its parent, with the path of a field that cannot be
    /// encoded made as the error passes up: encoding pays for no path it does not report.
    static func value<T: Encodable>(of encodable: T, at key: CodingKey) throws -> TemplateValue {
        do {
            return try value(of: encodable)
        } catch let error as UnsupportedValue {
            throw error.inside(key)
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: ObjectBox
        var codingPath: [CodingKey] { [] }

        private func set(_ value: TemplateValue, _ key: Key) {
            object.members[key.stringValue] = value
        }

        mutating func encodeNil(forKey key: Key) throws { set(.absent, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(.flag(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(.text(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(.number(value), key) }
        // Numbers of other kinds (and what encodes as them: dates, data) are no template value.
        mutating func encode(_ value: Double, forKey key: Key) throws { throw unsupported(Double.self, key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { throw unsupported(Float.self, key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { throw unsupported(Int8.self, key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { throw unsupported(Int16.self, key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { throw unsupported(Int32.self, key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { throw unsupported(Int64.self, key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { throw unsupported(UInt.self, key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { throw unsupported(UInt8.self, key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { throw unsupported(UInt16.self, key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { throw unsupported(UInt32.self, key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { throw unsupported(UInt64.self, key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            set(try TemplateEncoder.value(of: value, at: key), key)
        }
        // An optional without a value is there, as absent.
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { set(value.map(TemplateValue.text) ?? .absent, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { set(value.map(TemplateValue.number) ?? .absent, key) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { set(value.map(TemplateValue.flag) ?? .absent, key) }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            guard let value else { return set(.absent, key) }
            try encode(value, forKey: key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type,
            forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("template views encode nested values as values")
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            preconditionFailure("template views encode nested values as values")
        }

        mutating func superEncoder() -> Swift.Encoder { preconditionFailure("template views have no superclass") }
        mutating func superEncoder(forKey key: Key) -> Swift.Encoder { preconditionFailure("template views have no superclass") }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer, RefusesOtherNumbers {
        let list: ListBox
        var codingPath: [CodingKey] { [] }
        var count: Int { list.items.count }

        private mutating func append(_ value: TemplateValue) {
            list.items.append(value)
        }

        mutating func encodeNil() throws { append(.absent) }
        mutating func encode(_ value: Bool) throws { append(.flag(value)) }
        mutating func encode(_ value: String) throws { append(.text(value)) }
        mutating func encode(_ value: Int) throws { append(.number(value)) }
        // Numbers of other kinds are refused by `RefusesOtherNumbers`.
        mutating func encode<T: Encodable>(_ value: T) throws {
            append(try TemplateEncoder.value(of: value, at: Index(intValue: count)))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("template views encode nested values as values")
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            preconditionFailure("template views encode nested values as values")
        }

        mutating func superEncoder() -> Swift.Encoder { preconditionFailure("template views have no superclass") }
    }

    struct SingleContainer: SingleValueEncodingContainer, RefusesOtherNumbers {
        let storage: Storage
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws { storage.value = .absent }
        mutating func encode(_ value: Bool) throws { storage.value = .flag(value) }
        mutating func encode(_ value: String) throws { storage.value = .text(value) }
        mutating func encode(_ value: Int) throws { storage.value = .number(value) }
        // Numbers of other kinds are refused by `RefusesOtherNumbers`.
        mutating func encode<T: Encodable>(_ value: T) throws {
            storage.value = try TemplateEncoder.value(of: value)
        }
    }
}

/// A container of values without a key (a list's, a single value's) that refuses numbers of
/// other kinds than `Int`, and what encodes as them (dates, data): they are no template value.
/// The error names no field: the containers it passes through on its way out add theirs.
protocol RefusesOtherNumbers {}

extension RefusesOtherNumbers {
    private func refuse(_ type: Any.Type) -> TemplateEncoder.UnsupportedValue { TemplateEncoder.unsupported(type) }
    mutating func encode(_ value: Double) throws { throw refuse(Double.self) }
    mutating func encode(_ value: Float) throws { throw refuse(Float.self) }
    mutating func encode(_ value: Int8) throws { throw refuse(Int8.self) }
    mutating func encode(_ value: Int16) throws { throw refuse(Int16.self) }
    mutating func encode(_ value: Int32) throws { throw refuse(Int32.self) }
    mutating func encode(_ value: Int64) throws { throw refuse(Int64.self) }
    mutating func encode(_ value: UInt) throws { throw refuse(UInt.self) }
    mutating func encode(_ value: UInt8) throws { throw refuse(UInt8.self) }
    mutating func encode(_ value: UInt16) throws { throw refuse(UInt16.self) }
    mutating func encode(_ value: UInt32) throws { throw refuse(UInt32.self) }
    mutating func encode(_ value: UInt64) throws { throw refuse(UInt64.self) }
}
