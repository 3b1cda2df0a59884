import Fluent
import Plot
import Vapor

/// The register of processing (*verwerkingsregister*, issue 14 pt 2, first part): generated from `DataInventory`,
/// the same list a test compares with the live schema, so the register cannot drift from what the code stores.
/// Admins and the privacy officer read it.
struct ProcessingRegisterController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(Paths.Staff.route(.register)).grouped(RequireRole(.admin, .privacyOfficer)).get(use: register)
    }

    func register(req: Request) async throws -> Response {
        let t = req.t
        let personal = DataInventory.columns.filter { $0.personal != nil }
        let byTable = Dictionary(grouping: personal, by: \.table).sorted { $0.key < $1.key }
        let tables = Set(DataInventory.columns.map(\.table)).count
        try await AccessLog.record("processing_register", on: req)
        let interval = req.application.settings.purgeIntervalSeconds
        let lastRun = try await JobRun.query(on: req.db).filter(\.$job == "retention").sort(\.$ranAt, .descending)
            .first()?.ranAt
        return PageLayout.render(req.page, title: t("register.title")) {
            Tag("h1") { Txt(t("register.title")) }
            Tag("p") { Txt(t("register.intro", ["tables": "\(tables)", "personal": "\(personal.count)"])) }.cls("lead")
            Tag("div") {
                Tag("table") {
                    Tag("caption") { Txt(t("register.caption")) }
                    Tag("thead") {
                        Tag("tr") {
                            for key in ["register.where", "register.purpose", "register.who", "register.kept"] {
                                Tag("th") { Txt(t(key)) }.attr("scope", "col")
                            }
                        }
                    }
                    Tag("tbody") {
                        for (table, columns) in byTable {
                            for column in columns {
                                Tag("tr") {
                                    Tag("th") { Tag("code") { Txt("\(table).\(column.column)") } }.attr("scope", "row")
                                    // Written in English in the code, next to the column it describes.
                                    Tag("td") { Txt(column.personal!.purpose) }.attr("lang", "en")
                                    Tag("td") {
                                        Txt(
                                            column.personal!.roles.map { t("role.\($0.rawValue)") }.joined(
                                                separator: ", "))
                                    }
                                    Tag("td") { Txt(column.personal!.retention) }.attr("lang", "en")
                                }
                            }
                        }
                    }
                }.cls("data")
            }.cls("table-scroll").attr("tabindex", "0").attr("role", "region").attr("aria-label", t("register.title"))
            Tag("h2") { Txt(t("register.purge")) }
            Tag("p") {
                Txt(
                    t(
                        "register.purge_every",
                        [
                            "minutes": "\(interval / 60)",
                            "next": t.moment(PurgeRunner.nextRun(after: req.now, interval: interval)),
                        ]))
                Txt(
                    " "
                        + (lastRun.map { t("register.purge_last", ["when": t.moment($0)]) } ?? t("register.purge_never"))
                )
            }
            Tag("ul") { for job in RetentionJobs.all { Tag("li") { Tag("code") { Txt(job.name) } } } }.cls("admin-list")
        }
    }
}
