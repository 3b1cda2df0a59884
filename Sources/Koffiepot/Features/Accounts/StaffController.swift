import Fluent
import Plot
import Vapor

/// The staff start page: the locations this person works with, and what they can do there.
struct StaffController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped(
            RequireRole(.admin, .coordinator, .advisor, .teacher, .ambassador, .privacyOfficer))
        staff.get(Paths.Staff.homeRoute, use: dashboard)
    }

    func dashboard(req: Request) async throws -> Response {
        let user = try req.requireStaffUser()
        let locations = try await StaffScope(user, on: req.db).locations()
        return StaffPages.dashboard(req.page, user: user, locations: locations)
    }
}

enum StaffPages {
    static func dashboard(_ ctx: PageContext, user: StaffUser, locations: [Location]) -> Response {
        let t = ctx.t
        let canManagePresence = user.role == .admin || user.role == .advisor
        return PageLayout.render(ctx, title: t("staff.title")) {
            Tag("h1") { Txt(t("staff.hello", ["name": user.name])) }
            Tag("p") { Txt(t("role.\(user.role.rawValue)")) }.cls("eyebrow")
            Tag("p") { A(Paths.Staff.page(.profile)) { Txt(t("profile.title")) } }
            if user.role == .admin {
                Tag("ul") {
                    Tag("li") { A(Paths.Staff.page(.users)) { Txt(t("users.title")) } }
                    Tag("li") { A(Paths.Staff.page(.locations, "/new")) { Txt(t("locations.new")) } }
                    Tag("li") { A(Paths.Staff.page(.holidays)) { Txt(t("holidays.title")) } }
                    Tag("li") { A(Paths.Staff.page(.outbox)) { Txt(t("outbox.title")) } }
                    Tag("li") { A(Paths.Staff.page(.register)) { Txt(t("register.title")) } }
                    Tag("li") { A(Paths.Staff.page(.accessLog)) { Txt(t("accesslog.title")) } }
                }.cls("actions")
            }
            if user.role == .privacyOfficer {
                Tag("ul") {
                    Tag("li") { A(Paths.Staff.page(.accessLog)) { Txt(t("accesslog.title")) } }
                    Tag("li") { A(Paths.Staff.page(.register)) { Txt(t("register.title")) } }
                }.cls("actions")
            }
            if user.role == .ambassador {
                Tag("p") { A(Paths.Staff.page(.parentGatherings)) { Txt(t("parentrun.title")) } }
            }
            if [.teacher, .coordinator, .admin].contains(user.role) {
                Tag("p") { A(Paths.Staff.page(.rounds)) { Txt(t("round.title")) } }
            }
            if user.role == .teacher || user.role == .advisor {
                Tag("p") { A(Paths.Staff.page(.lookAlong)) { Txt(t("lookalong.title")) } }
            }
            if Role.locationStaff.contains(user.role) {
                Tag("p") { A(Paths.Staff.page(.network)) { Txt(t("network.title")) } }
                Tag("p") { A(Paths.Staff.page(.trainings)) { Txt(t("training.title")) } }
                Tag("p") { A(Paths.Staff.page(.homeThemes)) { Txt(t("theme.staff_title")) } }
                Tag("p") { A(Paths.Staff.page(.pictograms)) { Txt(t("pictograms.title")) } }
            }
            if user.role == .coordinator || user.role == .admin {
                Tag("p") { A(Paths.Staff.page(.programmes)) { Txt(t("programmes.edit")) } }
            }
            if [.coordinator, .admin, .advisor].contains(user.role) {
                Tag("ul") {
                    Tag("li") { A(Paths.Staff.page(.insight)) { Txt(t("insight.title")) } }
                    Tag("li") { A(Paths.Staff.page(.wishes)) { Txt(t("wish.desk_title")) } }
                }.cls("actions")
            }
            if user.role == .advisor {
                Tag("ul") {
                    Tag("li") { A(Paths.Staff.page(.agenda)) { Txt(t("agenda.title")) } }
                    Tag("li") { A(Paths.Staff.page(.parentRequests)) { Txt(t("parentrun.requests")) } }
                    Tag("li") { A(Paths.Staff.page(.questions)) { Txt(t("desk.title")) } }
                    Tag("li") { A(Paths.Staff.page(.support)) { Txt(t("support.title")) } }
                }.cls("actions")
            }
            Tag("h2") { Txt(t("staff.locations")) }
            Tag("ul") {
                for location in locations {
                    Tag("li") {
                        A(Paths.location(location.id!)) { Txt(location.name) }
                        if canManagePresence {
                            Txt(" · ")
                            A(Paths.Staff.location(location.id!, "/presence")) {
                                Txt(t("staff.manage_presence"))
                            }
                        }
                        if user.role == .advisor {
                            Txt(" · ")
                            A(Paths.Staff.location(location.id!, "/slots")) { Txt(t("slotadmin.link")) }
                        }
                        if Role.locationStaff.contains(user.role) {
                            Txt(" · ")
                            A(Paths.Staff.location(location.id!, "/nieuwsbrief")) {
                                Txt(t("snippet.link"))
                            }
                            Txt(" · ")
                            A(Paths.Staff.location(location.id!, "/posters/location")) {
                                Txt(t("poster.link"))
                            }
                        }
                        if canManagePresence {
                            Txt(" · ")
                            A(Paths.Staff.location(location.id!, "/gatherings")) { Txt(t("gadmin.link")) }
                            Txt(" · ")
                            A(Paths.Staff.location(location.id!, "/poster")) {
                                Txt(t("feedback.poster_link"))
                            }
                        }
                        Txt(" · ")
                        A(Paths.location(location.id!, "/card")) { Txt(t("card.link")) }
                        if user.role == .admin {
                            Txt(" · ")
                            A(Paths.Staff.location(location.id!, "/edit")) { Txt(t("locations.edit")) }
                        }
                    }
                }
            }.cls("admin-list")
        }
    }
}
