import Foundation
import PackagePlugin

/// Embeds the package's `Rules/*.yaml` into the target as Swift source, so that `Rules/` stays the single
/// source of truth and the built binary carries the built-in rules wherever it is copied.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "Rules")
        let ruleFiles = try FileManager.default
            .contentsOfDirectory(at: rulesDirectory, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(ruleFiles.count) rule files from Rules/",
                executable: try context.tool(named: "winnow-embed-rules").url,
                arguments: [output.path] + ruleFiles.map(\.path),
                inputFiles: ruleFiles,
                outputFiles: [output]
            )
        ]
    }
}
