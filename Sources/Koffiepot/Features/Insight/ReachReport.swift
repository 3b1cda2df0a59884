import Foundation

/// "Whom do we not reach yet": the contacts per conversation language of one school year set against the
/// families the schools entered, for all schools in view together, with the largest gap said in words per
/// neighbourhood and per school — and first contacts against each school's families.
enum ReachReport {
    struct Figures: Sendable {
        let year: SchoolYear
        /// The locations in view; only those with families entered take part.
        let locations: [Location]
        let families: [UUID: SchoolFamilies]
        let contacts: [UUID: [String: Int]]
        let firstContacts: [UUID: Int]
    }

    static let languages = BookingRules.conversationLanguages

    static func tables(_ f: Figures, t: Localizer) -> [InsightTable] {
        let counted = f.locations.filter { f.families[$0.id!] != nil }
        func part(_ location: Location) -> ReachRules.Part {
            .init(school: f.families[location.id!]!, contacts: f.contacts[location.id!] ?? [:])
        }
        let all = ReachRules.compare(counted.map(part), languages: languages)
        var notes: [String] = []
        if counted.isEmpty {
            notes.append(t("insight.gap.none", ["year": t.leftToRight(f.year.description)]))
        } else {
            if counted.count > 1 { notes.append(sentence(t("insight.gap.all"), all, t)) }
            let neighbourhoods = Dictionary(grouping: counted, by: \.neighbourhood)
            for (name, group) in neighbourhoods.sorted(by: { $0.key < $1.key })
            where group.count > 1 && group.count < counted.count {
                notes.append(sentence(name, ReachRules.compare(group.map(part), languages: languages), t))
            }
            for location in counted {
                notes.append(sentence(location.name, ReachRules.compare([part(location)], languages: languages), t))
            }
        }
        return [languagesTable(all, year: f.year, notes: notes, t), newFamilies(f, counted, t)]
    }

    private static func percent(_ value: Int?) -> String { value.map { "\($0)%" } ?? "–" }

    private static func languagesTable(
        _ comparison: ReachRules.Comparison, year: SchoolYear, notes: [String], _ t: Localizer
    ) -> InsightTable {
        var rows = comparison.rows.map { row in
            let school = row.schoolShare.map { "\($0)%" } ?? t("insight.gap.few_families")
            return InsightTable.Row(
                label: t("lang.\(row.language)"),
                cells: [school, row.contacts.display, percent(row.contactShare)],
                chartValue: row.contactShare.map(Double.init),
                reference: row.schoolShare.map(Double.init),
                chartText: row.contactShare.map { "\($0)%" } ?? row.contacts.display,
                chartLabel: t("insight.gap.chart_label", ["language": t("lang.\(row.language)"), "school": school]))
        }
        if !comparison.rows.isEmpty {
            rows.append(
                .init(
                    label: t("insight.total"),
                    cells: [
                        t("insight.gap.families_n", ["n": "\(comparison.families)"]), comparison.total.display,
                        comparison.total.value == nil ? "–" : "100%",
                    ], chartValue: nil, charted: false))
        }
        return InsightTable(
            id: "gap", title: t("insight.gap"),
            description: t("insight.gap_desc", ["year": t.leftToRight(year.description)]),
            columns: [t("insight.gap.school_share"), t("insight.gap.contacts"), t("insight.gap.contact_share")],
            rows: rows, notes: notes)
    }

    /// The largest gap in one place, in words; or that there is none worth naming, or too little to say.
    static func sentence(_ place: String, _ comparison: ReachRules.Comparison, _ t: Localizer) -> String {
        guard comparison.total.value != nil else { return t("insight.gap.too_few", ["place": place]) }
        guard let row = comparison.largestGap, let school = row.schoolShare else {
            return t("insight.gap.no_gap", ["place": place])
        }
        let values = ["place": place, "language": t("lang.\(row.language)"), "school": "\(school)"]
        if let contacts = row.contactShare {
            return t("insight.gap.gap", values.merging(["contacts": "\(contacts)"]) { a, _ in a })
        }
        return t("insight.gap.gap_few", values)
    }

    private static func newFamilies(_ f: Figures, _ counted: [Location], _ t: Localizer) -> InsightTable {
        let rows = counted.map { location in
            let families = f.families[location.id!]!.families
            let (cell, share) = ReachRules.newFamilies(
                firstContacts: f.firstContacts[location.id!] ?? 0, families: families)
            return InsightTable.Row(
                label: location.name, cells: ["\(families)", cell.display, percent(share)],
                chartValue: share.map(Double.init))
        }
        return InsightTable(
            id: "new-families", title: t("insight.gap_new"),
            description: t("insight.gap_new_desc", ["year": t.leftToRight(f.year.description)]),
            columns: [t("insight.gap.families"), t("insight.gap.first_contacts"), t("insight.gap.first_share")],
            rows: rows)
    }
}
