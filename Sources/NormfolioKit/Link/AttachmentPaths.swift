import Foundation

extension Linker {
    /// Site paths for attachments under `bijlagen/`: each folder and name made URL-safe, keeping
    /// the extension; names that would clash get "-2", "-3", … in path order.
    static func sitePaths(for files: Set<String>) -> [String: String] {
        var result: [String: String] = [:]
        var taken = Set<String>()
        for file in files.sorted() {
            var components = file.split(separator: "/").map(String.init)
            let name = components.removeLast()
            let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
            let stem = dot.map { String(name[..<$0]) } ?? name
            let ext =
                dot.flatMap { dot in
                    name.index(after: dot) == name.endIndex ? nil : "." + String(name[name.index(after: dot)...]).slugified()
                } ?? ""
            let folder = components.map { $0.slugified() + "/" }.joined()
            // An active type is published under a name no web server serves as a page.
            let inert = ActiveContent.isActive(file) ? ActiveContent.inertSuffix : ""
            var candidate = Routes.attachments + folder + stem.slugified() + ext + inert
            var counter = 2
            while taken.contains(candidate.lowercased()) {
                candidate = Routes.attachments + folder + stem.slugified() + "-\(counter)" + ext + inert
                counter += 1
            }
            taken.insert(candidate.lowercased())
            result[file] = candidate
        }
        return result
    }
}
