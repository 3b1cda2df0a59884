import Foundation

/// Insight on *VVE Thuis*: per location and theme, how many families (devices) did at least one activity.
/// Counts under five are shown as "<5", like every other figure on the dashboard.
enum HomeThemeInsight {
    static func table(_ themes: [HomeTheme], families: [UUID: Int], t: Localizer) -> InsightTable {
        let counts = themes.map { families[$0.id!] ?? 0 }
        let cells = SmallCells.protect(counts, withTotal: false).cells
        let rows = zip(themes, cells).map { theme, cell in
            InsightTable.Row(
                label: "\(theme.location.name) · \(theme.title) (\(theme.firstDay))", cells: [cell.display],
                chartValue: cell.value.map(Double.init))
        }
        return InsightTable(
            id: "home-themes", title: t("theme.insight_title"), description: t("theme.insight_description"),
            columns: [t("theme.insight_column")], rows: rows)
    }
}
