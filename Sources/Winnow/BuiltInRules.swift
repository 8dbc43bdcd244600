@_exported import WinnowRules

extension RuleSet {
    /// The rule files compiled into winnow from the repository's `Rules/`.
    public static var builtInSources: [RuleSource] { RuleSource.builtIn }

    /// The built-in rules, ready to use: read and analysed when winnow was built, so start-up parses no
    /// YAML. When the files had errors at build time they are parsed now instead, and the diagnostics say
    /// what is wrong.
    public static var builtIn: (RuleSet, [Diagnostic]) {
        if let precompiled = RuleSet.precompiledBuiltIn { return (precompiled, []) }
        return RuleSet.load(builtInSources)
    }
}
