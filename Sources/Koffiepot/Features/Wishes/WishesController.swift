import Fluent
import Vapor

/// Parents' topic wishes per location (`/locations/:id/wensen`): propose, support with one tap, and optionally
/// leave a contact to hear when it becomes a gathering. No account; one support per device per wish.
struct WishesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("locations", ":id", "wensen", use: list)
        routes.post("locations", ":id", "wensen", use: propose)
        routes.post("wensen", ":wishID", "support", use: support)
        routes.post("wensen", ":wishID", "contact", use: contact)
    }

    private func service(_ req: Request) -> WishService {
        WishService(db: req.db, settings: req.application.settings, now: req.now)
    }

    private func location(_ req: Request) async throws -> Location {
        guard let location = try await LocationQueries.find(req.parameters.get("id"), on: req.db) else {
            throw Abort(.notFound)
        }
        return location
    }

    static func openWishes(at locationID: UUID, on db: any Database) async throws -> [Wish] {
        try await Wish.query(on: db).filter(\.$location.$id == locationID).filter(\.$status == .open)
            .sort(\.$supports, .descending).sort(\.$week).all()
    }

    func list(req: Request) async throws -> Response {
        let location = try await location(req)
        let wishes = try await Self.openWishes(at: location.requireID(), on: req.db)
        let planned = try await Wish.query(on: req.db).filter(\.$location.$id == location.requireID()).filter(
            \.$status == .planned
        )
        .sort(\.$week, .descending).limit(5).all()
        let supportedHere = req.query[String.self, at: "supported"].flatMap(UUID.init(uuidString:))
        return WishPages.list(
            req.page, location: location, wishes: wishes, planned: planned, supported: supportedHere, form: FormState())
    }

    struct ProposeInput: Content { var topic: String?, text: String?, contact: String? }

    func propose(req: Request) async throws -> Response {
        let location = try await location(req)
        let input = try req.content.decode(ProposeInput.self)
        var form = FormState(
            values: ["topic": input.topic ?? "", "text": input.text ?? "", "contact": input.contact ?? ""])
        let checked: ValidWish
        switch WishRules.validate(topic: input.topic, text: input.text, contact: form["contact"]) {
        case .success(let valid): checked = valid
        case .failure(let errors):
            form.errors = errors.fields
            let wishes = try await Self.openWishes(at: location.requireID(), on: req.db)
            return WishPages.list(
                req.page, location: location, wishes: wishes, planned: [], supported: nil, form: form,
                status: .unprocessableEntity)
        }
        guard try await RateLimiter.allow("wish:\(LocalDate(containing: req.now))", req: req) else {
            throw Abort(.tooManyRequests)
        }
        let device = DeviceCookie.id(req)
        let id = try await service(req).propose(
            locationID: location.requireID(), topic: checked.topic, text: checked.text,
            deviceKey: DeviceCookie.key(device, secret: req.application.settings.secret ?? ""),
            contact: checked.contact, language: req.language)
        let response = req.redirect(
            to: Paths.location(location.id!, "/wensen?done=wish.proposed#wish-\(id.uuidString)"),
            redirectType: .normal)
        DeviceCookie.set(device, on: response, req)
        return response
    }

    func support(req: Request) async throws -> Response {
        guard let wishID = req.parameters.get("wishID").flatMap(UUID.init(uuidString:)),
            let wish = try await Wish.find(wishID, on: req.db)
        else { throw Abort(.notFound) }
        guard try await RateLimiter.allow("wish-support:\(LocalDate(containing: req.now))", req: req) else {
            throw Abort(.tooManyRequests)
        }
        let device = DeviceCookie.id(req)
        let outcome = try await service(req).support(
            wishID, deviceKey: DeviceCookie.key(device, secret: req.application.settings.secret ?? ""),
            language: req.language)
        let done: String
        switch outcome {
        case .success: done = "wish.supported"
        case .failure(.alreadySupported): done = "wish.already"
        case .failure: throw Abort(.notFound)
        }
        let response = req.redirect(
            to:
                Paths.location(
                    wish.$location.id, "/wensen?done=\(done)&supported=\(wishID.uuidString)#wish-\(wishID.uuidString)"),
            redirectType: .normal)
        DeviceCookie.set(device, on: response, req)
        return response
    }

    struct ContactInput: Content { var later: String? }

    func contact(req: Request) async throws -> Response {
        guard let wishID = req.parameters.get("wishID").flatMap(UUID.init(uuidString:)),
            let wish = try await Wish.find(wishID, on: req.db),
            let contact = TextRules.contact(try req.content.decode(ContactInput.self).later ?? ""), contact.value != nil
        else { throw Abort(.badRequest) }
        let saved = try await service(req).leaveContact(
            wishID, deviceKey: DeviceCookie.key(DeviceCookie.id(req), secret: req.application.settings.secret ?? ""),
            contact: contact)
        return req.redirect(
            to:
                Paths.location(
                    wish.$location.id, "/wensen?done=\(saved ? "wish.contact_saved" : "wish.contact_missing")"),
            redirectType: .normal)
    }
}
