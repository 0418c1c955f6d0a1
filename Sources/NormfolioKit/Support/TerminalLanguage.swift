import Foundation
import Yams

/// The language normfolio speaks in the terminal: its diagnostics and the output of its commands.
extension Language {
    /// `NORMFOLIO_LANGUAGE` (`nl` or `en`, for scripts and tests) first; then `override` (`--language`
    /// of build and serve); then the `language` of the portfolio's normfolio.yml (Dutch when it
    /// names none, as for the site); outside a portfolio, or when normfolio.yml cannot be read, the
    /// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`): Dutch for `nl…`, English for anything else.
    public static func terminal(
        portfolio: String?, override: Language? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Language {
        if let chosen = environment["NORMFOLIO_LANGUAGE"].flatMap({ Language(rawValue: $0.lowercased()) }) { return chosen }
        if let override { return override }
        if let portfolio, let language = settingsLanguage(of: portfolio) { return language }
        return locale(environment)
    }

    /// The language of the locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set.
    static func locale(_ environment: [String: String]) -> Language {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("nl") ? .nl : .en
    }

    /// The `language` of `folder/normfolio.yml`; Dutch when it names none; nil without a readable file
    /// or with a language normfolio does not have.
    static func settingsLanguage(of folder: String) -> Language? {
        let path = folder + "/normfolio.yml"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            (attributes[.size] as? Int ?? Int.max) <= Limits.settingsFileBytes,
            let text = try? String(contentsOfFile: path, encoding: .utf8),
            let settings = (try? Yams.compose(yaml: text))?.flatMap(\.mapping)
        else { return nil }
        guard let value = settings["language"] else { return .nl }
        return value.scalar.flatMap { Language(rawValue: $0.string) }
    }
}
