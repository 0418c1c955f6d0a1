import Foundation

/// Bar charts as SVG, made at build time: no chart library runs in the browser. Colours come from
/// CSS classes of the theme, so charts follow dark mode and print; each chart has a title and a
/// description, and the page shows the same figures in a table next to it.
enum Chart {
    /// One bar of a chart.
    struct Bar {
        var label: String
        /// For stacked bars, the size of each segment; for simple bars one value.
        var segments: [Double]
        /// Where a target mark stands on this bar, if any.
        var target: Double?
    }

    private static let labelWidth = 260.0, barHeight = 18.0, gap = 8.0, plotWidth = 330.0, top = 8.0

    /// Horizontal bars on a scale from 0 to `maximum`, with a mark at each bar's target.
    /// `classes` names the CSS class of each segment (`chart-covered`, `chart-level`, …).
    static func horizontal(
        id: String, title: String, description: String, bars: [Bar], maximum: Double,
        classes: [String], ticks: [Double], tickLabel: (Double) -> String
    ) -> String {
        let height = top + Double(bars.count) * (barHeight + gap) + 24
        let width = labelWidth + plotWidth + 20
        var svg = """
            <svg class="chart" id="\(id)" viewBox="0 0 \(number(width)) \(number(height))" width="\(number(width))" \
            height="\(number(height))" role="img" aria-labelledby="\(id)-title \(id)-desc" \
            xmlns="http://www.w3.org/2000/svg">
            <title id="\(id)-title">\(title.htmlEscaped)</title><desc id="\(id)-desc">\(description.htmlEscaped)</desc>

            """
        let scale = plotWidth / maximum
        for tick in ticks {
            let x = labelWidth + tick * scale
            svg += "<line class=\"chart-grid\" x1=\"\(number(x))\" y1=\"\(number(top))\" x2=\"\(number(x))\" y2=\"\(number(height - 20))\"/>"
            svg +=
                "<text class=\"chart-tick\" x=\"\(number(x))\" y=\"\(number(height - 6))\" text-anchor=\"middle\">\(tickLabel(tick).htmlEscaped)</text>\n"
        }
        for (row, bar) in bars.enumerated() {
            let y = top + Double(row) * (barHeight + gap)
            svg +=
                "<text class=\"chart-label\" x=\"\(number(labelWidth - 8))\" y=\"\(number(y + barHeight * 0.72))\" text-anchor=\"end\">\(bar.label.htmlEscaped)</text>"
            var x = labelWidth
            for (segment, value) in bar.segments.enumerated() where value > 0 {
                let w = value * scale
                svg +=
                    "<rect class=\"\(classes[segment % classes.count])\" x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(w))\" height=\"\(number(barHeight))\"/>"
                x += w
            }
            if let target = bar.target {
                let tx = labelWidth + target * scale
                svg +=
                    "<line class=\"chart-target\" x1=\"\(number(tx))\" y1=\"\(number(y - 3))\" x2=\"\(number(tx))\" y2=\"\(number(y + barHeight + 3))\"/>"
            }
            svg += "\n"
        }
        return svg + "</svg>"
    }

    /// A line over time: one point per reference date on a scale from 0 to `maximum`, with a
    /// dashed line at `target`; the dates label the axis below.
    static func trend(
        id: String, title: String, description: String, points: [(label: String, value: Double?)],
        maximum: Double, target: Double?
    ) -> String {
        let plotWidth = max(120.0, Double(points.count - 1) * 110), plotHeight = 140.0, left = 36.0, top = 10.0
        let width = left + plotWidth + 40, height = top + plotHeight + 30
        func x(_ index: Int) -> Double { left + (points.count > 1 ? Double(index) * plotWidth / Double(points.count - 1) : plotWidth / 2) }
        func y(_ value: Double) -> Double { top + plotHeight - value / maximum * plotHeight }
        var svg = """
            <svg class="chart" id="\(id)" viewBox="0 0 \(number(width)) \(number(height))" width="\(number(width))" \
            height="\(number(height))" role="img" aria-labelledby="\(id)-title \(id)-desc" \
            xmlns="http://www.w3.org/2000/svg">
            <title id="\(id)-title">\(title.htmlEscaped)</title><desc id="\(id)-desc">\(description.htmlEscaped)</desc>

            """
        for tick in stride(from: 0.0, through: maximum, by: 1) {
            svg +=
                "<line class=\"chart-grid\" x1=\"\(number(left))\" y1=\"\(number(y(tick)))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(y(tick)))\"/>"
            svg += "<text class=\"chart-tick\" x=\"\(number(left - 8))\" y=\"\(number(y(tick) + 4))\" text-anchor=\"end\">\(number(tick))</text>\n"
        }
        if let target {
            svg +=
                "<line class=\"chart-target\" x1=\"\(number(left))\" y1=\"\(number(y(target)))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(y(target)))\"/>\n"
        }
        let known = points.enumerated().compactMap { index, point in point.value.map { (index, $0) } }
        if known.count > 1 {
            svg +=
                "<polyline class=\"chart-line\" fill=\"none\" points=\""
                + known.map { "\(number(x($0.0))),\(number(y($0.1)))" }.joined(separator: " ") + "\"/>\n"
        }
        for (index, value) in known {
            svg += "<circle class=\"chart-level\" cx=\"\(number(x(index)))\" cy=\"\(number(y(value)))\" r=\"4\"/>"
        }
        for (index, point) in points.enumerated() {
            svg +=
                "<text class=\"chart-tick\" x=\"\(number(x(index)))\" y=\"\(number(height - 8))\" text-anchor=\"middle\">\(point.label.htmlEscaped)</text>"
        }
        return svg + "\n</svg>"
    }

    /// A small line over time for a table row: the values from 0 to `maximum`, left to right; the
    /// row beside it holds the same figures.
    static func sparkline(id: String, title: String, values: [Double?], maximum: Double) -> String {
        let width = 120.0, height = 28.0, pad = 4.0
        func x(_ index: Int) -> Double {
            pad + (values.count > 1 ? Double(index) * (width - 2 * pad) / Double(values.count - 1) : (width - 2 * pad) / 2)
        }
        func y(_ value: Double) -> Double { height - pad - value / maximum * (height - 2 * pad) }
        let known = values.enumerated().compactMap { index, value in value.map { (index, $0) } }
        var svg =
            "<svg class=\"chart sparkline\" id=\"\(id)\" viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"\(number(width))\" "
            + "height=\"\(number(height))\" role=\"img\" aria-labelledby=\"\(id)-title\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-title\">\(title.htmlEscaped)</title>"
        if known.count > 1 {
            svg +=
                "<polyline class=\"chart-line\" fill=\"none\" points=\""
                + known.map { "\(number(x($0.0))),\(number(y($0.1)))" }.joined(separator: " ") + "\"/>"
        }
        for (index, value) in known { svg += "<circle class=\"chart-level\" cx=\"\(number(x(index)))\" cy=\"\(number(y(value)))\" r=\"2.5\"/>" }
        return svg + "</svg>"
    }

    /// Vertical bars, one per category, labelled below and with their value on top.
    static func vertical(id: String, title: String, description: String, bars: [Bar], cssClass: String) -> String {
        let maximum = max(1, bars.map { $0.segments.first ?? 0 }.max() ?? 1)
        let columnWidth = 56.0, plotHeight = 150.0, width = Double(bars.count) * columnWidth + 20, height = plotHeight + 50
        var svg = """
            <svg class="chart" id="\(id)" viewBox="0 0 \(number(width)) \(number(height))" width="\(number(width))" \
            height="\(number(height))" role="img" aria-labelledby="\(id)-title \(id)-desc" \
            xmlns="http://www.w3.org/2000/svg">
            <title id="\(id)-title">\(title.htmlEscaped)</title><desc id="\(id)-desc">\(description.htmlEscaped)</desc>
            <line class="chart-grid" x1="10" y1="\(number(plotHeight + 20))" x2="\(number(width - 10))" y2="\(number(plotHeight + 20))"/>

            """
        for (column, bar) in bars.enumerated() {
            let value = bar.segments.first ?? 0
            let h = value / maximum * plotHeight
            let x = 10 + Double(column) * columnWidth + 8
            let y = plotHeight + 20 - h
            svg += "<rect class=\"\(cssClass)\" x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(columnWidth - 16))\" height=\"\(number(h))\"/>"
            svg +=
                "<text class=\"chart-value\" x=\"\(number(x + (columnWidth - 16) / 2))\" y=\"\(number(y - 4))\" text-anchor=\"middle\">\(number(value))</text>"
            svg +=
                "<text class=\"chart-label\" x=\"\(number(x + (columnWidth - 16) / 2))\" y=\"\(number(plotHeight + 36))\" text-anchor=\"middle\">\(bar.label.htmlEscaped)</text>\n"
        }
        return svg + "</svg>"
    }

    /// A coordinate with at most one decimal, the same on every machine.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
