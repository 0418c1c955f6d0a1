import Foundation
import PackagePlugin

/// Embeds the built-in theme (the package's top-level `Templates/`, `Public/` and `Strings/`), the
/// hyphenation patterns (`Hyphenation/*.dic`, not their licence texts) and the normenkader
/// catalogue and the format's reference (`docs/format.md`) into the target, so an installed `normfolio` works in any folder while the files
/// themselves stay the single source of truth; and lists the page kinds declared in
/// `Render/Pages/`, so that adding a page kind is adding its file.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in ["Templates", "Public", "Strings"] {
            inputs += files(under: root.appendingPathComponent(folder))
        }
        inputs += files(under: root.appendingPathComponent("Hyphenation")).filter { $0.pathExtension == "dic" }
        inputs.append(target.directoryURL.appendingPathComponent("Catalog/normenkader.yml"))
        // The format's reference, for `normfolio docs` where no copy of the docs is at hand.
        inputs.append(root.appendingPathComponent("docs/format.md"))
        // The page kinds: each file in Render/Pages/ registers the kinds it declares.
        inputs += files(under: target.directoryURL.appendingPathComponent("Render/Pages")).filter { $0.pathExtension == "swift" }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding theme and catalogue",
                executable: try context.tool(named: "EmbedTool").url,
                arguments: [output.path, root.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func files(under folder: URL) -> [URL] {
        guard
            let walker = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        return walker.compactMap { item in
            guard let url = item as? URL,
                (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
            else { return nil }
            return url
        }
    }
}
