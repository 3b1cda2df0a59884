import Fluent
import Plot
import Vapor

/// The staff start page: the locations this person works with, and what they can do there.
struct StaffController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped("staff").grouped(
            RequireRole(.admin, .coordinator, .advisor, .teacher, .ambassador, .privacyOfficer))
        staff.get(use: dashboard)
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
            Tag("p") { A("/staff/profile") { Txt(t("profile.title")) } }
            if user.role == .admin {
                Tag("ul") {
                    Tag("li") { A("/staff/users") { Txt(t("users.title")) } }
                    Tag("li") { A("/staff/locations/new") { Txt(t("locations.new")) } }
                    Tag("li") { A("/staff/holidays") { Txt(t("holidays.title")) } }
                    Tag("li") { A("/staff/outbox") { Txt(t("outbox.title")) } }
                    Tag("li") { A("/staff/verwerkingsregister") { Txt(t("register.title")) } }
                    Tag("li") { A("/staff/toegangslog") { Txt(t("accesslog.title")) } }
                }.cls("actions")
            }
            if user.role == .privacyOfficer {
                Tag("ul") {
                    Tag("li") { A("/staff/toegangslog") { Txt(t("accesslog.title")) } }
                    Tag("li") { A("/staff/verwerkingsregister") { Txt(t("register.title")) } }
                }.cls("actions")
            }
            if user.role == .ambassador {
                Tag("p") { A("/staff/parent-gatherings") { Txt(t("parentrun.title")) } }
            }
            if [.teacher, .coordinator, .admin].contains(user.role) {
                Tag("p") { A("/staff/gesprekken") { Txt(t("round.title")) } }
            }
            if user.role == .teacher || user.role == .advisor {
                Tag("p") { A("/staff/meekijken") { Txt(t("lookalong.title")) } }
            }
            if Role.locationStaff.contains(user.role) {
                Tag("p") { A("/staff/netwerk") { Txt(t("network.title")) } }
                Tag("p") { A("/staff/trainingen") { Txt(t("training.title")) } }
                Tag("p") { A("/staff/thuis") { Txt(t("theme.staff_title")) } }
                Tag("p") { A("/staff/pictogrammen") { Txt(t("pictograms.title")) } }
            }
            if user.role == .coordinator || user.role == .admin {
                Tag("p") { A("/staff/programmes") { Txt(t("programmes.edit")) } }
            }
            if [.coordinator, .admin, .advisor].contains(user.role) {
                Tag("ul") {
                    Tag("li") { A("/staff/inzicht") { Txt(t("insight.title")) } }
                    Tag("li") { A("/staff/wensen") { Txt(t("wish.desk_title")) } }
                }.cls("actions")
            }
            if user.role == .advisor {
                Tag("ul") {
                    Tag("li") { A("/staff/agenda") { Txt(t("agenda.title")) } }
                    Tag("li") { A("/staff/requests") { Txt(t("parentrun.requests")) } }
                    Tag("li") { A("/staff/vragen") { Txt(t("desk.title")) } }
                    Tag("li") { A("/staff/ondersteuning") { Txt(t("support.title")) } }
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
