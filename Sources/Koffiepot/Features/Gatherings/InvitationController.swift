import Fluent
import Vapor

/// Personal invitations: an advisor, a teacher, an ambassador parent or an admin makes a short link or a
/// printed QR card for a gathering. Teachers and ambassadors see only the invitations and how many came
/// through each — not who registered.
struct InvitationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("i", ":token", use: follow)
        let staff = routes.grouped(RequireRole(.advisor, .teacher, .ambassador, .admin))
        staff.get(Paths.Staff.route(.gatherings, ":gatheringID", "invitations"), use: list)
        staff.post(Paths.Staff.route(.gatherings, ":gatheringID", "invitations"), use: create)
        staff.get(Paths.Staff.route(.invitations, ":invitationID", "card"), use: card)
    }

    /// Teachers, ambassadors and admins invite to any gathering; advisors to those at their own locations.
    private func gathering(_ id: String?, _ req: Request) async throws -> Gathering {
        guard let gathering = try await GatheringQueries.find(id, on: req.db) else { throw Abort(.notFound) }
        if req.staff?.user.role == .advisor, try await !req.staffScope.mayManage(gathering.$location.id) {
            throw Abort(.forbidden)
        }
        return gathering
    }

    func follow(req: Request) async throws -> Response {
        guard let token = req.parameters.get("token")?.lowercased(), token.count <= 20,
            let invitation = try await Invitation.query(on: req.db).filter(\.$token == token).first()
        else { throw Abort(.notFound) }
        return req.redirect(
            to: Paths.gathering(invitation.$gathering.id) + "?via=\(invitation.token)", redirectType: .normal)
    }

    func list(req: Request) async throws -> Response {
        let gathering = try await gathering(req.parameters.get("gatheringID"), req)
        let invitations = try await Invitation.query(on: req.db).filter(\.$gathering.$id == gathering.requireID()).sort(
            \.$createdAt
        ).all()
        var counts: [UUID: Int] = [:]
        for invitation in invitations {
            counts[invitation.id!] = try await Registration.query(on: req.db).filter(
                \.$invitation.$id == invitation.requireID()
            )
            .filter(\.$status != .cancelled).count()
        }
        return InvitationPages.list(
            req.page, gathering: gathering, invitations: invitations, counts: counts,
            publicURL: req.application.settings.publicURL)
    }

    struct Input: Content { var label: String? }

    func create(req: Request) async throws -> Response {
        let gathering = try await gathering(req.parameters.get("gatheringID"), req)
        let label = TextRules.singleLine(try req.content.decode(Input.self).label ?? "")
        guard label.count <= 80, TextRules.isSafe(label), let me = req.staff?.user else { throw Abort(.badRequest) }
        let invitation = Invitation()
        invitation.$gathering.id = try gathering.requireID()
        invitation.token = Invitation.newToken()
        invitation.label = label
        invitation.createdBy = try me.requireID()
        invitation.createdAt = req.now
        try await invitation.create(on: req.db)
        return req.redirect(to: Paths.Staff.gathering(gathering.id!, "/invitations"), redirectType: .normal)
    }

    func card(req: Request) async throws -> Response {
        guard let id = req.parameters.get("invitationID").flatMap(UUID.init(uuidString:)),
            let invitation = try await Invitation.find(id, on: req.db)
        else { throw Abort(.notFound) }
        let gathering = try await gathering(invitation.$gathering.id.uuidString, req)
        return InvitationPages.card(
            req.page, gathering: gathering, invitation: invitation, publicURL: req.application.settings.publicURL)
    }
}
