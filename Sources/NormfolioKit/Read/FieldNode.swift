import Foundation
import Yams

/// A value of a data file with the place it is written: a YAML node, or the cell of a CSV row
/// (see `CSVTable`). Fields are read from these, so both kinds of file get the same checks and
/// the same located errors.
struct FieldNode: Sendable {
    /// A text value.
    struct Scalar: Sendable {
        var string: String
        /// Written without quotes (YAML's plain style): only then can it mean null.
        var plain: Bool
        /// Whether the items of a comma-separated list in it have columns of their own (text in a
        /// YAML file), or share the value's place (a spreadsheet cell).
        var itemsHaveColumns = true
    }

    enum Kind: Sendable {
        case scalar(Scalar)
        case sequence([FieldNode])
        case mapping([(key: FieldNode, value: FieldNode)])
    }

    var kind: Kind
    var location: SourceLocation

    var scalar: Scalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    var sequence: [FieldNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    var mapping: [(key: FieldNode, value: FieldNode)]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// A YAML node and everything in it, placed in `path` (whose YAML text starts after `lineOffset` lines).
    /// Each value made takes one from `budget`; nil when it runs out. An alias is its anchor's
    /// node again, so aliases of aliases multiply the values ("billion laughs") far beyond what
    /// the text holds: the budget stops them before they are made.
    init?(_ node: Node, path: String, lineOffset: Int, budget: inout Int) {
        budget -= 1
        guard budget >= 0 else { return nil }
        location =
            node.mark.map { SourceLocation(path: path, line: $0.line + lineOffset, column: $0.column) }
            ?? SourceLocation(path: path, line: lineOffset + 1, column: 1)
        switch node {
        case .scalar(let scalar):
            kind = .scalar(Scalar(string: scalar.string, plain: scalar.style == .plain))
        case .sequence(let sequence):
            var items: [FieldNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard let made = FieldNode(item, path: path, lineOffset: lineOffset, budget: &budget) else { return nil }
                items.append(made)
            }
            kind = .sequence(items)
        case .mapping(let mapping):
            var pairs: [(key: FieldNode, value: FieldNode)] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard let key = FieldNode(key, path: path, lineOffset: lineOffset, budget: &budget),
                    let value = FieldNode(value, path: path, lineOffset: lineOffset, budget: &budget)
                else { return nil }
                pairs.append((key, value))
            }
            kind = .mapping(pairs)
        case .alias:
            kind = .scalar(Scalar(string: "", plain: true))
        }
    }

    init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}
