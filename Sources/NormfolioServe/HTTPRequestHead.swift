import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The head of an HTTP/1.x request, as the live preview needs it: parsed in one pass over the
/// bytes (linear in their length, whatever they hold), with hard limits, and answered with the
/// status that names the problem when it breaks a rule. Only `GET` and `HEAD` without a body are
/// accepted: the preview serves files, nothing else.
public struct HTTPRequestHead: Sendable, Equatable {
    public var method: String
    /// The path, percent-decoded, without the query.
    public var path: String
    /// The query's parameters, decoded; the last of a repeated name wins.
    public var query: [String: String]
    /// "HTTP/1.1" or "HTTP/1.0".
    public var version: String
    /// Header fields by lower-cased name; repeated fields joined with ", ".
    public var headers: [String: String]

    /// Whether the connection stays open after the answer.
    public var keepAlive: Bool {
        let connection = headers["connection"]?.lowercased() ?? ""
        return version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
    }

    /// The longest request line (method, target, version) accepted: longer ones get 414.
    public static let maxRequestLine = 8 * 1024
    /// The longest head (request line and header fields) accepted: longer ones get 431.
    public static let maxHead = 16 * 1024
    /// The most header fields accepted: more get 431.
    public static let maxFields = 100

    /// What the bytes received so far amount to.
    public enum Parse: Sendable, Equatable {
        /// The head is not complete yet and breaks no limit so far.
        case needMore
        /// A complete head, `length` bytes long.
        case head(HTTPRequestHead, length: Int)
        /// The request breaks a rule: answer with this status and close the connection.
        case reject(status: Int, reason: String)
    }

    /// Reads a head as its bytes arrive: each byte is looked at once, however the head is cut
    /// into pieces, so the time spent is linear in the head's length.
    public struct Scanner: Sendable {
        /// How many bytes earlier calls looked at.
        private var scanned = 0
        /// Where the first line ends, once seen.
        private var firstLineEnd: Int?

        public init() {}

        /// What the bytes received so far (all of them, from the start of the request) amount to.
        public mutating func parse(_ bytes: [UInt8]) -> Parse {
            // The end of the head: an empty line (CRLF CRLF, or LF LF as lenient servers accept).
            var end: Int?
            var index = max(0, scanned - 2)
            while index < bytes.count {
                if bytes[index] == 0x0A {
                    if firstLineEnd == nil { firstLineEnd = index }
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A { end = index + 2; break }
                    if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { end = index + 3; break }
                }
                index += 1
            }
            scanned = max(scanned, min(index, bytes.count))
            if (firstLineEnd ?? bytes.count) > maxRequestLine + 1 { return .reject(status: 414, reason: "URI Too Long") }
            guard let end else {
                return bytes.count > maxHead ? .reject(status: 431, reason: "Request Header Fields Too Large") : .needMore
            }
            if end > maxHead { return .reject(status: 431, reason: "Request Header Fields Too Large") }
            return HTTPRequestHead.parseHead(bytes[..<end], length: end)
        }
    }

    /// Parses a whole head at the start of `bytes` at once.
    public static func parse(_ bytes: [UInt8]) -> Parse {
        var scanner = Scanner()
        return scanner.parse(bytes)
    }

    /// The lines of a complete head, without their line ends.
    private static func lines(_ head: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        head.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }.filter { !$0.isEmpty }
    }

    private static func parseHead(_ head: ArraySlice<UInt8>, length: Int) -> Parse {
        let lines = lines(head)
        guard lines.count <= maxFields + 1 else { return .reject(status: 431, reason: "Request Header Fields Too Large") }
        return parseLines(lines).map { .head($0, length: length) } ?? .reject(status: 400, reason: "Bad Request")
    }

    private static func parseLines(_ lines: [ArraySlice<UInt8>]) -> HTTPRequestHead? {
        guard let requestLine = lines.first, requestLine.count <= maxRequestLine else { return nil }
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
            parts[1].first == UInt8(ascii: "/"), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return nil }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/1.") else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            // Folded continuation lines are obsolete and refused (RFC 9112, 5.2).
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), line.first != 0x20, line.first != 0x09 else { return nil }
            let name = line[..<colon]
            guard !name.isEmpty, name.allSatisfy(isTokenByte) else { return nil }
            let value = line[line.index(after: colon)...].drop { $0 == 0x20 || $0 == 0x09 }
            let trimmed = value.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            guard trimmed.allSatisfy({ $0 >= 0x20 || $0 == 0x09 }), trimmed.allSatisfy({ $0 != 0x7F }) else { return nil }
            let key = String(decoding: name, as: UTF8.self).lowercased()
            let text = String(decoding: trimmed, as: UTF8.self)
            if key == "host", headers[key] != nil { return nil }  // two Host fields: ambiguous
            headers[key] = headers[key].map { $0 + ", " + text } ?? text
        }
        let target = String(decoding: parts[1], as: UTF8.self)
        let pathPart = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard let path = String(pathPart[0]).removingPercentEncoding else { return nil }
        var query: [String: String] = [:]
        if pathPart.count == 2 {
            for pair in pathPart[1].split(separator: "&") {
                let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let decode = { (text: Substring) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
                query[decode(nameValue[0])] = nameValue.count == 2 ? decode(nameValue[1]) : ""
            }
        }
        return HTTPRequestHead(
            method: String(decoding: parts[0], as: UTF8.self), path: path, query: query,
            version: version, headers: headers)
    }

    /// The characters of a method or header name (RFC 9110 `tchar`).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// Why this head cannot be answered with a file, as a status and reason; nil when it can.
    /// `host` is the `Host` header's check (see `HostPolicy`).
    public func problem(hostAllowed: Bool) -> (status: Int, reason: String)? {
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return (505, "HTTP Version Not Supported") }
        guard method == "GET" || method == "HEAD" else { return (405, "Method Not Allowed") }
        if let length = headers["content-length"], length != "0" { return (413, "Content Too Large") }
        if headers["transfer-encoding"] != nil { return (413, "Content Too Large") }
        guard headers["host"] != nil || version == "HTTP/1.0" else { return (400, "Bad Request") }
        guard hostAllowed else { return (421, "Misdirected Request") }
        return nil
    }
}

extension HTTPRequestHead {
    /// Whether a browser marked this request as one a page of another site or origin made, for
    /// anything but opening a page in a tab (a top-level navigation): a script, a style sheet, an
    /// image, a frame or a fetch. Such a request is refused, so no page the author visits can read
    /// the preview by including its files. Browsers say so in `Sec-Fetch-Site`; where they send
    /// `Origin` (and, except for a navigation, `Referer`), it must be the preview's own address.
    /// A request without these headers (curl, an old browser) is answered.
    public func isCrossSite(policy: HostPolicy) -> Bool {
        let navigation =
            headers["sec-fetch-mode"]?.lowercased() == "navigate"
            && (headers["sec-fetch-dest"].map { $0.lowercased() == "document" } ?? true)
        if let site = headers["sec-fetch-site"]?.lowercased(), site != "same-origin", site != "none", !navigation { return true }
        if let origin = headers["origin"], !policy.allowsOrigin(of: origin) { return true }
        if !navigation, let referer = headers["referer"], !policy.allowsOrigin(of: referer) { return true }
        return false
    }
}

/// Which `Host` values the preview answers: only the names of the address it serves, so a web
/// page that makes a browser send requests to it under another name (DNS rebinding) gets nothing.
public struct HostPolicy: Sendable {
    /// The address the server listens on ("127.0.0.1", "0.0.0.0", "192.168.1.5").
    var address: String
    var port: UInt16
    /// Names the author allows besides (`serve --allow-host`), lower-cased.
    var names: Set<String>

    public init(address: String, port: UInt16, names: [String] = []) {
        self.address = address
        self.port = port
        self.names = Set(names.map { $0.lowercased() })
    }

    /// Whether a request with this `Host` header (nil for an HTTP/1.0 request without one) is answered.
    public func allows(_ host: String?) -> Bool {
        guard let host = host?.lowercased() else { return true }
        // The port must be the one served; a missing port means 80. An IPv6 address is in brackets.
        var name = Substring(host), givenPort = "80"
        if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]"), !host.hasPrefix("[") || host[..<colon].hasSuffix("]") {
            name = host[..<colon]
            givenPort = String(host[host.index(after: colon)...])
        }
        if name.hasPrefix("[") && name.hasSuffix("]") { name = name.dropFirst().dropLast() } else if name.contains(":") { return false }
        guard givenPort == String(port), !name.isEmpty else { return false }
        if names.contains(String(name)) { return true }
        // A loopback address also answers to "localhost" and the other loopback addresses; never to
        // a name that merely starts like one ("127.0.0.1.nip.io" resolves wherever its owner likes).
        let isLoopback = address.hasPrefix("127.") || address == "::1"
        if name == address || (isLoopback && (name == "localhost" || name == "::1" || (Self.isIPv4(name) && name.hasPrefix("127.")))) {
            return true
        }
        // Listening on every address: any IP address of this machine is fine, no other name is.
        if address == "0.0.0.0" || address == "::" { return name == "localhost" || Self.isIPv4(name) || Self.isIPv6(name) }
        return false
    }

    /// Whether the origin of a URL (`Origin`, `Referer`) is the preview's own: `http://` and a host
    /// `allows` answers. `null` (a sandboxed frame, a file) is another origin.
    public func allowsOrigin(of url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") else { return false }
        let rest = lower.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.contains("@") else { return false }
        return allows(String(authority))
    }

    static func isIPv6(_ text: Substring) -> Bool {
        var address = in6_addr()
        return text.contains(":") && inet_pton(AF_INET6, String(text), &address) == 1
    }

    static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && (Int(part) ?? 256) <= 255
            }
    }
}

/// The fuzz target of the request parser (`make fuzz`, target `http`): any bytes, cut into pieces
/// as a network might deliver them, must give the same answer as the whole at once, and never crash.
public enum HTTPFuzzing {
    public static func run(_ data: Data) {
        let bytes = [UInt8](data)
        let whole = HTTPRequestHead.parse(bytes)
        // The first byte decides where the pieces are cut.
        let step = Int(bytes.first ?? 1) % 7 + 1
        var scanner = HTTPRequestHead.Scanner()
        var received: [UInt8] = []
        var pieces = HTTPRequestHead.Parse.needMore
        var index = 0
        while index < bytes.count, case .needMore = pieces {
            received += bytes[index..<min(bytes.count, index + step)]
            index += step
            pieces = scanner.parse(received)
        }
        precondition(pieces == whole, "a head cut into pieces parsed differently")
        if case .head(let head, _) = whole {
            _ = head.problem(hostAllowed: HostPolicy(address: "127.0.0.1", port: 4000).allows(head.headers["host"]))
            _ = head.keepAlive
        }
    }
}
