import Fluent
import Vapor

/// The insight dashboard (`/staff/inzicht`) and its CSV (`/staff/inzicht.csv`). Coordinators and admins see the
/// municipality; advisors their own locations. Every read is access-logged.
struct InsightController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped(RequireRole(.advisor, .coordinator, .admin))
        staff.get(Paths.Staff.route(.insight), use: dashboard)
        staff.get(Paths.Staff.route(.insightCSV), use: csv)
    }

    struct Scope {
        let filter: InsightFilter
        let locations: [Location]
        /// nil = the whole municipality.
        let ids: [UUID]?

        /// The locations the figures cover.
        var inView: [Location] { locations.filter { ids?.contains($0.id!) ?? true } }
    }

    private func scope(_ req: Request) async throws -> Scope {
        let scope = try req.staffScope
        let filter = InsightFilter(query: req.page.query, today: LocalDate(containing: req.now))
        let visible = try await scope.locations()
        // An advisor's figures are her own locations'; everyone else here sees the whole municipality.
        var ids: [UUID]? = scope.user.role == .advisor ? visible.compactMap(\.id) : nil
        if let neighbourhood = filter.neighbourhood {
            ids = visible.filter { $0.neighbourhood == neighbourhood }.map { $0.id! }
        }
        if let id = filter.locationID { ids = (ids ?? visible.map { $0.id! }).filter { $0 == id } }
        return Scope(filter: filter, locations: visible, ids: ids)
    }

    /// The protected tables and the free text of one scope: what the page and the CSV both show. The reads are
    /// independent and run side by side; the access-log entry is written beside them.
    private func report(_ req: Request, _ scope: Scope) async throws -> (tables: [InsightTable], texts: [String]?) {
        async let reach = reach(req, scope)  // its own school year: read beside the period's figures
        async let home = homeThemes(req, scope)
        async let logged: Void = AccessLog.record("insight", on: req)
        let data = try await InsightQueries.load(
            scope.filter, locations: scope.ids, now: req.now, on: req.db, beside: req.besideDB)
        try await logged
        return (
            InsightReport.tables(data, months: scope.filter.months, t: req.t) + [try await home]
                + ReachReport.tables(try await reach, t: req.t), data.texts
        )
    }

    /// Home themes of the last year in this scope: families that did an activity.
    private func homeThemes(_ req: Request, _ scope: Scope) async throws -> InsightTable {
        let themes = HomeThemeService(db: req.db, now: req.now)
        let recent = try await themes.themes(
            at: scope.inView.compactMap(\.id), since: LocalDate(containing: req.now).adding(days: -365))
        return HomeThemeInsight.table(recent, families: try await themes.families(of: recent), t: req.t)
    }

    /// The reach figures of the school year of the period's last month, for the locations in view.
    private func reach(_ req: Request, _ scope: Scope) async throws -> ReachReport.Figures {
        let year = scope.filter.schoolYear
        let locations = scope.inView
        let ids = locations.compactMap(\.id)
        let (contacts, firsts) = try await InsightQueries.reach(in: year, at: ids, on: req.db)
        return ReachReport.Figures(
            year: year, locations: locations,
            families: try await SchoolFamiliesStore.figures(at: ids, in: year, on: req.db), contacts: contacts,
            firstContacts: firsts)
    }

    func dashboard(req: Request) async throws -> Response {
        let scope = try await scope(req)
        // Who met whom at joint trainings: for the coordinator's view of the network (names never shown, only counts).
        async let matrix =
            req.staff?.user.role == .advisor
            ? nil : TrainingService(db: req.db, now: req.now).matrix(for: scope.inView)
        let report = try await report(req, scope)
        let meetings = try await matrix
        return InsightPages.dashboard(
            req.page, scope: scope, tables: report.tables, texts: report.texts, meetings: meetings)
    }

    func csv(req: Request) async throws -> Response {
        let scope = try await scope(req)
        var rows: [[String]] = [
            [
                req.t("insight.csv.section"), req.t("insight.csv.row"), req.t("insight.csv.column"),
                req.t("insight.csv.value"),
            ]
        ]
        let report = try await report(req, scope)
        for table in report.tables {
            for row in table.rows {
                for (column, value) in zip(table.columns, row.cells) {
                    rows.append([table.title, row.label, column, value])
                }
            }
            for note in table.notes { rows.append([table.title, "", "", note]) }
        }
        // Free text only for a group of five or more, exactly as on the page.
        for text in report.texts ?? [] {
            rows.append([req.t("insight.texts"), "", "", text])
        }
        return CSVExport.response(rows, filename: "koffiepot-inzicht-\(scope.filter.from)-\(scope.filter.to).csv")
    }
}
