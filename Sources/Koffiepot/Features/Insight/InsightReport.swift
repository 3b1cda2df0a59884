import Foundation

/// The dashboard as tables of protected cells — the same tables feed the HTML (with a chart beside each),
/// and the CSV export, so no figure can escape protection on one of them.
struct InsightTable: Sendable {
    struct Row: Sendable {
        let label: String
        let cells: [String]
        /// The value the chart draws for this row; nil when hidden ("<5") or not applicable.
        let chartValue: Double?
        /// Totals, means and rates sit in the table only, not in the chart.
        var charted = true
        /// A second value drawn as a mark across the bar (the school's share beside the contacts' share).
        var reference: Double? = nil
        /// The words beside the bar, when the last cell (or the first, for a hidden bar) is not them.
        var chartText: String? = nil
        /// The label above the bar, when the chart should say more than the table's row header.
        var chartLabel: String? = nil
    }

    let id: String
    let title: String
    let description: String
    let columns: [String]
    var rows: [Row]
    /// The largest value the chart's axis needs (5 for a mean score).
    var chartMax: Double? = nil
    /// Sentences under the table that say in words what the figures show.
    var notes: [String] = []
}

enum InsightReport {
    static func tables(_ data: InsightData, months: [String], t: Localizer) -> [InsightTable] {
        [
            satisfaction(data, t), trend(data, months, t), byKind(data, t), reach(data, t), languages(data, t),
            channels(data, t),
            demand(data, t), topWishes(data, t), responseTimes(data, months, t), noShows(data, t),
            viaTeacher(data, rows: months, by: \.month, id: "via-teacher", t),
            viaTeacher(
                data, rows: Set(data.referrals.map(\.location)).sorted(), by: \.location, id: "via-teacher-locations", t
            ),
        ]
    }

    static func mean(_ n: Int, _ sum: Int) -> Double? { n >= SmallCells.threshold ? Double(sum) / Double(n) : nil }
    static func format(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? "<\(SmallCells.threshold)"
    }

    /// A mean of `n` scores as shown: "–" without responses, "<5" for fewer than five, else one decimal.
    static func meanText(_ n: Int, _ sum: Int, visible: Bool = true) -> String {
        n == 0 ? "–" : visible ? format(mean(n, sum)) : "–"
    }

    /// Rows of one protected group with its total row.
    private static func counted(_ labels: [String], _ counts: [Int], total: String, _ t: Localizer) -> [InsightTable
        .Row]
    {
        let protected = SmallCells.protect(counts, withTotal: true)
        var rows = zip(labels, protected.cells).map {
            InsightTable.Row(label: $0, cells: [$1.display], chartValue: $1.value.map(Double.init))
        }
        if let sum = protected.total {
            rows.append(.init(label: total, cells: [sum.display], chartValue: nil, charted: false))
        }
        return rows
    }

    static func satisfaction(_ d: InsightData, _ t: Localizer) -> InsightTable {
        let counts = (1...5).map { d.scores[$0] ?? 0 }
        var rows = counted((1...5).map { t("feedback.score.\($0)") }, counts, total: t("insight.total"), t)
        let sum = (1...5).reduce(0) { $0 + $1 * (d.scores[$1] ?? 0) }
        rows.append(
            .init(label: t("insight.mean"), cells: [meanText(d.responses, sum)], chartValue: nil, charted: false))
        return InsightTable(
            id: "satisfaction", title: t("insight.satisfaction"), description: t("insight.satisfaction_desc"),
            columns: [t("insight.responses")], rows: rows)
    }

    static func trend(_ d: InsightData, _ months: [String], _ t: Localizer) -> InsightTable {
        let protected = SmallCells.protect(months.map { d.monthly[$0]?.n ?? 0 }, withTotal: true)
        let rows = zip(months, protected.cells).map { month, cell in
            let (n, sum) = d.monthly[month] ?? (0, 0)
            return InsightTable.Row(
                label: month, cells: [cell.display, meanText(n, sum, visible: cell.value != nil)],
                chartValue: cell.value == nil ? nil : mean(n, sum))
        }
        return InsightTable(
            id: "trend", title: t("insight.trend"), description: t("insight.trend_desc"),
            columns: [t("insight.responses"), t("insight.mean")], rows: rows, chartMax: 5)
    }

    static func byKind(_ d: InsightData, _ t: Localizer) -> InsightTable {
        let kinds = FeedbackKind.allCases
        let protected = SmallCells.protect(kinds.map { d.byKind[$0.rawValue]?.n ?? 0 }, withTotal: true)
        let rows = zip(kinds, protected.cells).map { kind, cell in
            let (n, sum) = d.byKind[kind.rawValue] ?? (0, 0)
            return InsightTable.Row(
                label: t(kind.labelKey), cells: [cell.display, meanText(n, sum, visible: cell.value != nil)],
                chartValue: cell.value == nil ? nil : mean(n, sum))
        }
        return InsightTable(
            id: "satisfaction-by-kind", title: t("insight.by_kind"), description: t("insight.by_kind_desc"),
            columns: [t("insight.responses"), t("insight.mean")], rows: rows, chartMax: 5)
    }

    static let contactRows: [(key: String, label: String)] = [
        ("consultation/held", "insight.contact.consultation"), ("gathering/registered", "insight.contact.registered"),
        ("gathering/attended", "insight.contact.attended"), ("walk_in/attended", "insight.contact.walk_in"),
        ("question/answered", "insight.contact.question"),
    ]

    static func reach(_ d: InsightData, _ t: Localizer) -> InsightTable {
        InsightTable(
            id: "reach", title: t("insight.reach"), description: t("insight.reach_desc"),
            columns: [t("insight.people")],
            rows: counted(
                contactRows.map { t($0.label) }, contactRows.map { d.contacts[$0.key] ?? 0 }, total: t("insight.total"),
                t))
    }

    static func languages(_ d: InsightData, _ t: Localizer) -> InsightTable {
        let keys = d.languages.keys.sorted { (d.languages[$0]!, $1) > (d.languages[$1]!, $0) }
        return InsightTable(
            id: "languages", title: t("insight.languages"), description: t("insight.languages_desc"),
            columns: [t("insight.people")],
            rows: counted(
                keys.map { t("lang.\($0)") == "lang.\($0)" ? $0 : t("lang.\($0)") }, keys.map { d.languages[$0]! },
                total: t("insight.total"), t))
    }

    static func channels(_ d: InsightData, _ t: Localizer) -> InsightTable {
        let keys = ["direct", "advisor", "teacher", "ambassador", "coordinator", "admin"].filter {
            d.channels[$0] != nil
        }
        return InsightTable(
            id: "channels", title: t("insight.channels"), description: t("insight.channels_desc"),
            columns: [t("insight.people")],
            rows: counted(
                keys.map { t("insight.channel.\($0)") }, keys.map { d.channels[$0]! }, total: t("insight.total"), t))
    }

    /// Most supported wishes against what was offered, per topic. No totals, so each cell stands alone.
    static func demand(_ d: InsightData, _ t: Localizer) -> InsightTable {
        let topics = Topic.allCases.filter {
            d.wishSupport[$0.rawValue] != nil || d.gatheringTopics[$0.rawValue] != nil
        }
        .sorted { (d.wishSupport[$0.rawValue] ?? 0) > (d.wishSupport[$1.rawValue] ?? 0) }
        let wishes = SmallCells.protect(topics.map { d.wishSupport[$0.rawValue] ?? 0 }, withTotal: false).cells
        let held = SmallCells.protect(topics.map { d.gatheringTopics[$0.rawValue] ?? 0 }, withTotal: false).cells
        let rows = topics.indices.map { i in
            InsightTable.Row(
                label: topics[i].label(t), cells: [wishes[i].display, held[i].display],
                chartValue: wishes[i].value.map(Double.init))
        }
        return InsightTable(
            id: "demand", title: t("insight.demand"), description: t("insight.demand_desc"),
            columns: [t("insight.wish_support"), t("insight.gatherings_held")], rows: rows)
    }

    /// The median of a histogram (value → how often); the lower middle value for an even count.
    /// The parents' own words for what they want most — only wishes with at least five supporters.
    static func topWishes(_ d: InsightData, _ t: Localizer) -> InsightTable {
        let rows = d.topWishes.map { wish in
            InsightTable.Row(
                label: WishPages.label(topic: wish.topic, text: wish.text, t),
                cells: [SmallCells.shown(wish.supports)], chartValue: Double(wish.supports))
        }
        return InsightTable(
            id: "top-wishes", title: t("insight.top_wishes"), description: t("insight.top_wishes_desc"),
            columns: [t("insight.wish_support")], rows: rows)
    }

    static func median(_ histogram: [Int: Int]) -> Int? {
        let count = histogram.values.reduce(0, +)
        guard count > 0 else { return nil }
        var seen = 0
        for (value, n) in histogram.sorted(by: { $0.key < $1.key }) {
            seen += n
            if seen * 2 >= count { return value }
        }
        return nil
    }

    static func responseTimes(_ d: InsightData, _ months: [String], _ t: Localizer) -> InsightTable {
        let counts = months.map { d.responseHours[$0]?.values.reduce(0, +) ?? 0 }
        let protected = SmallCells.protect(counts, withTotal: true)
        let rows = zip(months, protected.cells).map { month, cell in
            let hours =
                cell.value.map { $0 >= SmallCells.threshold } == true ? median(d.responseHours[month] ?? [:]) : nil
            return InsightTable.Row(
                label: month, cells: [cell.display, hours.map(String.init) ?? "–"], chartValue: hours.map(Double.init))
        }
        return InsightTable(
            id: "response-times", title: t("insight.response_times"), description: t("insight.response_times_desc"),
            columns: [t("insight.answered"), t("insight.median_hours")], rows: rows)
    }

    /// Contacts with parenting support that came through a teacher — the ticked box on a 10-minute conversation
    /// and look-along requests — per month or per location. Each column is protected on its own (no totals).
    static func viaTeacher(
        _ d: InsightData, rows labels: [String],
        by key: KeyPath<(month: String, location: String, kind: String, n: Int), String>,
        id: String, _ t: Localizer
    ) -> InsightTable {
        // One pass over the referrals (a municipality's three years are thousands of week rows), then a look-up
        // per label: filtering the whole list for every row made the dashboard slow at scale.
        var totals: [String: [String: Int]] = [:]
        for referral in d.referrals {
            totals[referral[keyPath: key], default: [:]][referral.kind, default: 0] += referral.n
        }
        func counts(_ kind: TeacherReferral.Kind) -> [Int] { labels.map { totals[$0]?[kind.rawValue] ?? 0 } }
        let conversations = SmallCells.protect(counts(.conversation), withTotal: false).cells
        let lookAlong = SmallCells.protect(counts(.lookAlong), withTotal: false).cells
        let rows = labels.indices.map { i in
            // The chart shows the sum only when neither part is hidden (a sum would give a hidden part away).
            let sum = conversations[i].value.flatMap { a in lookAlong[i].value.map { Double(a + $0) } }
            return InsightTable.Row(
                label: labels[i], cells: [conversations[i].display, lookAlong[i].display], chartValue: sum)
        }
        return InsightTable(
            id: id, title: t(id == "via-teacher" ? "insight.via_teacher" : "insight.via_teacher_locations"),
            description: t("insight.via_teacher_desc"),
            columns: [t("insight.via_conversations"), t("insight.via_look_along")],
            rows: rows)
    }

    static func noShows(_ d: InsightData, _ t: Localizer) -> InsightTable {
        let counts = [d.contacts["consultation/held"] ?? 0, d.contacts["consultation/no_show"] ?? 0]
        let protected = SmallCells.protect(counts, withTotal: true)
        var rows = counted([t("insight.held"), t("insight.no_show")], counts, total: t("insight.total"), t)
        rows.append(
            .init(
                label: t("insight.no_show_rate"),
                cells: [SmallCells.percent(protected.cells[1], of: protected.cells) ?? "–"], chartValue: nil,
                charted: false))
        return InsightTable(
            id: "no-shows", title: t("insight.no_shows"), description: t("insight.no_shows_desc"),
            columns: [t("insight.people")], rows: rows)
    }
}
