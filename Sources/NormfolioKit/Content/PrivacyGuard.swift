/// Finds personal data that evidence must not contain: Dutch citizen service numbers (BSN),
/// e-mail addresses and IPv4 addresses. It reads bytes, not regular expressions, because it runs
/// over every file of a portfolio.
enum PrivacyGuard {
    enum Kind: String, Sendable, CaseIterable {
        case bsn, email, ipv4
    }

    struct Finding: Sendable, Equatable {
        var kind: Kind
        /// The value as found (never printed: see `masked`).
        var value: String
        var line: Int
        var column: Int

        /// The value with most of it hidden: `1234***82`, `j***@school.nl`, `192.168.*.*`.
        var masked: String {
            switch kind {
            case .bsn: return value.prefix(4) + "***" + value.suffix(2)
            case .email:
                let parts = value.split(separator: "@", maxSplits: 1)
                return (parts.first?.prefix(1) ?? "") + "***@" + (parts.count > 1 ? parts[1] : "")
            case .ipv4: return value.split(separator: ".").prefix(2).joined(separator: ".") + ".*.*"
            }
        }
    }

    /// Every finding in `text`, with 1-based lines and Unicode-scalar columns.
    static func scan(_ text: String) -> [Finding] {
        var text = text
        return text.withUTF8 { scan($0) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Finding] {
        var findings: [Finding] = []
        var line = 1, lineStart = 0
        var i = 0
        func column(_ offset: Int) -> Int {
            bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1
        }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A {
                line += 1
                lineStart = i + 1
                i += 1
            } else if isDigit(byte) && (i == 0 || !isDigit(bytes[i - 1])) {
                var end = i
                while end < bytes.count && isDigit(bytes[end]) { end += 1 }
                if let ip = ipv4(bytes, from: i) {
                    findings.append(Finding(kind: .ipv4, value: text(i..<ip), line: line, column: column(i)))
                    i = ip
                    continue
                }
                if end - i == 9, passesElfproef(bytes[i..<end]) {
                    findings.append(Finding(kind: .bsn, value: text(i..<end), line: line, column: column(i)))
                }
                i = end
            } else if byte == UInt8(ascii: "@") {
                var start = i
                while start > lineStart && isLocalPart(bytes[start - 1]) { start -= 1 }
                var end = i + 1
                while end < bytes.count && isDomainPart(bytes[end]) { end += 1 }
                while end > i + 1 && (bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-")) { end -= 1 }
                let domain = bytes[(i + 1)..<end]
                if start < i, let dot = domain.lastIndex(of: UInt8(ascii: ".")), end - dot > 2,
                    domain.first.map(isLetterOrDigit) ?? false,
                    bytes[(dot + 1)..<end].allSatisfy({ isLetter($0) })
                {
                    findings.append(Finding(kind: .email, value: text(start..<end), line: line, column: column(start)))
                }
                i = end
            } else {
                i += 1
            }
        }
        return findings
    }

    /// The 11-test (elfproef) of a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (not 0).
    static func passesElfproef(_ digits: some Collection<UInt8>) -> Bool {
        let values = digits.map { Int($0) - 48 }
        guard values.count == 9, values.contains(where: { $0 != 0 }) else { return false }
        let weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
        return zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11 == 0
    }

    /// The end of an IPv4 address (four numbers 0-255 with dots) starting at `start`, if there is one.
    private static func ipv4(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        // Not the tail of a longer dotted number either (the "2.3.4.5" in a version 1.2.3.4.5).
        if start >= 2, bytes[start - 1] == UInt8(ascii: "."), isDigit(bytes[start - 2]) { return nil }
        var i = start
        for part in 0..<4 {
            let numberStart = i
            while i < bytes.count && isDigit(bytes[i]) && i - numberStart < 4 { i += 1 }
            let length = i - numberStart
            guard length >= 1, length <= 3, Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[numberStart..<i]), as: UTF8.self)) ?? 256 <= 255
            else { return nil }
            if part < 3 {
                guard i < bytes.count, bytes[i] == UInt8(ascii: "."), i + 1 < bytes.count, isDigit(bytes[i + 1]) else { return nil }
                i += 1
            }
        }
        // Not part of a longer dotted number such as a version 1.2.3.4.5.
        if i < bytes.count, isDigit(bytes[i]) || (bytes[i] == UInt8(ascii: ".") && i + 1 < bytes.count && isDigit(bytes[i + 1])) {
            return nil
        }
        return i
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    private static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
    private static func isLetterOrDigit(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) }
    private static func isLocalPart(_ c: UInt8) -> Bool {
        isLetterOrDigit(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "%")
            || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
    }
    private static func isDomainPart(_ c: UInt8) -> Bool { isLetterOrDigit(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") }
}
