/// The CSS class names and HTML ids the theme uses for the portfolio's enumerations. They are
/// spelled out here rather than taken from a case's raw value or its Dutch display name, so that
/// renaming a case, its front-matter name or its JSON value never changes a theme's styling or a
/// page's anchors. docs/theming.md lists them.
extension Classification {
    /// `badge-<styleName>` in the built-in CSS.
    var styleName: String {
        switch self {
        case .openbaar: "openbaar"
        case .intern: "intern"
        case .vertrouwelijk: "vertrouwelijk"
        case .striktVertrouwelijk: "strikt-vertrouwelijk"
        }
    }
}

extension Coverage {
    /// `status-<styleName>` in the built-in CSS.
    var styleName: String {
        switch self {
        case .covered: "covered"
        case .stale: "stale"
        case .missing: "missing"
        case .notApplicable: "not_applicable"
        }
    }
}

extension Action.Status {
    /// The improvement plan's section for the status is `acties-<styleName>`.
    var styleName: String {
        switch self {
        case .open: "open"
        case .bezig: "bezig"
        case .gereed: "gereed"
        }
    }
}
