import NormfolioCLI

/// The executable only starts the command tree, which lives in NormfolioCLI so it can be tested.
@main
struct Entry {
    static func main() {
        NormfolioCommand.launch()
    }
}
