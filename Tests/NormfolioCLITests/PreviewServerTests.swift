import Foundation
import NormfolioKit
import Testing

@testable import NormfolioServe

/// The preview's HTTP server: request heads parsed with limits in linear time, the Host check
/// against DNS rebinding, and answers over a real socket.
@Suite struct PreviewServerTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func parse(_ text: String) -> HTTPRequestHead.Parse { HTTPRequestHead.parse(Array(text.utf8)) }

    @Test func aRequestHeadIsParsed() throws {
        guard
            case .head(let head, let length) = parse(
                "GET /documenten/a%20b.html?since=12&t=x+y HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n"
                    + "Connection: close\r\nX-A: 1\r\nX-A: 2\r\n\r\nGET /volgende")
        else {
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
        for bad in [
            "GET  / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\n folded: x\r\n\r\n", "GET x HTTP/1.1\r\n\r\n",
            "G(T / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "GET / FTP/1.0\r\n\r\n",
            "GET /%zz HTTP/1.1\r\n\r\n",
        ] {
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
        for host in [
            "evil.example:4000", "127.0.0.1:4001", "127.0.0.1", "localhost", "attacker.localhost.example:4000", ":4000",
            "127.0.0.1.nip.io:4000",
        ] {
            #expect(!loopback.allows(host), "\(host)")
        }
        #expect(loopback.allows(nil))  // HTTP/1.0 without Host: only a local client sends that
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

    /// Sends raw bytes to the server and returns the first line of the answer. The socket is used
    /// on a thread of its own: the server's handler needs the cooperative pool, which a test
    /// blocked in `recv` would take from it (two threads on a machine with two cores).
    func exchange(_ request: [UInt8], port: UInt16) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.exchangeBlocking(request, port: port)) }
        }
    }

    func exchangeBlocking(_ request: [UInt8], port: UInt16) -> String {
        let answer = rawExchange(request, port: port, untilFirstLine: true)
        return answer.isEmpty ? "no connection" : String(decoding: answer.prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
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
        #expect(await exchange(request("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"), port: port) == "HTTP/1.1 200 OK")
        #expect(await exchange(request("GET / HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n"), port: port) == "HTTP/1.1 200 OK")
        // A page that got the browser to ask under its own name (DNS rebinding) gets nothing.
        #expect(
            await exchange(request("GET / HTTP/1.1\r\nHost: aanvaller.example:\(port)\r\n\r\n"), port: port)
                == "HTTP/1.1 421 Misdirected Request")
        #expect(
            await exchange(
                request("GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"),
                port: port) == "HTTP/1.1 414 URI Too Long")
        #expect(
            await exchange(
                request("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-A: " + String(repeating: "b", count: 150_000) + "\r\n\r\n"),
                port: port) == "HTTP/1.1 431 Request Header Fields Too Large")
        #expect(await exchange(request("DELETE / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"), port: port) == "HTTP/1.1 405 Method Not Allowed")
        #expect(await exchange(request("GET /bestaat-niet.html HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"), port: port) == "HTTP/1.1 404 Not Found")
        // Large requests leave the server answering everyone else.
        #expect(await exchange(request("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"), port: port) == "HTTP/1.1 200 OK")
    }

    // MARK: Issue 18: nothing readable cross-site, idle connections, IPv6

    func head(_ fields: [String: String]) throws -> HTTPRequestHead {
        var text = "GET /assets/zoekindex.js HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n"
        for (name, value) in fields { text += "\(name): \(value)\r\n" }
        guard case .head(let head, _) = parse(text + "\r\n") else { throw HTTPServerError(description: "not parsed") }
        return head
    }

    @Test func aRequestAPageOfAnotherSiteMakesIsRefusedButFollowingALinkIsNot() throws {
        let policy = HostPolicy(address: "127.0.0.1", port: 4000)
        // The site's own pages, the address bar, and clients that send none of these (curl).
        for fields in [
            ["Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "script"],
            ["Sec-Fetch-Site": "none", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"],
            ["Referer": "http://localhost:4000/zoeken.html"], ["Origin": "http://127.0.0.1:4000"], [:],
            [
                "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document",
                "Referer": "https://mail.example/",
            ],
        ] {
            #expect(try !head(fields).isCrossSite(policy: policy), "\(fields)")
        }
        for fields in [
            ["Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "script"],
            ["Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "image"],
            ["Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "iframe"],
            ["SEC-FETCH-SITE": "Cross-Site"],
            ["Origin": "null"], ["Origin": "https://127.0.0.1:4000"], ["Origin": "http://127.0.0.1:4001"],
            ["Referer": "http://aanvaller.example/"], ["Referer": "http://127.0.0.1:4000@aanvaller.example/"],
            [
                "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document",
                "Origin": "https://aanvaller.example",
            ],
        ] {
            #expect(try head(fields).isCrossSite(policy: policy), "\(fields)")
        }
    }

    @Test func theIPv6LoopbackAnswersToItsOwnNames() {
        let loopback = HostPolicy(address: "::1", port: 4000)
        for host in ["[::1]:4000", "localhost:4000"] { #expect(loopback.allows(host), "\(host)") }
        for host in ["[::1]:4001", "::1:4000", "[::2]:4000", "evil.example:4000", "[::1]"] { #expect(!loopback.allows(host), "\(host)") }
        #expect(loopback.allowsOrigin(of: "http://[::1]:4000/zoeken.html"))
        let everywhere = HostPolicy(address: "::", port: 80)
        #expect(everywhere.allows("[fe80::1]") && everywhere.allows("192.168.1.5") && !everywhere.allows("evil.example"))
    }

    @Test func thePreviewServesOnTheIPv6LoopbackAndEveryAnswerSaysNosniff() async throws {
        let server = HTTPServer(address: "::1", port: 0) { _ in .text(404, "Niet gevonden: <b>x</b>") }
        let port = try server.start()
        defer { server.stop() }
        let request = Array("GET /x HTTP/1.1\r\nHost: [::1]:\(port)\r\nConnection: close\r\n\r\n".utf8)
        let answer: [UInt8] = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: rawExchange(request, address: "::1", port: port)) }
        }
        let text = String(decoding: answer, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
        #expect(text.contains("\r\nX-Content-Type-Options: nosniff\r\n") && text.contains("\r\nCross-Origin-Resource-Policy: same-origin\r\n"))
        #expect(text.contains("\r\nContent-Security-Policy: default-src 'none'"))
    }

    /// Sixty-four idle connections once locked everyone out for 30 seconds: now the one idle
    /// longest makes room, and idle connections are closed after a few seconds.
    @Test func idleConnectionsNeverLockOthersOut() async throws {
        let server = HTTPServer(address: "127.0.0.1", port: 0) { _ in .text(200, "ok") }
        let port = try server.start()
        defer { server.stop() }
        let idle = (0..<(HTTPServer.maxConnections + 8)).compactMap { _ in SocketAddress("127.0.0.1", port: port)?.connect() }
        defer { idle.forEach { close($0) } }
        try await Task.sleep(for: .milliseconds(300))
        #expect(await exchange(Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8), port: port) == "HTTP/1.1 200 OK")
        #expect(HTTPServer.idleTimeout <= .seconds(5) && HTTPServer.headTimeout <= .seconds(5))
    }

    @Test func theErrorPageListsOnlyWhatTheEditionMayShow() {
        let shown = [Diagnostic(.error, "unknown-norm", "unknown norm ID 'ZZ.99'", at: SourceLocation(path: "Content/a.md", line: 3, column: 9))]
        let page = PreviewServer.problemPage(shown, withheld: 2)
        #expect(page.contains("ZZ.99"))
        #expect(page.contains("2 problemen staan in bestanden die deze uitgave niet toont; de terminal noemt ze."))
        #expect(!page.contains("<style>"))
        #expect(PreviewServer.problemPage([], withheld: 1).contains("Eén probleem staat in een bestand dat deze uitgave niet toont"))
    }

    /// The preview's own pages speak the portfolio's language, from the string tables.
    @Test func theErrorPageIsInThePortfoliosLanguage() throws {
        let shown = [Diagnostic(.error, "unknown-norm", "unknown norm ID 'ZZ.99'", at: SourceLocation(path: "Content/a.md", line: 3, column: 9))]
        let page = PreviewServer.problemPage(shown, withheld: 2, texts: InterfaceTexts(language: .en))
        for text in [
            "<html lang=\"en\">", "<h1>The portfolio cannot be built right now</h1>", "<h2>Errors (1)</h2>",
            "2 problems are in files this edition does not show; the terminal names them.",
        ] {
            #expect(page.contains(text), "\(text)")
        }
        #expect(!page.contains("Fouten"))
        // The preview reads the language from normfolio.yml, even when the content has errors.
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("normfolio-preview-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try Data("language: en\n".utf8).write(to: work.appendingPathComponent("normfolio.yml"))
        try Data("---\ntitle: A\nnorms: [ZZ.99]\n---\n".utf8).write(to: work.appendingPathComponent("Content/a.md"))
        var cache = PreviewCache()
        let preview = Normfolio.preview(BuildOptions(portfolio: work.path), cache: &cache)
        #expect(preview.site == nil && preview.texts.language == .en && preview.texts["preview_errors"] == "Errors")
    }

    /// A client that asks for a large answer and stops reading holds its connection only until the
    /// write deadline: afterwards it gets less than was sent, then the end of the connection.
    @Test func aClientThatStopsReadingIsLetGoAtTheWriteDeadline() async throws {
        let body = Data(count: 64 << 20)
        let server = HTTPServer(address: "127.0.0.1", port: 0, writeTimeout: .seconds(1)) { _ in HTTPResponse(status: 200, body: body) }
        let port = try server.start()
        defer { server.stop() }
        let connection = try #require(SocketAddress("127.0.0.1", port: port)?.connect())
        defer { close(connection) }
        let request = Array("GET /groot HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        // Wait until the answer has filled the buffers between the two (however long a busy machine
        // takes to start sending it), then past the server's deadline.
        var (waiting, last, stable) = (0, Int32(-1), 0)
        while stable < 3 && waiting < 200 {
            try await Task.sleep(for: .milliseconds(100))
            var available: Int32 = 0
            _ = ioctl(connection, UInt(FIONREAD), &available)
            (stable, last, waiting) = (available > 0 && available == last ? stable + 1 : 0, available, waiting + 1)
        }
        try await Task.sleep(for: .seconds(2))
        let received: Int = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var limit = timeval(tv_sec: 10, tv_usec: 0)
                setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                var total = 0
                var chunk = [UInt8](repeating: 0, count: 1 << 20)
                while true {
                    let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                    if count <= 0 { break }
                    total += count
                }
                continuation.resume(returning: total)
            }
        }
        #expect(received > 0 && received < body.count, "received \(received) of \(body.count) bytes")
    }
}
