import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// The results of a parallel map, every slot of which a worker has filled, moved out of the
    /// buffer (not copied, so nothing is left behind in it when it is freed).
    fileprivate static func collect<T>(_ buffer: UnsafeMutableBufferPointer<T?>, count: Int) -> [T] {
        var results: [T] = []
        results.reserveCapacity(count)
        for index in buffer.indices {
            if let result = buffer.moveElement(from: index) { results.append(result) }
        }
        precondition(results.count == count, "a parallel worker left a result out")
        return results
    }

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
        return Self.collect(buffer, count: count)
    }
}

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order, giving each worker thread its own state
    /// made by `makeState` (for example its own copy of parsed templates, so threads do not
    /// contend on shared reference counts).
    func parallelMap<State, T: Sendable>(
        state makeState: @Sendable () -> State,
        _ transform: @Sendable (inout State, Element) -> T
    ) -> [T] {
        let workers = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count))
        guard workers > 1 else {
            var state = makeState()
            return map { transform(&state, $0) }
        }
        let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer { buffer.deallocate() }
        nonisolated(unsafe) let results = buffer
        let next = Atomic<Int>(0)
        let chunk = Swift.max(1, count / (workers * 32))
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let input = elements
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var state = makeState()
                while true {
                    let start = next.add(chunk, ordering: .relaxed).oldValue
                    if start >= input.count { break }
                    for i in start..<Swift.min(input.count, start + chunk) { results[i] = transform(&state, input[i]) }
                }
            }
        }
        return Self.collect(buffer, count: count)
    }
}

/// Runs `side` on another thread while `main` runs on this one, and returns both results.
func concurrently<A: Sendable, B: Sendable>(_ main: () -> A, side: @escaping @Sendable () -> B) -> (A, B) {
    let group = DispatchGroup()
    let box = ResultBox<B>()
    DispatchQueue.global().async(group: group) { box.value = side() }
    let a = main()
    group.wait()
    // The group's wait orders the write above before this read.
    guard let b = box.value else { preconditionFailure("the side task did not finish") }
    return (a, b)
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
