import Foundation
import Testing

@testable import NormfolioServe

/// `normfolio serve` end to end, asked as a browser asks: the index, a page and an attachment,
/// by the site's own pages and by pages of other sites (`Sec-Fetch-*`, `Origin`, `Referer`).
extension CommandTests {
    /// An answer's status code and header fields (names lower-cased).
    struct Answer {
        var status: Int
        var headers: [String: String]
    }

    /// Sends a GET with these header fields over a socket to 127.0.0.1 and reads the answer's head.
    func get(_ path: String, port: UInt16, _ fields: [String: String] = [:], host: String? = nil) -> Answer? {
        var request = "GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
        let received = rawExchange(Array((request + "\r\n").utf8), port: port)
        let text = String(decoding: received, as: UTF8.self)
        guard let head = text.components(separatedBy: "\r\n\r\n").first else { return nil }
        let lines = head.components(separatedBy: "\r\n")
        guard let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Answer(status: status, headers: headers)
    }

    /// Starts `normfolio serve` on a free port; returns the process and the port.
    func startServe(_ portfolio: URL, _ extra: [String] = []) throws -> (Process, UInt16) {
        let binary = try #require(Self.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", portfolio.path, "--port", "0"] + extra
        process.environment = CommandTests.english(ProcessInfo.processInfo.environment)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var log = Data()
        while !String(decoding: log, as: UTF8.self).contains("Serving ") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            log += chunk
        }
        let line = String(decoding: log, as: UTF8.self)
        let port = try #require(
            line.split(separator: "\n").first { $0.hasPrefix("Serving ") }
                .flatMap { $0.split(separator: ":").last?.split(separator: "/").first }.flatMap { UInt16($0) }, "\(line)")
        return (process, port)
    }

    @Test func servePreviewRefusesWhatOtherSitesAskAndAnswersItsOwnPages() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let portfolio = work.appendingPathComponent("p")
        try FileManager.default.copyItem(at: Self.siteFixture, to: portfolio)
        // An HTML attachment: evidence saved from a web page.
        let policy = portfolio.appendingPathComponent("Content/beleid/ib-beleid.md")
        try Data("<html><script>alert(document.cookie)</script></html>".utf8)
            .write(to: portfolio.appendingPathComponent("Content/beleid/bestanden/scherm.html"))
        try Data((try String(contentsOf: policy, encoding: .utf8) + "\nZie [de schermafdruk](bestanden/scherm.html).\n").utf8).write(to: policy)
        let (server, port) = try startServe(portfolio)
        defer { server.interrupt(); server.waitUntilExit() }
        let index = "/assets/zoekindex.js", page = "/index.html", attachment = "/bijlagen/beleid/bestanden/verslag-1.txt"

        // The site's own pages, as a browser asks for their scripts, pages and files.
        let own = [
            "Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "script",
            "Referer": "http://127.0.0.1:\(port)/zoeken.html",
        ]
        for path in [index, page, attachment] {
            let answer = try #require(get(path, port: port, own))
            #expect(answer.status == 200, "\(path)")
            #expect(answer.headers["x-content-type-options"] == "nosniff", "\(path)")
            #expect(answer.headers["cross-origin-resource-policy"] == "same-origin", "\(path)")
            #expect(answer.headers["content-security-policy"]?.contains("default-src 'none'") == true, "\(path)")
        }
        #expect(get(attachment, port: port, own)?.headers["content-security-policy"]?.contains("sandbox") == true)
        // Typed in the address bar: no site asked for it.
        #expect(get(page, port: port, ["Sec-Fetch-Site": "none", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"])?.status == 200)

        // A page of another site including them as a script, an image, a frame or a fetch: refused.
        for site in ["cross-site", "same-site"] {
            for (mode, dest) in [("no-cors", "script"), ("no-cors", "image"), ("cors", "empty"), ("navigate", "iframe")] {
                for path in [index, page, attachment] {
                    let answer = try #require(get(path, port: port, ["Sec-Fetch-Site": site, "Sec-Fetch-Mode": mode, "Sec-Fetch-Dest": dest]))
                    #expect(answer.status == 403, "\(site) \(mode) \(dest) \(path)")
                    #expect(answer.headers["x-content-type-options"] == "nosniff")
                }
            }
        }
        // Browsers without Sec-Fetch still send Origin (and Referer, unless told not to).
        #expect(get(index, port: port, ["Origin": "https://aanvaller.example"])?.status == 403)
        #expect(get(index, port: port, ["Origin": "null"])?.status == 403)
        #expect(get(index, port: port, ["Referer": "https://aanvaller.example/pagina.html"])?.status == 403)
        #expect(get(index, port: port, ["Referer": "http://localhost:\(port + 1)/"])?.status == 403)
        // A link on another site, followed in a tab, opens the page: that site cannot read it.
        let followed = [
            "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document",
            "Referer": "https://mail.example/inbox",
        ]
        #expect(get(page, port: port, followed)?.status == 200)

        // The HTML attachment is published as a download only, and sandboxed.
        let active = try #require(get("/bijlagen/beleid/bestanden/scherm.html.txt", port: port, own))
        #expect(active.status == 200)
        #expect(active.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(active.headers["content-disposition"] == "attachment; filename*=UTF-8''scherm%2Ehtml")
        #expect(get("/bijlagen/beleid/bestanden/scherm.html", port: port, own)?.status == 404)
        // A 404 does not let a browser guess that the path it reflects is HTML.
        let missing = try #require(get("/%3Cscript%3E.html", port: port, own))
        #expect(missing.status == 404 && missing.headers["x-content-type-options"] == "nosniff")
    }
}
