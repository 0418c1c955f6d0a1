import Foundation
import NormfolioKit
#if NORMFOLIO_FUZZ
import CLibFuzzer
#endif

/// The fuzz executable. Built by `make fuzz` (NORMFOLIO_FUZZ set: libFuzzer and AddressSanitizer),
/// `normfolio-fuzz TARGET [libFuzzer options] [CORPUS…]` fuzzes a target. Built normally,
/// `normfolio-fuzz TARGET FILE…` replays files through the target once each.
@main
struct FuzzMain {
    static func main() {
        var arguments = CommandLine.arguments
        guard arguments.count >= 2, let target = Fuzzing.Target(rawValue: arguments[1]) else {
            let names = Fuzzing.Target.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: normfolio-fuzz \(names) [FILE…]\n".utf8))
            exit(64)
        }
        arguments.remove(at: 1)
        #if NORMFOLIO_FUZZ
        selected = target
        // libFuzzer reads its own options (-max_total_time=…) and corpus folders from argv.
        var argc = CInt(arguments.count)
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let status = pointers.withUnsafeMutableBufferPointer { buffer -> CInt in
            var argv = buffer.baseAddress
            return LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput)
        }
        exit(status)
        #else
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(66)
            }
            Fuzzing.run(target, data)
        }
        #endif
    }

    #if NORMFOLIO_FUZZ
    /// The target the C callback runs; set once, before fuzzing starts.
    nonisolated(unsafe) static var selected = Fuzzing.Target.markdown
    #endif
}

#if NORMFOLIO_FUZZ
/// libFuzzer's callback: one input through the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    Fuzzing.run(FuzzMain.selected, bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
#endif
