import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An answer to a request.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A short plain-text answer for a status, such as a refused request.
    static func text(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data((text + "\n").utf8))
    }
}

/// An IPv4 or IPv6 address with a port, as the socket calls take it.
struct SocketAddress {
    private var storage = sockaddr_storage()
    let size: socklen_t
    let family: Int32

    /// The address `address` ("127.0.0.1", "::1") with `port`; nil when it is neither kind.
    init?(_ address: String, port: UInt16) {
        if address.contains(":") {
            var ip6 = sockaddr_in6()
            (ip6.sin6_family, ip6.sin6_port) = (sa_family_t(AF_INET6), port.bigEndian)
            guard inet_pton(AF_INET6, address, &ip6.sin6_addr) == 1 else { return nil }
            self.init(ip6, family: AF_INET6)
        } else {
            var ip4 = sockaddr_in()
            (ip4.sin_family, ip4.sin_port) = (sa_family_t(AF_INET), port.bigEndian)
            guard inet_pton(AF_INET, address, &ip4.sin_addr) == 1 else { return nil }
            self.init(ip4, family: AF_INET)
        }
    }

    private init<Address>(_ value: Address, family: Int32) {
        size = socklen_t(MemoryLayout<Address>.size)
        self.family = family
        withUnsafeBytes(of: value) { bytes in withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) } }
    }

    func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        withUnsafePointer(to: storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, size) } }
    }

    /// A TCP connection to the address, or nil when none can be made.
    func connect() -> Int32? {
        #if canImport(Glibc)
            let connection = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let connection = socket(family, SOCK_STREAM, 0)
        #endif
        guard connection >= 0 else { return nil }
        #if canImport(Glibc)
            let connected = withSockaddr { Glibc.connect(connection, $0, $1) }
        #else
            let connected = withSockaddr { Darwin.connect(connection, $0, $1) }
        #endif
        guard connected == 0 else {
            close(connection)
            return nil
        }
        return connection
    }
}

/// Why the server could not start.
public struct HTTPServerError: Error, CustomStringConvertible {
    public var description: String
}
