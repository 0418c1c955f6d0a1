import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The small HTTP/1.1 server of the live preview: it serves `GET` and `HEAD` on one IPv4 or IPv6
/// address, to the browsers of the author and whoever they let in.
///
/// Each connection has a thread of its own (the preview holds connections open while a page waits
/// for a change), at most `maxConnections` at a time and `maxPerClient` from one address; when
/// either is reached, the connection idle longest makes room, so idle connections never lock
/// anyone out. A request head is read with hard limits (`HTTPRequestHead`) in linear time, must
/// arrive within `headTimeout`, must carry a `Host` the `HostPolicy` allows, and must not be one a
/// browser marks as made by another site for anything but a top-level navigation; anything else is
/// answered with the status that says why, and closed. Every answer carries `securityHeaders`.
final class HTTPServer: Sendable {
    typealias Handler = @Sendable (HTTPRequestHead) async -> HTTPResponse

    static let maxConnections = 64
    /// The connections one address may hold: a browser opens six per server; the rest is for tabs
    /// that wait for a change.
    static let maxPerClient = 16
    /// How long a client may take to send a request head.
    static let headTimeout: Duration = .seconds(5)
    /// How long a kept-alive connection may wait for its next request.
    static let idleTimeout: Duration = .seconds(5)
    /// How long a client may take to take in one answer: a client that stops reading (or reads a
    /// byte now and then) gives its connection up after that.
    let writeTimeout: Duration

    /// Sent with every answer unless the answer sets its own: no type guessing, no use by pages of
    /// other origins (`<script src>`, `<img>`, frames), nothing loaded or run that the answer does
    /// not name, and never in a frame.
    static let securityHeaders: [(name: String, value: String)] = [
        ("X-Content-Type-Options", "nosniff"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
        ("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"),
    ]

    private let address: String
    private let requestedPort: UInt16
    private let allowedNames: [String]
    private let handler: Handler
    private let state = Mutex(State())

    /// An open connection: whose it is, and since when it waits for a request with nothing received.
    private struct Connection {
        var client: String
        var idleSince: ContinuousClock.Instant?
    }

    private struct State {
        var listener: Int32 = -1
        var connections: [Int32: Connection] = [:]
        var stopped = false
        var finished: CheckedContinuation<Void, Never>?
        var done = false
    }

    init(address: String, port: UInt16, allowedNames: [String] = [], writeTimeout: Duration = .seconds(10), handler: @escaping Handler) {
        self.writeTimeout = writeTimeout
        self.address =
            address == "localhost"
            ? "127.0.0.1" : (address.hasPrefix("[") && address.hasSuffix("]") ? String(address.dropFirst().dropLast()) : address)
        self.requestedPort = port
        self.allowedNames = allowedNames
        self.handler = handler
    }

    /// Starts listening and accepting connections; returns the port (the one chosen by the
    /// system when asked for port 0).
    func start() throws -> UInt16 {
        // A browser that closes a connection while its answer is written must not end the preview.
        signal(SIGPIPE, SIG_IGN)
        guard let socketAddress = SocketAddress(address, port: requestedPort) else {
            throw HTTPServerError(description: "'\(address)' is not an IPv4 address (such as 127.0.0.1) or an IPv6 address (such as ::1)")
        }
        let isIPv6 = socketAddress.family == AF_INET6
        #if canImport(Glibc)
            let listener = socket(socketAddress.family, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let listener = socket(socketAddress.family, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw HTTPServerError(description: String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if isIPv6 { setsockopt(listener, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &yes, socklen_t(MemoryLayout<Int32>.size)) }
        let bound = socketAddress.withSockaddr { bind(listener, $0, $1) }
        guard bound == 0, listen(listener, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw HTTPServerError(description: reason)
        }
        var actual = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = withUnsafeBytes(of: actual) { bytes -> UInt16 in
            isIPv6 ? UInt16(bigEndian: bytes.load(as: sockaddr_in6.self).sin6_port) : UInt16(bigEndian: bytes.load(as: sockaddr_in.self).sin_port)
        }
        state.withLock { $0.listener = listener }
        let policy = HostPolicy(address: address, port: port, names: allowedNames)
        let thread = Thread { [self] in acceptLoop(listener, policy: policy) }
        thread.name = "normfolio-serve-accept"
        thread.start()
        return port
    }

    /// The address a connection comes from, as text ("127.0.0.1", "::1").
    private static func client(of address: sockaddr_storage) -> String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        withUnsafeBytes(of: address) { bytes in
            if Int32(address.ss_family) == AF_INET6 {
                var ip = bytes.load(as: sockaddr_in6.self).sin6_addr
                _ = inet_ntop(AF_INET6, &ip, &text, socklen_t(text.count))
            } else {
                var ip = bytes.load(as: sockaddr_in.self).sin_addr
                _ = inet_ntop(AF_INET, &ip, &text, socklen_t(text.count))
            }
        }
        return String(cString: text)
    }

    /// Waits until the server has stopped.
    func waitUntilStopped() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if state.done { return true }
                state.finished = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Stops accepting and closes every open connection.
    func stop() {
        let (listener, connections) = state.withLock { state -> (Int32, [Int32: Connection]) in
            state.stopped = true
            return (state.listener, state.connections)
        }
        if listener >= 0 { shutdown(listener, Int32(SHUT_RDWR)) }
        for connection in connections.keys { shutdown(connection, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop(_ listener: Int32, policy: HostPolicy) {
        while true {
            var peer = sockaddr_storage()
            var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let connection = withUnsafeMutablePointer(to: &peer) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listener, $0, &peerLength) }
            }
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                if state.withLock({ $0.stopped }) { break }
                if errno == EMFILE || errno == ENFILE { Thread.sleep(forTimeInterval: 0.1); continue }
                break
            }
            let client = Self.client(of: peer)
            let admitted = state.withLock { state in Self.admit(connection, from: client, into: &state) }
            guard admitted else {
                var refusal = HTTPResponse.text(503, "Te veel verbindingen; probeer het zo opnieuw.")
                refusal.headers.append(("Retry-After", "1"))
                send(refusal, to: connection, head: false, keepAlive: false)
                close(connection)
                continue
            }
            let thread = Thread { [self] in
                serve(connection, policy: policy)
                state.withLock { _ = $0.connections.removeValue(forKey: connection) }
                close(connection)
            }
            thread.name = "normfolio-serve-connection"
            thread.start()
        }
        close(listener)
        let waiting = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.done = true
            defer { state.finished = nil }
            return state.finished
        }
        waiting?.resume()
    }

    /// Takes a new connection in, unless the server is stopping. When the server is full, or the
    /// client holds `maxPerClient` connections, the one that has waited longest for a request
    /// with nothing received is closed to make room; a connection is refused only when none waits.
    private static func admit(_ connection: Int32, from client: String, into state: inout State) -> Bool {
        guard !state.stopped else { return false }
        func makeRoom(among candidates: (Connection) -> Bool) -> Bool {
            let idle = state.connections.filter { candidates($0.value) && $0.value.idleSince != nil }
            guard let oldest = idle.min(by: { ($0.value.idleSince ?? .now) < ($1.value.idleSince ?? .now) })?.key else { return false }
            // Its thread sees the connection end, and closes it; it is no longer counted.
            shutdown(oldest, Int32(SHUT_RDWR))
            state.connections[oldest] = nil
            return true
        }
        if state.connections.values.count(where: { $0.client == client }) >= maxPerClient, !makeRoom(among: { $0.client == client }) {
            return false
        }
        if state.connections.count >= maxConnections, !makeRoom(among: { _ in true }) { return false }
        state.connections[connection] = Connection(client: client, idleSince: .now)
        return true
    }

    /// Marks a connection as waiting for a request with nothing received, or as busy.
    private func mark(_ connection: Int32, idle: Bool) {
        state.withLock { $0.connections[connection]?.idleSince = idle ? .now : nil }
    }

    /// Answers the requests of one connection until it closes, breaks a rule or stays idle.
    private func serve(_ connection: Int32, policy: HostPolicy) {
        // Reads wake up every second, so deadlines are checked even when nothing arrives.
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // Writes too, so that a client that stops reading is noticed at the write deadline.
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var scanner = HTTPRequestHead.Scanner()
            let started = ContinuousClock.now
            var parsed = scanner.parse(buffer)
            if buffer.isEmpty { mark(connection, idle: true) }
            while case .needMore = parsed {
                let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    if buffer.isEmpty { mark(connection, idle: false) }
                    buffer += chunk[..<count]
                    parsed = scanner.parse(buffer)
                    continue
                }
                if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) { return }
                if state.withLock({ $0.stopped }) { return }
                let waited = ContinuousClock.now - started
                // An idle connection between requests just closes; a head that trickles in gets 408.
                if buffer.isEmpty, waited > Self.idleTimeout { return }
                if !buffer.isEmpty, waited > Self.headTimeout {
                    send(.text(408, "Request Timeout"), to: connection, head: false, keepAlive: false)
                    return
                }
            }
            switch parsed {
            case .needMore:
                return
            case .reject(let status, let reason):
                send(.text(status, reason), to: connection, head: false, keepAlive: false)
                return
            case .head(let head, let length):
                mark(connection, idle: false)
                buffer.removeFirst(length)
                let response: HTTPResponse
                if let problem = head.problem(hostAllowed: policy.allows(head.headers["host"]))
                    ?? (head.isCrossSite(policy: policy) ? (403, "Forbidden") : nil)
                {
                    var refusal = HTTPResponse.text(
                        problem.status,
                        problem.status == 421
                            ? "Deze preview antwoordt alleen op het adres waarop hij draait (\(policy.address):\(policy.port))."
                            : problem.status == 403
                                ? "Deze preview antwoordt niet op verzoeken die een pagina van een andere website doet."
                                : problem.reason)
                    if problem.status == 405 { refusal.headers.append(("Allow", "GET, HEAD")) }
                    response = refusal
                    send(response, to: connection, head: head.method == "HEAD", keepAlive: false)
                    return
                }
                response = respond(to: head)
                guard send(response, to: connection, head: head.method == "HEAD", keepAlive: head.keepAlive),
                    head.keepAlive
                else { return }
            }
        }
    }

    /// The handler's answer, waited for on this connection's own thread.
    private func respond(to head: HTTPRequestHead) -> HTTPResponse {
        let answer = Mutex<HTTPResponse?>(nil)
        let done = DispatchSemaphore(value: 0)
        let handler = self.handler
        Task {
            let response = await handler(head)
            answer.withLock { $0 = response }
            done.signal()
        }
        done.wait()
        return answer.withLock { $0 } ?? .text(500, "Internal Server Error")
    }

    /// Writes a response; false when the connection broke.
    @discardableResult
    private func send(_ response: HTTPResponse, to connection: Int32, head: Bool, keepAlive: Bool) -> Bool {
        var text = "HTTP/1.1 \(response.status) \(Self.reasonPhrase(response.status))\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        for (name, value) in Self.securityHeaders where !response.headers.contains(where: { $0.name.lowercased() == name.lowercased() }) {
            text += "\(name): \(value)\r\n"
        }
        text += "Content-Length: \(response.body.count)\r\n"
        text += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        var bytes = Data(text.utf8)
        if !head { bytes.append(response.body) }
        return write(bytes, to: connection, until: .now + writeTimeout)
    }

    /// Writes all of `bytes`, or gives up at `deadline` (each write waits at most a second, see
    /// `serve`); false when the answer did not get through.
    private func write(_ bytes: Data, to connection: Int32, until deadline: ContinuousClock.Instant) -> Bool {
        bytes.withUnsafeBytes { raw -> Bool in
            guard var pointer = raw.baseAddress else { return true }
            var remaining = raw.count
            while remaining > 0 {
                // SIGPIPE is ignored (see `start`), so a closed connection is an error here.
                #if canImport(Glibc)
                    let written = Glibc.send(connection, pointer, remaining, 0)
                #else
                    let written = Darwin.send(connection, pointer, remaining, 0)
                #endif
                if written < 0 {
                    guard errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK, ContinuousClock.now < deadline else { return false }
                    continue
                }
                pointer += written
                remaining -= written
                if ContinuousClock.now >= deadline && remaining > 0 { return false }
            }
            return true
        }
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 421: "Misdirected Request"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }
}
