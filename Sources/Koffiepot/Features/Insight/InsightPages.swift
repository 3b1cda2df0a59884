import Foundation
import Plot
import Vapor

enum InsightPages {
    static func dashboard(
        _ ctx: PageContext, scope: InsightController.Scope, tables: [InsightTable], texts: [String]?,
        meetings: MeetingMatrix?
    ) -> Response {
        let t = ctx.t
        let query = scope.filter.queryItems.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }
        .sorted().joined(separator: "&")
        return PageLayout.render(ctx, title: t("insight.title")) {
            Tag("h1") { Txt(t("insight.title")) }
            Tag("p") { Txt(t("insight.intro")) }.cls("lead")
            filters(ctx, scope)
            Tag("p") { A("/staff/inzicht.csv?\(query)") { Txt(t("insight.download")) }.attr("download", "") }
            for table in tables { section(table, t) }
            if let meetings { TrainingPages.MatrixTable(meetings, t) }
            Tag("section") {
                Tag("h2") { Txt(t("insight.texts")) }
                if let texts {
                    if texts.isEmpty { Tag("p") { Txt(t("insight.texts_none")) } }
                    Tag("ul") { for text in texts { Tag("li") { Txt(text) }.attr("dir", "auto") } }
                } else {
                    Tag("p") { Txt(t("insight.texts_small")) }.cls("notice")
                }
            }
        }
    }

    private static func filters(_ ctx: PageContext, _ scope: InsightController.Scope) -> Component {
        let t = ctx.t
        let f = scope.filter
        let form = FormState(values: f.queryItems)
        let neighbourhoods = Array(Set(scope.locations.map(\.neighbourhood))).sorted()
        return Tag("form") {
            SelectField(
                name: "neighbourhood", label: t("insight.neighbourhood"),
                options: [(value: "", label: t("insight.all"))] + neighbourhoods.map { (value: $0, label: $0) }
            ).render(form, t)
            SelectField(
                name: "location", label: t("desk.filter_location"),
                options: [(value: "", label: t("insight.all"))]
                    + scope.locations.map { (value: $0.id!.uuidString, label: $0.name) }
            ).render(form, t)
            FormField(name: "from", label: t("insight.from"), type: "month").render(form, t)
            FormField(name: "to", label: t("insight.to"), type: "month").render(form, t)
            Tag("button") { Txt(t("filter.apply")) }.attr("type", "submit")
        }.attr("method", "get").attr("action", "/staff/inzicht").cls("filters")
    }

    private static func section(_ table: InsightTable, _ t: Localizer) -> Component {
        Tag("section") {
            Tag("h2") { Txt(table.title) }.attr("id", table.id)
            Tag("div") {
                Node<Any>.raw(BarChart.svg(table))
                Tag("table") {
                    Tag("caption") { Txt(table.description) }
                    Tag("thead") {
                        Tag("tr") {
                            Tag("th") { Txt(table.title) }.attr("scope", "col")
                            for column in table.columns { Tag("th") { Txt(column) }.attr("scope", "col") }
                        }
                    }
                    Tag("tbody") {
                        for row in table.rows {
                            Tag("tr") {
                                Tag("th") { Txt(row.label) }.attr("scope", "row")
                                for cell in row.cells { Tag("td") { Txt(cell) } }
                            }
                        }
                    }
                }.cls("data")
            }.cls("chart-pair")
        }.cls("insight").attr("aria-labelledby", table.id)
    }
}

/// A horizontal bar chart drawn on the server as SVG, with a title and a description for screen readers.
/// Hidden cells ("<5") get no bar, only their label — the chart can never show more than the table.
/// The drawing is laid out left to right in every language (`direction="ltr"`); on an Arabic page the labels would
/// otherwise run off the left edge. The words themselves still read right to left.
enum BarChart {
    static func svg(_ table: InsightTable) -> String {
        let rows = table.rows.filter(\.charted)
        let rowHeight = 30, labelWidth = 220, barWidth = 300
        let height = max(rows.count, 1) * rowHeight + 10  // an empty chart still has room for its "–"
        let top = table.chartMax ?? max(rows.compactMap(\.chartValue).max() ?? 1, 1)
        var body = rows.isEmpty ? "<text x=\"0\" y=\"20\" class=\"chart-value hidden-cell\">–</text>" : ""
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 5
            body +=
                "<text x=\"0\" y=\"\(y + 19)\" class=\"chart-label\">\(String(row.label.prefix(30)).textEscaped)</text>"
            if let value = row.chartValue {
                let width = Int((value / top * Double(barWidth)).rounded())
                body +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(max(width, 1))\" height=\"20\" class=\"chart-bar\"/>"
                body +=
                    "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 19)\" class=\"chart-value\">\(row.cells.last!.textEscaped)</text>"
            } else {
                body +=
                    "<text x=\"\(labelWidth)\" y=\"\(y + 19)\" class=\"chart-value hidden-cell\">\(row.cells.first!.textEscaped)</text>"
            }
        }
        let id = "chart-\(table.id)"
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(labelWidth + barWidth + 80) \(height)" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" class="chart" direction="ltr"><title id="\(id)-title">\(table.title.textEscaped)</title>\
            <desc id="\(id)-desc">\(table.description.textEscaped)</desc>\(body)</svg>
            """
    }
}
