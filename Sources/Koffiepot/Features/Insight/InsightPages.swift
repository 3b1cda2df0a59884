import Foundation
import Plot
import Vapor

enum InsightPages {
    static func dashboard(
        _ ctx: PageContext, scope: InsightController.Scope, tables: [InsightTable], texts: [String]?,
        meetings: MeetingMatrix?
    ) -> Response {
        let t = ctx.t
        let query = queryString(scope.filter.queryItems)
        return PageLayout.render(ctx, title: t("insight.title")) {
            Tag("h1") { Txt(t("insight.title")) }
            Tag("p") { Txt(t("insight.intro")) }.cls("lead")
            Tag("p") { Txt(t("insight.no_targets")) }
            filters(ctx, scope)
            // On paper the filters are gone: the report says itself which place and months it covers.
            Tag("p") {
                Txt(
                    t(
                        "insight.report_scope",
                        [
                            "from": scope.filter.from, "to": scope.filter.to,
                            "place": scope.filter.locationID.flatMap { id in scope.locations.first { $0.id == id }?.name
                            }
                                ?? scope.filter.neighbourhood ?? t("insight.all"),
                        ]))
            }.cls("printonly")
            Tag("p") {
                A(Paths.Staff.page(.insightCSV, "?\(query)")) { Txt(t("insight.download")) }.attr("download", "")
                Txt(" · ")
                A(quarterReport(scope.filter)) { Txt(t("insight.quarter_report")) }
            }.cls("noprint")
            for table in tables {
                section(table, t)
                if table.id == "gap" { familiesLinks(scope, t) }
            }
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

    /// Where each school's families and home languages are entered (for the school year in view). A whole
    /// municipality's schools fold away behind one line, so they do not push the figures down the page.
    private static func familiesLinks(_ scope: InsightController.Scope, _ t: Localizer) -> Component {
        let schools = scope.inView
        let links = ComponentGroup {
            for (index, location) in schools.enumerated() {
                if index > 0 { Txt(" · ") }
                A(Paths.Staff.location(location.id!, "/families?year=\(scope.filter.schoolYear)")) {
                    Txt(location.name)
                }
            }
        }
        if schools.count <= foldSchoolsAbove {
            return Tag("p") {
                Txt(t("insight.gap.enter") + " ")
                links
            }.cls("noprint")
        }
        return Tag("details") {
            Tag("summary") { Txt(t("insight.gap.enter_many", ["n": "\(schools.count)"])) }
            Tag("p") { links }
        }.cls("noprint")
    }

    static let foldSchoolsAbove = 8

    /// Letters, digits and the dash of `2026-07` stay as they are in a link; everything else is encoded.
    private static let queryValue = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-"))

    /// The same place over the last whole quarter; printed, it is the quarter report on A4.
    private static func quarterReport(_ filter: InsightFilter) -> String {
        var items = filter.queryItems
        (items["from"], items["to"]) = (filter.quarterFrom, filter.quarterTo)
        return Paths.Staff.page(.insight, "?") + queryString(items)
    }

    /// The filter as a query string, keys in order: the CSV link and the quarter report share it.
    private static func queryString(_ items: [String: String]) -> String {
        items.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: queryValue) ?? "")" }
            .joined(separator: "&")
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
        }.attr("method", "get").attr("action", Paths.Staff.page(.insight)).cls("filters")
    }

    private static func section(_ table: InsightTable, _ t: Localizer) -> Component {
        Tag("section") {
            Tag("h2") { Txt(table.title) }.attr("id", table.id)
            Tag("div") {
                Node<Any>.raw(BarChart.svg(table, rightToLeft: t.language.isRightToLeft))
                Tag("div") {
                    Tag("table") {
                        Tag("caption") { Txt(table.description) }
                        Tag("thead") {
                            Tag("tr") {
                                Tag("th") { Txt(table.title) }.attr("scope", "col")
                                for column in table.columns { Tag("th") { Txt(column) }.attr("scope", "col") }
                            }
                        }
                        Tag("tbody") {
                            TableRows(table.rows.map { ($0.label, $0.cells.map { TableCell(text: $0) }) })
                        }
                    }.cls("data")
                }.cls("table-scroll").attr("tabindex", "0").attr("role", "region").attr("aria-label", table.title)
            }.cls("chart-pair")
            if !table.notes.isEmpty {
                Tag("ul") { for note in table.notes { Tag("li") { Txt(note) } } }.cls("reach-notes")
            }
        }.cls("insight").attr("aria-labelledby", table.id)
    }
}

/// A horizontal bar chart drawn on the server as SVG, with a title and a description for screen readers.
/// Hidden cells ("<5") get no bar, only their label — the chart can never show more than the table.
/// Drawn for a phone first: 360 units wide, each label on its own line above its bar, text at 14 units, so on a
/// 390 px screen the words stay at about 14 px and are never clipped. On an Arabic page it is mirrored: labels
/// and bars start at the right edge and grow to the left, as the page reads.
enum BarChart {
    static let width = 360
    static let rowHeight = 44
    /// Room beside the longest bar for its number.
    static let valueRoom = 56

    static func svg(_ table: InsightTable, rightToLeft: Bool = false) -> String {
        let rows = table.rows.filter(\.charted)
        let height = max(rows.count, 1) * rowHeight + 6  // an empty chart still has room for its "–"
        let top = table.chartMax ?? max((rows.compactMap(\.chartValue) + rows.compactMap(\.reference)).max() ?? 1, 1)
        func length(_ value: Double) -> Int { max(Int((value / top * Double(width - valueRoom)).rounded()), 1) }
        // In right-to-left text "start" is the right-hand end: every text begins at `edge(0)` and runs inward
        // (two units in from the right, where a glyph's side bearing would otherwise cross the border).
        func edge(_ offset: Int) -> Int { rightToLeft ? width - 2 - offset : offset }
        var body = rows.isEmpty ? "<text x=\"\(edge(0))\" y=\"20\" class=\"chart-value hidden-cell\">–</text>" : ""
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight
            body +=
                "<text x=\"\(edge(0))\" y=\"\(y + 16)\" class=\"chart-label\">\(String((row.chartLabel ?? row.label).prefix(44)).textEscaped)</text>"
            var textAt = 0
            if let value = row.chartValue {
                let length = length(value)
                let x = rightToLeft ? width - length : 0
                body += "<rect x=\"\(x)\" y=\"\(y + 22)\" width=\"\(length)\" height=\"16\" class=\"chart-bar\"/>"
                textAt = length + 6
            }
            if let reference = row.reference {
                // A mark across the bar's line: where the bar would end if it matched the reference.
                let x = edge(length(reference))
                body += "<rect x=\"\(x - 2)\" y=\"\(y + 19)\" width=\"4\" height=\"22\" class=\"chart-reference\"/>"
                textAt = max(textAt, length(reference) + 6)
            }
            let text = row.chartText ?? (row.chartValue == nil ? row.cells.first! : row.cells.last!)
            let hidden = row.chartValue == nil ? " hidden-cell" : ""
            body +=
                "<text x=\"\(edge(textAt))\" y=\"\(y + 35)\" class=\"chart-value\(hidden)\">\(text.textEscaped)</text>"
        }
        let id = "chart-\(table.id)"
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" class="chart" direction="\(rightToLeft ? "rtl" : "ltr")">\
            <title id="\(id)-title">\(table.title.textEscaped)</title>\
            <desc id="\(id)-desc">\(table.description.textEscaped)</desc>\(body)</svg>
            """
    }
}
