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

/// Why the server could not start.
public struct HTTPServerError: Error, CustomStringConvertible {
    public var description: String
}

/// The small HTTP/1.1 server of the live preview: it serves `GET` and `HEAD` on one IPv4 address,
/// to the browsers of the author and whoever they let in.
///
/// Each connection has a thread of its own (the preview holds connections open while a page waits
/// for a change), at most `maxConnections` at a time. A request head is read with hard limits
/// (`HTTPRequestHead`) in linear time, must arrive within `headTimeout`, and must carry a `Host`
/// the `HostPolicy` allows; anything else is answered with the status that says why, and closed.
final class HTTPServer: Sendable {
    typealias Handler = @Sendable (HTTPRequestHead) async -> HTTPResponse

    static let maxConnections = 64
    /// How long a client may take to send a request head.
    static let headTimeout: Duration = .seconds(10)
    /// How long a kept-alive connection may wait for its next request.
    static let idleTimeout: Duration = .seconds(30)

    private let address: String
    private let requestedPort: UInt16
    private let allowedNames: [String]
    private let handler: Handler
    private let state = Mutex(State())

    private struct State {
        var listener: Int32 = -1
        var connections: Set<Int32> = []
        var stopped = false
        var finished: CheckedContinuation<Void, Never>?
        var done = false
    }

    init(address: String, port: UInt16, allowedNames: [String] = [], handler: @escaping Handler) {
        self.address = address == "localhost" ? "127.0.0.1" : address
        self.requestedPort = port
        self.allowedNames = allowedNames
        self.handler = handler
    }

    /// Starts listening and accepting connections; returns the port (the one chosen by the
    /// system when asked for port 0).
    func start() throws -> UInt16 {
        // A browser that closes a connection while its answer is written must not end the preview.
        signal(SIGPIPE, SIG_IGN)
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = requestedPort.bigEndian
        guard inet_pton(AF_INET, address, &socketAddress.sin_addr) == 1 else {
            throw HTTPServerError(description: "'\(address)' is not an IPv4 address (such as 127.0.0.1)")
        }
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw HTTPServerError(description: String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw HTTPServerError(description: reason)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = UInt16(bigEndian: actual.sin_port)
        state.withLock { $0.listener = listener }
        let policy = HostPolicy(address: address, port: port, names: allowedNames)
        let thread = Thread { [self] in acceptLoop(listener, policy: policy) }
        thread.name = "normfolio-serve-accept"
        thread.start()
        return port
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
        let (listener, connections) = state.withLock { state -> (Int32, Set<Int32>) in
            state.stopped = true
            return (state.listener, state.connections)
        }
        if listener >= 0 { shutdown(listener, Int32(SHUT_RDWR)) }
        for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop(_ listener: Int32, policy: HostPolicy) {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                if state.withLock({ $0.stopped }) { break }
                if errno == EMFILE || errno == ENFILE { Thread.sleep(forTimeInterval: 0.1); continue }
                break
            }
            let admitted = state.withLock { state -> Bool in
                guard !state.stopped, state.connections.count < Self.maxConnections else { return false }
                state.connections.insert(connection)
                return true
            }
            guard admitted else {
                Self.send(.text(503, "Te veel verbindingen; probeer het zo opnieuw."), to: connection, head: false, keepAlive: false)
                close(connection)
                continue
            }
            let thread = Thread { [self] in
                serve(connection, policy: policy)
                state.withLock { _ = $0.connections.remove(connection) }
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

    /// Answers the requests of one connection until it closes, breaks a rule or stays idle.
    private func serve(_ connection: Int32, policy: HostPolicy) {
        // Reads wake up every second, so deadlines are checked even when nothing arrives.
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var scanner = HTTPRequestHead.Scanner()
            let started = ContinuousClock.now
            var parsed = scanner.parse(buffer)
            while case .needMore = parsed {
                let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                if count > 0 {
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
                    Self.send(.text(408, "Request Timeout"), to: connection, head: false, keepAlive: false)
                    return
                }
            }
            switch parsed {
            case .needMore:
                return
            case .reject(let status, let reason):
                Self.send(.text(status, reason), to: connection, head: false, keepAlive: false)
                return
            case .head(let head, let length):
                buffer.removeFirst(length)
                let response: HTTPResponse
                if let problem = head.problem(hostAllowed: policy.allows(head.headers["host"])) {
                    var refusal = HTTPResponse.text(problem.status, problem.status == 421
                        ? "Deze preview antwoordt alleen op het adres waarop hij draait (\(policy.address):\(policy.port))."
                        : problem.reason)
                    if problem.status == 405 { refusal.headers.append(("Allow", "GET, HEAD")) }
                    response = refusal
                    Self.send(response, to: connection, head: head.method == "HEAD", keepAlive: false)
                    return
                }
                response = respond(to: head)
                guard Self.send(response, to: connection, head: head.method == "HEAD", keepAlive: head.keepAlive),
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
    private static func send(_ response: HTTPResponse, to connection: Int32, head: Bool, keepAlive: Bool) -> Bool {
        var text = "HTTP/1.1 \(response.status) \(reasonPhrase(response.status))\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(response.body.count)\r\n"
        text += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        var bytes = Data(text.utf8)
        if !head { bytes.append(response.body) }
        return bytes.write(toDescriptor: connection)
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
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
