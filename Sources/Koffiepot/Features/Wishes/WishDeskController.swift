import Fluent
import Plot
import Vapor

/// Wishes for staff (`/staff/wensen`): by support, merge duplicates, turn one into a gathering.
/// Advisors see the locations they are the fixed advisor of; coordinators and admins see all.
struct WishDeskController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let desk = routes.grouped(Paths.Staff.route(.wishes)).grouped(RequireRole(.advisor, .coordinator, .admin))
        desk.get(use: list)
        desk.post(":wishID", "merge", use: merge)
    }

    private func locations(_ req: Request) async throws -> [Location] {
        try await req.staffScope.locations()
    }

    func list(req: Request) async throws -> Response {
        var groups: [(Location, [Wish])] = []
        for location in try await locations(req) {
            let wishes = try await WishesController.openWishes(at: location.requireID(), on: req.db)
            if !wishes.isEmpty { groups.append((location, wishes)) }
        }
        return WishDeskPages.list(req.page, groups: groups, mayPlan: req.staff?.user.role != .coordinator)
    }

    struct MergeInput: Content { var into: String? }

    func merge(req: Request) async throws -> Response {
        let allowed = try await locations(req).compactMap(\.id)
        guard let sourceID = req.parameters.get("wishID").flatMap(UUID.init(uuidString:)),
            let targetID = try req.content.decode(MergeInput.self).into.flatMap(UUID.init(uuidString:)),
            let source = try await Wish.find(sourceID, on: req.db),
            let target = try await Wish.find(targetID, on: req.db),
            allowed.contains(source.$location.id)
        else { throw Abort(.notFound) }
        switch try await WishService(db: req.db, settings: req.application.settings, now: req.now).merge(
            source, into: target)
        {
        case .success: return req.redirect(to: Paths.Staff.page(.wishes, done: "wish.merged"), redirectType: .normal)
        case .failure: throw Abort(.badRequest)
        }
    }
}

enum WishDeskPages {
    static func list(_ ctx: PageContext, groups: [(Location, [Wish])], mayPlan: Bool) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("wish.desk_title")) {
            Tag("h1") { Txt(t("wish.desk_title")) }
            Confirmation(ctx, allowed: ["wish.merged"])
            if groups.isEmpty { Tag("p") { Txt(t("wish.none")) } }
            for (location, wishes) in groups {
                Tag("h2") { Txt(location.name) }
                Tag("ul") {
                    for wish in wishes {
                        Tag("li") {
                            Tag("p") {
                                Txt(WishPages.label(wish, t));
                                Txt(" · " + t("wish.supporters", ["count": wish.supportsShown]))
                            }.attr("dir", "auto")
                            if mayPlan {
                                Tag("p") {
                                    A(
                                        Paths.Staff.location(location.id!, "/gatherings?wish=\(wish.id!.uuidString)")
                                    ) { Txt(t("wish.make_gathering")) }
                                }
                            }
                            let others = wishes.filter { $0.id != wish.id }
                            if !others.isEmpty {
                                Tag("form") {
                                    CSRFField(ctx)
                                    Tag("label") { Txt(t("wish.merge_into")) }.attr(
                                        "for", "into-\(wish.id!.uuidString)")
                                    Tag("select") {
                                        for other in others {
                                            Tag("option") { Txt(WishPages.label(other, t)) }.attr(
                                                "value", other.id!.uuidString)
                                        }
                                    }.attr("id", "into-\(wish.id!.uuidString)").attr("name", "into")
                                    Tag("button") { Txt(t("wish.merge")) }.attr("type", "submit")
                                }.attr("method", "post").attr("action", Paths.Staff.wish(wish.id!, "/merge"))
                                    .cls("inline merge")
                            }
                        }
                    }
                }.cls("admin-list")
            }
        }
    }
}
