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
        // The tool lists the folder itself when it runs, and the folder is an input: SwiftPM does not
        // re-plan when a file is added, but the folder's changed modification time still reruns the tool.
        return [
            .buildCommand(
                displayName: "Embedding rule files from Rules/",
                executable: try context.tool(named: "winnow-embed-rules").url,
                arguments: [output.path, rulesDirectory.path],
                inputFiles: ruleFiles + [rulesDirectory],
                outputFiles: [output]
            )
        ]
    }
}
