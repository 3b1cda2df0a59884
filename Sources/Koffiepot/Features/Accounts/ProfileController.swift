import Fluent
import Plot
import Vapor

/// The staff member's own page. Everyone keeps her personal API tokens here; an advisor also edits the
/// face parents see: intro and topics.
struct ProfileController: RouteCollection {
    static let maxIntro = 600

    func boot(routes: any RoutesBuilder) throws {
        let profile = routes.grouped(Paths.Staff.route(.profile)).grouped(
            RequireRole(.admin, .coordinator, .advisor, .teacher, .ambassador, .privacyOfficer))
        profile.get(use: show)
        profile.grouped(RequireRole(.advisor)).post(use: save)
        profile.post("tokens", use: createToken)
        profile.post("tokens", ":tokenID", "revoke", use: revokeToken)
    }

    func show(req: Request) async throws -> Response {
        let user = try req.requireStaffUser()
        return try await page(req, user: user, form: FormState(values: ["intro": user.intro]), topics: Set(user.topics))
    }

    private func page(
        _ req: Request, user: StaffUser, form: FormState, topics: Set<Topic>, tokenForm: FormState = FormState(),
        newToken: String? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt)
            .all()
        return ProfilePages.edit(
            req.page, user: user, form: form, topics: topics,
            tokens: .init(tokens: tokens, form: tokenForm, newToken: newToken), status: status)
    }

    struct Input: Content { var intro: String?, topics: [String]? }

    func save(req: Request) async throws -> Response {
        let user = try req.requireStaffUser()
        let input = try req.content.decode(Input.self)
        let intro = (input.intro ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let topics = (input.topics ?? []).compactMap(Topic.init(rawValue:))
        var form = FormState(values: ["intro": intro])
        form.errors["intro"] = TextRules.problem(inOptional: intro, maxLength: Self.maxIntro)
        guard form.isValid else {
            return try await page(req, user: user, form: form, topics: Set(topics), status: .unprocessableEntity)
        }
        user.intro = intro
        user.topicKeys = topics.map(\.rawValue).joined(separator: ",")
        try await user.save(on: req.db)
        return req.redirect(to: Paths.Staff.page(.profile, done: "profile.saved"), redirectType: .normal)
    }

    struct TokenInput: Content { var name: String? }

    /// Answers with the page itself, not a redirect: the new token is shown this once and never put in a URL.
    func createToken(req: Request) async throws -> Response {
        let user = try req.requireStaffUser()
        let name = TextRules.singleLine(try req.content.decode(TokenInput.self).name ?? "")
        var tokenForm = FormState(values: ["name": name])
        let profile = FormState(values: ["intro": user.intro])
        if let problem = APIToken.problem(inName: name) {
            tokenForm.errors["name"] = problem
            return try await page(
                req, user: user, form: profile, topics: Set(user.topics), tokenForm: tokenForm,
                status: .unprocessableEntity)
        }
        let (_, plain) = try await APIToken.issue(
            to: user.requireID(), name: name, secret: req.application.settings.secret ?? "",
            now: req.now, on: req.db)
        let response = try await page(
            req, user: user, form: profile, topics: Set(user.topics), newToken: plain, status: .created)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Only one's own tokens: another person's token is "not found", like one that never existed.
    func revokeToken(req: Request) async throws -> Response {
        let user = try req.requireStaffUser()
        guard let id = req.parameters.get("tokenID").flatMap(UUID.init(uuidString:)),
            let token = try await APIToken.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == user.requireID())
                .first()
        else { throw Abort(.notFound) }
        try await token.delete(on: req.db)
        return req.redirect(
            to: Paths.Staff.page(.profile, done: "tokens.revoked", fragment: "tokens"), redirectType: .normal)
    }
}
