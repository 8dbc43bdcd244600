extension Array {
    /// `count` copies of `value`, allocated through `reserveCapacity`, which the compiler specialises for
    /// the element type. The standard library's `init(repeating:count:)` and
    /// `init(unsafeUninitializedCapacity:initializingWith:)` reach a generic entry point that looks the
    /// storage type up in the runtime's metadata cache on every call: a few hundred instructions per array,
    /// and a counter that every thread touches. Arrays made per document use this instead.
    init(filledWith value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
