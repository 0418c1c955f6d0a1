import Dispatch

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order. The transform must not share mutable state.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer { buffer.deallocate() }
        nonisolated(unsafe) let results = buffer
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let input = elements
            // Chunks keep scheduling overhead low for many small items.
            let chunk = Swift.max(1, input.count / 64)
            let chunks = (input.count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let end = Swift.min(input.count, (c + 1) * chunk)
                for i in (c * chunk)..<end { results[i] = transform(input[i]) }
            }
        }
        return buffer.map { $0! }
    }
}
