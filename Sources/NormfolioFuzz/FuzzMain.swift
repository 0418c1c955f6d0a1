import Foundation
import NormfolioKit
import NormfolioServe

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
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
            let names = FuzzTarget.names.joined(separator: "|")
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
                target.run(data)
            }
        #endif
    }

    #if NORMFOLIO_FUZZ
        /// The target the C callback runs; set once, before fuzzing starts.
        nonisolated(unsafe) static var selected = FuzzTarget.http
    #endif
}

#if NORMFOLIO_FUZZ
    /// libFuzzer's callback: one input through the selected target.
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        FuzzMain.selected.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
        return 0
    }
#endif

/// The fuzz targets: the core library's (`Fuzzing.Target`: markdown, front-matter, portfolio,
/// register, snapshot, approval, archive) and the preview's request parser (http).
enum FuzzTarget {
    case core(Fuzzing.Target)
    case http

    static var names: [String] { Fuzzing.Target.allCases.map(\.rawValue) + ["http"] }

    init?(rawValue: String) {
        if rawValue == "http" {
            self = .http
        } else if let target = Fuzzing.Target(rawValue: rawValue) {
            self = .core(target)
        } else {
            return nil
        }
    }

    func run(_ data: Data) {
        switch self {
        case .core(let target): Fuzzing.run(target, data)
        case .http: HTTPFuzzing.run(data)
        }
    }
}
