import Foundation
import NormfolioKit

/// The live preview of `normfolio serve`: the portfolio is read into memory and served over
/// HTTP; pages are rendered when the browser asks for them. When a file changes, only the files
/// that changed are read again, and open pages reload themselves. Nothing is written to disk.
public actor PreviewServer {
    /// What the server currently shows: a site, or the problems that keep it from being built.
    enum State {
        case site(LazySite)
        /// The problems the edition may show, and how many others only the terminal shows.
        case problems([Diagnostic], withheld: Int)
    }

    /// The texts of the server's own pages, in the portfolio's language.
    private var texts = InterfaceTexts(language: .nl)

    private let options: BuildOptions
    private let log: @Sendable (String) -> Void
    private var state: State = .problems([], withheld: 0)
    private var cache = PreviewCache()
    /// Goes up with every rebuild; open pages wait for it to change to know when to reload. It
    /// starts from the clock, so a page left open from an earlier run of the server reloads too.
    private var version = Int(Date().timeIntervalSince1970 * 1000)
    private var warnings: Set<Diagnostic> = []
    private var watcher: FileWatcher?
    /// How long the browser's wait for a change is held open before it asks again.
    static let waitLimit: Duration = .seconds(20)
    /// The pages waiting for a change, woken by the next rebuild or by their time limit.
    private var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0

    private let showsTimings: Bool
    /// The language of the lines `log` prints (the terminal's, `Language.terminal`).
    private let terminal: Language

    /// A server for the portfolio `options` name; `log` prints a line for the author in `language`,
    /// and `timings` adds how long each stage of every rebuild took.
    public init(options: BuildOptions, timings: Bool = false, language: Language = .en, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.showsTimings = timings
        self.terminal = language
        self.log = log
    }

    /// Builds the site, then serves it on `host:port` until the task is cancelled. Requests whose
    /// `Host` is not the address served (or one of `allowedHosts`) are refused.
    public func run(
        host: String, port: UInt16, allowedHosts: [String] = [],
        ready: @escaping @Sendable (UInt16) -> Void = { _ in }
    ) async throws {
        let (changes, continuation) = AsyncStream.makeStream(of: [String].self, bufferingPolicy: .bufferingNewest(1))
        let watcher = FileWatcher(root: options.portfolio) { paths in continuation.yield(paths) }
        self.watcher = watcher
        defer { watcher.stop() }
        rebuild(changed: [])
        let server = HTTPServer(address: host, port: port, allowedNames: allowedHosts) { [weak self] request in
            guard let self else { return .text(503, "Service Unavailable") }
            return await self.respond(to: request)
        }
        let listening = try server.start()
        let rebuilds = Task { [weak self] in
            for await paths in changes { await self?.rebuild(changed: paths) }
        }
        defer { rebuilds.cancel() }
        ready(listening)
        await withTaskCancellationHandler {
            await server.waitUntilStopped()
        } onCancel: {
            server.stop()
        }
    }

    // MARK: Building

    /// The folder of a catalogue overlay, when it lies outside the folders watched anyway.
    static func folder(ofOverlay path: String?) -> String? {
        guard let path, let slash = path.lastIndex(of: "/") else { return nil }
        let folder = String(path[..<slash])
        return FileWatcher.folders.contains { folder == $0 || folder.hasPrefix($0 + "/") } ? nil : folder
    }

    private func rebuild(changed: [String]) {
        let start = ContinuousClock.now
        let preview = Normfolio.preview(options, cache: &cache)
        if let folder = Self.folder(ofOverlay: preview.catalogOverlay) { watcher?.alsoWatch(folder: folder) }
        version += 1
        let elapsed = Self.milliseconds(ContinuousClock.now - start)
        let failing = preview.diagnostics.filter { $0.severity == .error || options.strict }
        // Errors are printed after every rebuild; a warning only when it is new.
        let newWarnings = preview.diagnostics.filter { $0.severity == .warning && !options.strict && !warnings.contains($0) }
        for diagnostic in failing + newWarnings { log(diagnostic.formatted(in: terminal)) }
        warnings = Set(preview.diagnostics.filter { $0.severity == .warning })
        let dutch = terminal == .nl
        let what = changed.isEmpty ? "" : dutch ? " na een wijziging in \(Self.list(changed, and: "en"))" : " after a change to \(Self.list(changed))"
        if showsTimings {
            log(preview.timings.map { "\($0.stage) \(Self.milliseconds(.seconds($0.seconds))) ms" }.joined(separator: ", "))
        }
        defer { wakeWaiting() }
        texts = preview.texts
        if let site = preview.site {
            state = .site(site)
            let warningNote =
                warnings.isEmpty
                ? ""
                : dutch
                    ? ", \(warnings.count) \(warnings.count == 1 ? "waarschuwing" : "waarschuwingen")"
                    : ", \(warnings.count) \(warnings.count == 1 ? "warning" : "warnings")"
            log(
                dutch
                    ? "Klaar\(what) in \(elapsed) ms: \(site.pageCount) pagina's\(warningNote)"
                    : "Ready\(what) in \(elapsed) ms: \(site.pageCount) pages\(warningNote)")
        } else {
            state = .problems(preview.shownDiagnostics, withheld: preview.withheldDiagnostics)
            let count = failing.count
            log(
                dutch
                    ? "De site kan niet gebouwd worden\(what): \(count) \(count == 1 ? "probleem" : "problemen"); herstel "
                        + "\(count == 1 ? "het" : "ze") en de site wordt opnieuw gebouwd"
                    : "The site cannot be built\(what): \(count) \(count == 1 ? "problem" : "problems"); fix \(count == 1 ? "it" : "them") and it rebuilds"
            )
        }
    }

    private static func list(_ paths: [String], and: String = "and") -> String {
        let shown = paths.map(\.escapingControlCharacters)
        let more = and == "and" ? " and \(shown.count - 2) more" : " en nog \(shown.count - 2)"
        return shown.count <= 3 ? shown.joined(separator: ", ") : shown.prefix(2).joined(separator: ", ") + more
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    // MARK: Serving

    private func respond(to request: HTTPRequestHead) async -> HTTPResponse {
        switch request.path {
        case "/__normfolio/version":
            return HTTPResponse(
                status: 200, headers: [("Content-Type", "text/plain"), ("Cache-Control", "no-store")],
                body: Data(String(version).utf8))
        case "/__normfolio/livereload.js":
            return Self.script(Self.liveReloadScript)
        case "/__normfolio/problems.css":
            return HTTPResponse(
                status: 200, headers: [("Content-Type", "text/css; charset=utf-8"), ("Cache-Control", "no-store")],
                body: Data(Self.problemStyle.utf8))
        case "/__normfolio/wait.js":
            return Self.script(await waitForChange(since: request.query["since"].flatMap { Int($0) } ?? version))
        default:
            break
        }
        var file = String(request.path.drop { $0 == "/" })
        if file.isEmpty || file.hasSuffix("/") { file += Routes.home }
        let (state, version, texts) = (self.state, self.version, self.texts)
        switch state {
        case .problems(let diagnostics, let withheld):
            guard Routes.isPage(file) else { return HTTPResponse(status: 503) }
            return HTTPResponse(
                status: 500, headers: Self.htmlHeaders,
                body: Self.withLiveReload(
                    Data(Self.problemPage(diagnostics, withheld: withheld, texts: texts).utf8),
                    version: version))
        case .site(let site):
            // Rendering happens off the actor, so a large page does not hold up other requests.
            guard let data = await Self.render(file, of: site) else {
                return .text(404, texts.format("preview_not_found", ["path": file.escapingControlCharacters]))
            }
            if Routes.isPage(file) && !file.hasPrefix(Routes.attachments) {
                return HTTPResponse(
                    status: 200, headers: Self.htmlHeaders,
                    body: Self.withLiveReload(Self.withBanner(data, text: site.previewNote), version: version))
            }
            return HTTPResponse(status: 200, headers: Self.fileHeaders(file), body: data)
        }
    }

    private nonisolated static func render(_ file: String, of site: LazySite) async -> Data? {
        site.file(at: file)
    }

    /// Waits until the site changes from version `since`, or for `waitLimit`: then the answer
    /// is a script that reloads the page, or one that asks again. Nothing polls: a rebuild wakes
    /// every waiting page at once, and a timer each one at its limit.
    private func waitForChange(since: Int) async -> String {
        if version == since && !Task.isCancelled {
            let id = nextWaiter
            nextWaiter += 1
            let limit = Task { [weak self] in
                try? await Task.sleep(for: Self.waitLimit)
                await self?.wake(id)
            }
            await withTaskCancellationHandler {
                // The body runs on the actor before it suspends, so no wake can come before it.
                await withCheckedContinuation { waiting[id] = $0 }
            } onCancel: {
                Task { await self.wake(id) }
            }
            limit.cancel()
        }
        return version == since ? "normfolioWaited();\n" : "location.reload();\n"
    }

    private func wake(_ id: Int) {
        waiting.removeValue(forKey: id)?.resume()
    }

    private func wakeWaiting() {
        let woken = waiting
        waiting = [:]
        for continuation in woken.values { continuation.resume() }
    }

    private static func script(_ text: String) -> HTTPResponse {
        HTTPResponse(
            status: 200, headers: [("Content-Type", "text/javascript; charset=utf-8"), ("Cache-Control", "no-store")],
            body: Data(text.utf8))
    }

    /// The pages' policy: the one in every page's `<meta>` (Templates/layout.mustache), and never in
    /// a frame, which only a header can say.
    static let pagePolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; font-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static let htmlHeaders = [
        (name: "Content-Type", value: "text/html; charset=utf-8"), (name: "Cache-Control", value: "no-store"),
        (name: "Content-Security-Policy", value: pagePolicy),
    ]

    /// The headers of a file that is not a page. An attachment (`bijlagen/`) is sandboxed: were it
    /// opened, nothing in it runs with the site's origin; one of a type a browser runs (published
    /// as `….html.txt`) is sent as a download under its own name.
    static func fileHeaders(_ file: String) -> [(name: String, value: String)] {
        var headers = [(name: "Content-Type", value: contentType(of: file)), (name: "Cache-Control", value: "no-store")]
        if file.hasPrefix(Routes.attachments) {
            headers.append(("Content-Security-Policy", "default-src 'none'; sandbox; frame-ancestors 'none'"))
            if let name = ActiveContent.downloadName(ofSitePath: file) {
                let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "bijlage"
                headers.append(("Content-Disposition", "attachment; filename*=UTF-8''\(encoded)"))
            }
        } else {
            headers.append(("Content-Security-Policy", pagePolicy))
        }
        return headers
    }

    /// A page with the live-reload script added before `</body>`: only when serving, never in a built site.
    static func withLiveReload(_ page: Data, version: Int) -> Data {
        let tag = Data("<script src=\"/__normfolio/livereload.js\" data-version=\"\(version)\"></script>\n".utf8)
        // Pages can be megabytes (a report listing thousands of documents): search the bytes from the end.
        guard let end = lastOffset(of: Array("</body>".utf8), in: page) else { return page + tag }
        var result = Data(capacity: page.count + tag.count)
        result.append(page.prefix(end))
        result.append(tag)
        result.append(page.dropFirst(end))
        return result
    }

    /// A page with a line at its top that says which edition the preview shows, as a landmark of
    /// its own: only when serving, never in a built site.
    static func withBanner(_ page: Data, text: String) -> Data {
        guard let body = page.firstRange(of: Data("<body>".utf8)) else { return page }
        let banner = Data("\n<aside class=\"preview-banner\" aria-label=\"normfolio serve\"><p>\(text.htmlEscaped)</p></aside>".utf8)
        var result = Data(capacity: page.count + banner.count)
        result.append(page[..<body.upperBound])
        result.append(banner)
        result.append(page[body.upperBound...])
        return result
    }

    /// Where the last occurrence of `needle` starts in `data`, searching from the end.
    static func lastOffset(of needle: [UInt8], in data: Data) -> Int? {
        data.withUnsafeBytes { bytes -> Int? in
            guard bytes.count >= needle.count else { return nil }
            var start = bytes.count - needle.count
            while start >= 0 {
                if bytes[start] == needle[0] && needle.indices.allSatisfy({ bytes[start + $0] == needle[$0] }) { return start }
                start -= 1
            }
            return nil
        }
    }

    /// Reloads the page when the site changes. The page's Content-Security-Policy allows scripts
    /// from the site but no other requests, so the script asks with a script: `wait.js` answers
    /// when the site has changed (`location.reload()`), or after a while (`normfolioWaited()`).
    /// Hidden tabs do not wait, so they do not hold on to the browser's few connections per
    /// server; a tab that shows again asks at once. Waiting starts once the page has loaded.
    static let liveReloadScript = """
        (function () {
          var script = document.currentScript;
          var version = (script && script.getAttribute("data-version")) || "";
          var waiting = false;
          function wait() {
            if (waiting || document.hidden) return;
            waiting = true;
            var poll = document.createElement("script");
            poll.src = "/__normfolio/wait.js?since=" + encodeURIComponent(version) + "&t=" + Date.now();
            poll.onload = function () { poll.remove(); };
            poll.onerror = function () { poll.remove(); waiting = false; setTimeout(wait, 1000); };
            document.head.appendChild(poll);
          }
          window.normfolioWaited = function () { waiting = false; wait(); };
          document.addEventListener("visibilitychange", wait);
          // A script added before the page has loaded would hold up its load event.
          if (document.readyState === "complete") wait(); else window.addEventListener("load", wait);
        })();

        """

    /// The page shown instead of the site while the content has errors: the errors that stop the
    /// build first, then the warnings; only those of files the previewed edition may show, since
    /// whoever may open the preview may read them (`withheld` others are only counted). The
    /// messages are in the page's language, as its headings.
    static func problemPage(_ diagnostics: [Diagnostic], withheld: Int = 0, texts: InterfaceTexts = InterfaceTexts(language: .nl)) -> String {
        func section(_ title: String, _ severity: Diagnostic.Severity) -> String {
            let found = diagnostics.filter { $0.severity == severity }
            guard !found.isEmpty else { return "" }
            let items = found.map { "<li><code>\($0.formatted(in: texts.language).htmlEscaped)</code></li>" }.joined(separator: "\n")
            return "<h2>\(title) (\(found.count))</h2>\n<ul>\n\(items)\n</ul>"
        }
        let others = withheld == 0 ? "" : "<p>" + texts.plural("preview_withheld", withheld).htmlEscaped + "</p>"
        return """
            <!DOCTYPE html>
            <html lang="\(texts.language.rawValue)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(texts["preview_problems_title"].htmlEscaped) · normfolio</title>
            <link rel="stylesheet" href="/__normfolio/problems.css">
            </head>
            <body>
            <main>
            <h1>\(texts["preview_problems_heading"].htmlEscaped)</h1>
            <p>\(texts["preview_problems_fix"].htmlEscaped)</p>
            \(section(texts["preview_errors"].htmlEscaped, .error))
            \(section(texts["preview_warnings"].htmlEscaped, .warning))
            \(others)
            </main>
            </body>
            </html>
            """
    }

    /// The error page's style, a file of its own: the pages' policy allows no style in a page.
    static let problemStyle = """
        body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
        li { margin-bottom: .5rem; }
        code { overflow-wrap: anywhere; }
        @media (prefers-color-scheme: dark) { body { background: #16181d; color: #e8e8e8; } }

        """

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
