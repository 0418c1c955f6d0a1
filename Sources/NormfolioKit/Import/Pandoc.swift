import Foundation

/// The names normfolio gives the images of an imported file: `afbeelding-1.png` and so on, in
/// the order they appear, in the document's own folder.
final class ImageNames {
    let folder: String
    /// Each image's path inside the file, with the name it gets.
    private(set) var names: [(source: String, name: String)] = []
    /// How many images the text shows.
    private(set) var shown = 0

    init(folder: String) { self.folder = folder }

    /// The target the text links to for an image pandoc found at `source`; links to the web are
    /// left as they are.
    func target(for source: String) -> String {
        shown += 1
        if source.contains("://") || source.hasPrefix("data:") { return source }
        if let known = names.first(where: { $0.source == source }) { return folder + "/" + known.name }
        let ext = (source as NSString).pathExtension.lowercased()
        let safe = ext.count <= 5 && !ext.isEmpty && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } ? "." + ext : ""
        let name = "afbeelding-\(names.count + 1)\(safe)"
        names.append((source, name))
        return folder + "/" + name
    }
}

/// Changes to pandoc's document tree before it is written as Markdown.
enum PandocTree {
    /// `value` without what Markdown cannot carry and would come through as HTML: the attributes
    /// of images (sizes and styles) are dropped, and figures (pandoc 3) become their image and
    /// their caption as a paragraph. Images link to the names `images` gives them.
    static func simplified(_ value: Any, images: ImageNames) -> Any {
        if let list = value as? [Any] {
            return list.flatMap { item -> [Any] in
                guard let node = item as? [String: Any], node["t"] as? String == "Figure",
                    let content = node["c"] as? [Any], content.count == 3
                else { return [simplified(item, images: images)] }
                let caption = ((content[1] as? [Any])?.last as? [Any]) ?? []
                return (simplified(content[2], images: images) as? [Any] ?? []) + (simplified(caption, images: images) as? [Any] ?? [])
            }
        }
        guard var node = value as? [String: Any] else { return value }
        if node["t"] as? String == "Image", var content = node["c"] as? [Any], content.count == 3 {
            content[0] = ["", [Any](), [Any]()] as [Any]
            content[1] = simplified(content[1], images: images)
            if var target = content[2] as? [Any], let source = target.first as? String {
                target[0] = images.target(for: source)
                content[2] = target
            }
            node["c"] = content
            return node
        }
        if let content = node["c"] { node["c"] = simplified(content, images: images) }
        return node
    }
}

/// The pandoc program on this machine.
struct Pandoc {
    let executable: URL

    /// Finds pandoc on the PATH, or says how to install it.
    static func locate() throws -> Pandoc {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for folder in paths {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pandoc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return Pandoc(executable: candidate) }
        }
        throw OfficeImport.Failure(
            description: """
                pandoc is not installed, and normfolio needs it to read Word and OpenDocument files: \
                install it with 'sudo apt-get install pandoc' (Debian, Ubuntu) or from https://pandoc.org/installing.html
                """)
    }

    struct Output {
        var output: Data
        /// pandoc's warnings, one line each, without its "[WARNING]" prefix.
        var warnings: [String]
    }

    func run(_ arguments: [String], input: Data? = nil, in folder: URL) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        // Input is written, and warnings read, beside reading the output: pandoc may fill one
        // pipe before it is done with another.
        let group = DispatchGroup()
        if let input {
            DispatchQueue.global().async(group: group) {
                stdin.fileHandleForWriting.write(input)
                try? stdin.fileHandleForWriting.close()
            }
        }
        let errors = ReadBuffer()
        DispatchQueue.global().async(group: group) { errors.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        let messages = String(decoding: errors.data, as: UTF8.self).split(separator: "\n").map {
            String($0.hasPrefix("[WARNING] ") ? $0.dropFirst("[WARNING] ".count) : $0)
        }
        guard process.terminationStatus == 0 else {
            throw OfficeImport.Failure(description: "pandoc could not convert the file: " + messages.joined(separator: "; "))
        }
        return Output(output: output, warnings: messages)
    }

    /// One pandoc block (a table) written as HTML.
    func html(ofBlock block: [String: Any], apiVersion: Any) throws -> String {
        let document: [String: Any] = ["pandoc-api-version": apiVersion, "meta": [String: Any](), "blocks": [block]]
        let output = try run(
            ["-f", "json", "-t", "html"], input: JSONSerialization.data(withJSONObject: document),
            in: URL(fileURLWithPath: NSTemporaryDirectory()))
        return String(decoding: output.output, as: UTF8.self).trimmed
    }
}

/// Bytes one thread reads for another; the dispatch group's wait orders the write before the read.
private final class ReadBuffer: @unchecked Sendable {
    var data = Data()
}
