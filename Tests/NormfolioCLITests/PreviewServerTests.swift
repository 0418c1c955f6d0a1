import Foundation
import NormfolioKit
@testable import NormfolioServe
import Testing

/// The preview's HTTP server: request heads parsed with limits in linear time, the Host check
/// against DNS rebinding, and answers over a real socket.
@Suite struct PreviewServerTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func parse(_ text: String) -> HTTPRequestHead.Parse { HTTPRequestHead.parse(Array(text.utf8)) }

    @Test func aRequestHeadIsParsed() throws {
        guard case .head(let head, let length) = parse("GET /documenten/a%20b.html?since=12&t=x+y HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n"
                                                         + "Connection: close\r\nX-A: 1\r\nX-A: 2\r\n\r\nGET /volgende") else {
            Issue.record("not parsed")
            return
        }
        #expect(head.method == "GET" && head.path == "/documenten/a b.html" && head.version == "HTTP/1.1")
        #expect(head.query == ["since": "12", "t": "x y"])
        #expect(head.headers["host"] == "127.0.0.1:4000" && head.headers["x-a"] == "1, 2")
        #expect(!head.keepAlive)
        #expect(length == 111)
        #expect(parse("GET / HTTP/1.0\n\n") != .needMore)
    }

    @Test func requestsBeyondTheLimitsAreRefusedWithTheirStatus() {
        let longURL = "GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"
        #expect(parse(longURL) == .reject(status: 414, reason: "URI Too Long"))
        // Refused as soon as the limit is passed, without waiting for the rest.
        #expect(parse(String(longURL.prefix(8_300))) == .reject(status: 414, reason: "URI Too Long"))
        let longHeader = "GET / HTTP/1.1\r\nHost: x\r\nX-A: " + String(repeating: "b", count: 150_000) + "\r\n\r\n"
        #expect(parse(longHeader) == .reject(status: 431, reason: "Request Header Fields Too Large"))
        let manyFields = "GET / HTTP/1.1\r\nHost: x\r\n" + String(repeating: "X-A: 1\r\n", count: 101) + "\r\n"
        #expect(parse(manyFields) == .reject(status: 431, reason: "Request Header Fields Too Large"))
        for bad in ["GET  / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\n folded: x\r\n\r\n", "GET x HTTP/1.1\r\n\r\n",
                    "G(T / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "GET / FTP/1.0\r\n\r\n",
                    "GET /%zz HTTP/1.1\r\n\r\n"] {
            #expect(parse(bad) == .reject(status: 400, reason: "Bad Request"), "\(bad.debugDescription)")
        }
    }

    @Test func methodsBodiesAndVersionsTheServerDoesNotServe() throws {
        func problem(_ text: String) -> Int? {
            guard case .head(let head, _) = parse(text) else { return -1 }
            return head.problem(hostAllowed: true)?.status
        }
        #expect(problem("GET / HTTP/1.1\r\nHost: a\r\n\r\n") == nil)
        #expect(problem("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n") == nil)
        #expect(problem("POST / HTTP/1.1\r\nHost: a\r\n\r\n") == 405)
        #expect(problem("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n") == 413)
        #expect(problem("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n") == 413)
        #expect(problem("GET / HTTP/1.1\r\n\r\n") == 400)
        #expect(problem("GET / HTTP/1.0\r\n\r\n") == nil)
        #expect(problem("GET / HTTP/1.7\r\nHost: a\r\n\r\n") == 505)
    }

    @Test func aHeadArrivingByteByByteIsScannedInLinearTime() {
        // Each byte is looked at a bounded number of times, however the head is cut.
        let text = Array(("GET / HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n" + String(repeating: "X-Lang: waarde\r\n", count: 90) + "\r\n").utf8)
        var scanner = HTTPRequestHead.Scanner()
        var received: [UInt8] = []
        var result = HTTPRequestHead.Parse.needMore
        for byte in text {
            received.append(byte)
            result = scanner.parse(received)
            if result != .needMore { break }
        }
        #expect(result == HTTPRequestHead.parse(text))
        if case .head(_, let length) = result { #expect(length == text.count) } else { Issue.record("no head") }
    }

    @Test func onlyTheServedAddressIsAnswered() {
        let loopback = HostPolicy(address: "127.0.0.1", port: 4000)
        for host in ["127.0.0.1:4000", "localhost:4000", "LOCALHOST:4000", "127.0.0.2:4000"] { #expect(loopback.allows(host), "\(host)") }
        for host in ["evil.example:4000", "127.0.0.1:4001", "127.0.0.1", "localhost", "attacker.localhost.example:4000", ":4000",
                     "127.0.0.1.nip.io:4000"] {
            #expect(!loopback.allows(host), "\(host)")
        }
        #expect(loopback.allows(nil))     // HTTP/1.0 without Host: only a local client sends that
        let everywhere = HostPolicy(address: "0.0.0.0", port: 80, names: ["laptop.local"])
        for host in ["192.168.1.5", "10.0.0.1:80", "laptop.local", "Laptop.Local:80", "localhost"] { #expect(everywhere.allows(host), "\(host)") }
        for host in ["evil.example", "192.168.1.5:8080", "999.1.1.1"] { #expect(!everywhere.allows(host), "\(host)") }
    }

    @Test func everyHTTPInputFuzzingFoundStaysFixed() throws {
        for folder in ["Seeds/http", "Regressions/http"] {
            let base = Self.packageRoot.appendingPathComponent("Tests/Fuzz").appendingPathComponent(folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: base.path)
            #expect(!files.isEmpty)
            for file in files { HTTPFuzzing.run(try Data(contentsOf: base.appendingPathComponent(file))) }
        }
    }

    // MARK: Over a socket

    /// Sends raw bytes to the server and returns the first line of the answer.
    func exchange(_ request: [UInt8], port: UInt16) -> String {
        let connection = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(connection) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(connection, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "no connection" }
        _ = request.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !answer.contains(0x0A) {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            answer += chunk[..<count]
        }
        return String(decoding: answer.prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
    }

    @Test func theServerRefusesOtherHostsAndOversizedRequestsAndServesTheRest() async throws {
        let portfolio = Self.packageRoot.appendingPathComponent("Tests/NormfolioKitTests/Fixtures/site").path
        let server = PreviewServer(options: BuildOptions(portfolio: portfolio, audience: .auditor)) { _ in }
        let (ready, announce) = AsyncStream.makeStream(of: UInt16.self)
        let running = Task { try await server.run(host: "127.0.0.1", port: 0) { announce.yield($0) } }
        defer { running.cancel() }
        var ports = ready.makeAsyncIterator()
        let port = try #require(await ports.next())
        func request(_ text: String) -> [UInt8] { Array(text.utf8) }
        #expect(exchange(request("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"), port: port) == "HTTP/1.1 200 OK")
        #expect(exchange(request("GET / HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n"), port: port) == "HTTP/1.1 200 OK")
        // A page that got the browser to ask under its own name (DNS rebinding) gets nothing.
        #expect(exchange(request("GET / HTTP/1.1\r\nHost: aanvaller.example:\(port)\r\n\r\n"), port: port)
                == "HTTP/1.1 421 Misdirected Request")
        #expect(exchange(request("GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"),
                         port: port) == "HTTP/1.1 414 URI Too Long")
        #expect(exchange(request("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-A: " + String(repeating: "b", count: 150_000) + "\r\n\r\n"),
                         port: port) == "HTTP/1.1 431 Request Header Fields Too Large")
        #expect(exchange(request("DELETE / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"), port: port) == "HTTP/1.1 405 Method Not Allowed")
        #expect(exchange(request("GET /bestaat-niet.html HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"), port: port) == "HTTP/1.1 404 Not Found")
        // Large requests leave the server answering everyone else.
        #expect(exchange(request("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"), port: port) == "HTTP/1.1 200 OK")
    }
}
