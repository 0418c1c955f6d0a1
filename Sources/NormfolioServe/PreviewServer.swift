import FlyingFox
import Foundation
import NormfolioKit

/// The live preview of `normfolio serve`: the portfolio is built in memory, served over HTTP and
/// rebuilt when one of its files changes; open pages reload themselves. Nothing is written to disk.
public actor PreviewServer {
    /// What the server currently shows: a site, or the problems that keep it from being built.
    enum State {
        case site([String: Data])
        case problems([Diagnostic])
    }

    private let options: BuildOptions
    private let log: @Sendable (String) -> Void
    private var state: State = .problems([])
    /// Goes up with every rebuild; open pages poll it to know when to reload.
    private var version = 0
    private var fingerprint: [String: String] = [:]

    public init(options: BuildOptions, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// Builds the site, then serves it on `host:port` until the task is cancelled.
    public func run(host: String, port: UInt16, ready: @escaping @Sendable (UInt16) -> Void = { _ in }) async throws {
        rebuild()
        let server = HTTPServer(address: try .inet(ip4: host, port: port), timeout: 30, logger: .disabled)
        await server.appendRoute("GET /*") { [weak self] request in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return await self.respond(to: request.path)
        }
        let watcher = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(300))
                await self?.rebuildIfChanged()
            }
        }
        defer { watcher.cancel() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                if case .ip4(_, let listening) = await server.listeningAddress { ready(listening) } else { ready(port) }
            }
            try await group.next()
            try await group.next()
        }
    }

    // MARK: Building

    private func rebuild() {
        let start = ContinuousClock.now
        fingerprint = Self.fingerprint(of: options.portfolio)
        let result = Normfolio.render(options)
        version += 1
        for diagnostic in result.diagnostics { log(diagnostic.formatted) }
        if let site = result.site {
            var files: [String: Data] = [:]
            for file in site.files { files[file.path] = file.bytes() }
            state = .site(files)
            log("Rebuilt \(site.pageCount) pages in \(ContinuousClock.now - start)")
        } else {
            state = .problems(result.diagnostics)
            let count = result.diagnostics.filter { $0.severity == .error || options.strict }.count
            log("The site cannot be built: \(count) \(count == 1 ? "problem" : "problems"); fix \(count == 1 ? "it" : "them") and it rebuilds")
        }
    }

    private func rebuildIfChanged() {
        if Self.fingerprint(of: options.portfolio) != fingerprint { rebuild() }
    }

    /// Size and modification time of every file the site is made from.
    static func fingerprint(of root: String) -> [String: String] {
        var result: [String: String] = [:]
        let fm = FileManager.default
        let rootFiles = ((try? fm.contentsOfDirectory(atPath: root)) ?? []).filter { !$0.hasPrefix(".") }
        var paths = rootFiles.map { root + "/" + $0 }.filter { path in
            var isFolder: ObjCBool = false
            return fm.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        for folder in ["Content", "Templates", "Public"] {
            paths += FileIO.live.listFiles(root + "/" + folder).map { root + "/" + folder + "/" + $0 }
        }
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            result[path] = "\(info.st_size):\(info.st_mtim.tv_sec):\(info.st_mtim.tv_nsec)"
        }
        return result
    }

    // MARK: Serving

    private func respond(to path: String) -> HTTPResponse {
        if path == "/__normfolio/version" {
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"],
                                body: Data(String(version).utf8))
        }
        if path == "/__normfolio/livereload.js" {
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript", .cacheControl: "no-store"],
                                body: Data(Self.liveReloadScript.utf8))
        }
        var file = String(path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
        switch state {
        case .problems(let diagnostics):
            guard file.hasSuffix(".html") else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return HTTPResponse(statusCode: .internalServerError, headers: Self.htmlHeaders,
                                body: Data(Self.problemPage(diagnostics).utf8))
        case .site(let files):
            guard let data = files[file] else {
                return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                    body: Data("Niet gevonden: \(file)\n".utf8))
            }
            if file.hasSuffix(".html") {
                return HTTPResponse(statusCode: .ok, headers: Self.htmlHeaders, body: Self.withLiveReload(data))
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: Self.contentType(of: file), .cacheControl: "no-store"],
                                body: data)
        }
    }

    static let htmlHeaders: HTTPHeaders = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]

    /// A page with the live-reload script added before `</body>`: only when serving, never in a built site.
    static func withLiveReload(_ page: Data) -> Data {
        let html = String(decoding: page, as: UTF8.self)
        let tag = "<script src=\"/__normfolio/livereload.js\"></script>\n"
        guard let end = html.range(of: "</body>", options: .backwards) else { return Data((html + tag).utf8) }
        return Data(html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag).utf8)
    }

    static let liveReloadScript = """
        (function () {
          var current = null;
          function check() {
            fetch("/__normfolio/version", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
              if (current === null) { current = v; } else if (v !== current) { window.location.reload(); return; }
              setTimeout(check, 500);
            }).catch(function () { setTimeout(check, 1000); });
          }
          check();
        })();
        """

    /// The page shown instead of the site while the content has errors.
    static func problemPage(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { "<li><code>\($0.formatted.htmlEscaped)</code></li>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="nl">
            <head><meta charset="utf-8"><title>Problemen in het portfolio · normfolio</title></head>
            <body>
            <main>
            <h1>Het portfolio kan nu niet worden gebouwd</h1>
            <p>Herstel deze problemen; de pagina laadt daarna vanzelf opnieuw.</p>
            <ul>
            \(items)
            </ul>
            </main>
            <script src="/__normfolio/livereload.js"></script>
            </body>
            </html>
            """
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "pdf": "application/pdf"
        case "txt", "": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
