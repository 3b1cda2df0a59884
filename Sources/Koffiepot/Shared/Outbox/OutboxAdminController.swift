import Fluent
import Plot
import Vapor

/// Admins see how the outbox is doing and the messages that could not be delivered (dead letters).
struct OutboxAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let outbox = routes.grouped(Paths.Staff.route(.outbox)).grouped(RequireRole(.admin))
        outbox.get(use: show)
        outbox.post(":messageID", "retry", use: retry)
    }

    func show(req: Request) async throws -> Response {
        var counts: [OutboxStatus: Int] = [:]
        for status in [OutboxStatus.pending, .sending, .sent, .dead] {
            counts[status] = try await OutboxMessage.query(on: req.db).filter(\.$status == status).count()
        }
        let dead = try await OutboxMessage.query(on: req.db).filter(\.$status == .dead).sort(\.$createdAt, .descending)
            .limit(100).all()
        try await AccessLog.record("outbox.dead_letters", on: req)
        return OutboxPages.page(req.page, counts: counts, dead: dead)
    }

    func retry(req: Request) async throws -> Response {
        guard let id = req.parameters.get("messageID").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        try await OutboxMessage.query(on: req.db).filter(\.$id == id).filter(\.$status == .dead)
            .set(\.$status, to: .pending).set(\.$attempts, to: 0).set(\.$notBefore, to: req.now).update()
        return req.redirect(to: Paths.Staff.page(.outbox), redirectType: .normal)
    }
}

enum OutboxPages {
    /// Recipients are masked: an admin needs to see that delivery fails, not to whom.
    static func mask(_ recipient: String) -> String {
        guard recipient.count > 4 else { return "•••" }
        return String(recipient.prefix(2)) + "•••" + String(recipient.suffix(2))
    }

    static func page(_ ctx: PageContext, counts: [OutboxStatus: Int], dead: [OutboxMessage]) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("outbox.title")) {
            Tag("h1") { Txt(t("outbox.title")) }
            Tag("ul") {
                for status in [OutboxStatus.pending, .sending, .sent, .dead] {
                    Tag("li") { Txt("\(t("outbox.\(status.rawValue)")): \(counts[status] ?? 0)") }
                }
            }.cls("admin-list")
            Tag("h2") { Txt(t("outbox.dead_title")) }
            if dead.isEmpty { Tag("p") { Txt(t("outbox.no_dead")) } }
            Tag("ul") {
                for message in dead {
                    Tag("li") {
                        Txt(
                            "\(message.channel.rawValue) · \(message.template) · \(mask(message.recipient)) · \(message.attempts)× · \(message.lastError)"
                        )
                        InlineAction(
                            ctx, action: Paths.Staff.outboxMessage(message.id!, "/retry"), label: t("outbox.retry"))
                    }
                }
            }.cls("admin-list")
        }
    }
}
