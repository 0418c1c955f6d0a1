import Foundation

/// A rendered site, held in memory until the write stage.
public struct Site: Sendable {
    /// One output file: its path in the site and where its bytes come from.
    public struct File: Sendable, Equatable {
        public var path: String
        public var contents: Theme.StaticFile

        /// The file's bytes; copied files are read through `io`. Nil when a file cannot be read,
        /// or an attachment's bytes are no longer the ones that were checked.
        public func bytes(io: FileIO = .live) -> Data? {
            switch contents {
            case .data(let data): data
            case .file(let source): io.read(source)
            case .checked(let source, let sha256): io.read(source).flatMap { Integrity.sha256($0) == sha256 ? $0 : nil }
            }
        }
    }

    /// Files sorted by path.
    public var files: [File]
    public var pageCount: Int
    public var publishedDocuments: Int
    public var withheldDocuments: Int
    /// Size and SHA-256 of files already hashed while rendering (the attachments), by site path,
    /// so sealing the site does not read and hash them again.
    public var digests: [String: Digest] = [:]
}
