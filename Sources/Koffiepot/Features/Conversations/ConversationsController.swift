import Fluent
import Vapor

/// The parent's side of the *tienminutengesprekken*: the round's page behind the teacher's link, and the
/// code page where she sees, moves and cancels her conversations and takes back a support request.
struct ConversationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let round = routes.grouped("gesprekken", ":roundID")
        round.get(use: roundPage)
        round.post(use: book)
        let mine = routes.grouped("g", ":token")
        mine.get(use: show)
        mine.post("cancel", use: cancel)
        mine.get("move", use: moveForm)
        mine.post("move", use: move)
        mine.post("withdraw", use: withdraw)
    }

    private func service(_ req: Request) -> ConversationService {
        ConversationService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
    }

    private func round(_ req: Request) async throws -> ConversationRound {
        guard let id = req.parameters.get("roundID").flatMap(UUID.init(uuidString:)),
            let round = try await ConversationRound.query(on: req.db).filter(\.$id == id).with(\.$location).first()
        else { throw Abort(.notFound) }
        return round
    }

    /// A parent who already booked for another child arrives with `?met=<her link>`: her code is carried in the
    /// form and the times next to her other conversations come first.
    private func sibling(_ req: Request, token: String?) async throws -> (token: String, booked: [ConversationBooking])?
    {
        guard let token, let held = try await service(req).find(.link(token)) else { return nil }
        return (token, try await service(req).holdings(of: held.record).bookings)
    }

    func roundPage(req: Request) async throws -> Response {
        let round = try await round(req)
        let sibling = try await sibling(req, token: req.query[String.self, at: "met"])
        return try await render(
            req, round: round, sibling: sibling, form: FormState(values: ["language": req.language.rawValue]))
    }

    private func render(
        _ req: Request, round: ConversationRound, sibling: (token: String, booked: [ConversationBooking])?,
        form: FormState,
        status: HTTPStatus = .ok, message: String? = nil
    ) async throws -> Response {
        var free = try await service(req).slots(of: round.requireID()).filter(\.free).map(\.slot)
        if let sibling {
            free = ConversationRules.backToBackFirst(
                free, around: sibling.booked.map { ($0.slot.startsAt, $0.slot.endsAt) },
                start: \.startsAt, end: \.endsAt)
        }
        return ConversationPages.round(
            req.page, round: round, free: free, siblingToken: sibling?.token, form: form, status: status,
            message: message)
    }

    struct BookInput: Content {
        var slot: String?, parentName: String?, childName: String?, contact: String?, language: String?
        var support: String?, topics: [String]?, supportNote: String?, supportContact: String?, met: String?

        var booking: ConversationBookingInput {
            ConversationBookingInput(
                parentName: parentName ?? "", childName: childName ?? "", contact: contact ?? "",
                language: language ?? "",
                support: support == "yes"
                    ? .init(topics: topics ?? [], note: supportNote ?? "", contact: supportContact ?? "") : nil)
        }

        var form: FormState {
            FormState(values: [
                "slot": slot ?? "", "parentName": parentName ?? "", "childName": childName ?? "",
                "contact": contact ?? "",
                "language": language ?? "", "support": support ?? "", "topics": (topics ?? []).joined(separator: ","),
                "supportNote": supportNote ?? "", "supportContact": supportContact ?? "",
            ])
        }
    }

    func book(req: Request) async throws -> Response {
        let round = try await round(req)
        let input = try req.content.decode(BookInput.self)
        let sibling = try await sibling(req, token: input.met)
        var form = input.form
        let valid: ValidConversationBooking
        switch ConversationRules.validate(input.booking) {
        case .failure(let errors):
            form.errors = ConversationPages.formFields(errors)
            return try await render(req, round: round, sibling: sibling, form: form, status: .unprocessableEntity)
        case .success(let checked): valid = checked
        }
        guard let slotID = input.slot.flatMap(UUID.init(uuidString:)) else {
            form.errors["slot"] = "error.required"
            return try await render(req, round: round, sibling: sibling, form: form, status: .unprocessableEntity)
        }
        switch try await service(req).book(
            roundID: round.requireID(), slotID: slotID, valid, existingCode: sibling.map { .link($0.token) },
            messageLanguage: req.language, idempotencyKey: IdempotencyMiddleware.formKey(req))
        {
        case .booked(let code, _):
            return req.redirect(to: Paths.conversation(code.linkToken, done: "conv.booked"), redirectType: .normal)
        case .taken, .unknownSlot, .unknownCode:
            form.values["slot"] = ""
            return try await render(
                req, round: round, sibling: sibling, form: form, status: .conflict, message: "conv.taken")
        case .overlap:
            form.values["slot"] = ""
            return try await render(
                req, round: round, sibling: sibling, form: form, status: .conflict, message: "api.error.overlap")
        }
    }

    private func held(_ req: Request) async throws -> (record: ConversationCode, code: PersonalCode, token: String) {
        guard let token = req.parameters.get("token"), let held = try await service(req).find(.link(token)) else {
            throw Abort(.notFound)
        }
        return (held.record, held.code, token)
    }

    func show(req: Request) async throws -> Response {
        let held = try await held(req)
        let (bookings, requests) = try await service(req).holdings(of: held.record)
        let locations = Set(bookings.map(\.round.$location.id))
        let booked = Set(bookings.map(\.$round.id))
        // Brothers and sisters usually go to the same school: its other rounds, one tap away, with this code.
        let others = try await ConversationRound.query(on: req.db).filter(\.$location.$id ~~ locations).sort(\.$group)
            .all()
            .filter { !booked.contains($0.id!) && $0.purgeAfter > req.now }
        // An advisor who offered her consultation hours: the free times of that location, to pick from here.
        var offered: [UUID: [SlotView]] = [:]
        let today = LocalDate(containing: req.now)
        for request in requests where request.offersConsultation {
            offered[request.id!] = Array(
                try await SlotQueries.free(
                    at: request.$location.id, from: today, through: today.adding(days: 28),
                    now: req.now, on: req.db
                ).prefix(5))
        }
        return ConversationPages.mine(
            req.page, token: held.token, code: held.code, bookings: bookings, requests: requests, offered: offered,
            otherRounds: others)
    }

    struct BookingChoice: Content { var booking: String?, slot: String? }

    private func ownBooking(_ req: Request, _ held: ConversationCode, _ id: String?) async throws -> ConversationBooking
    {
        guard let id = id.flatMap(UUID.init(uuidString:)),
            let booking = try await service(req).holdings(of: held).bookings.first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        return booking
    }

    func cancel(req: Request) async throws -> Response {
        let held = try await held(req)
        let booking = try await ownBooking(req, held.record, try req.content.decode(BookingChoice.self).booking)
        try await service(req).cancel(booking.requireID(), of: held.record)
        return req.redirect(to: Paths.conversation(held.token, done: "conv.cancelled"), redirectType: .normal)
    }

    func moveForm(req: Request) async throws -> Response {
        let held = try await held(req)
        let booking = try await ownBooking(req, held.record, req.query[String.self, at: "booking"])
        return try await renderMove(req, token: held.token, booking: booking)
    }

    private func renderMove(
        _ req: Request, token: String, booking: ConversationBooking, status: HTTPStatus = .ok,
        message: String? = nil
    ) async throws -> Response {
        let free = try await service(req).slots(of: booking.$round.id).filter(\.free).map(\.slot)
        return ConversationPages.move(
            req.page, token: token, booking: booking, free: free, status: status, message: message)
    }

    func move(req: Request) async throws -> Response {
        let held = try await held(req)
        let choice = try req.content.decode(BookingChoice.self)
        let booking = try await ownBooking(req, held.record, choice.booking)
        guard let slotID = choice.slot.flatMap(UUID.init(uuidString:)) else {
            return try await renderMove(
                req, token: held.token, booking: booking, status: .unprocessableEntity, message: "error.required")
        }
        switch try await service(req).move(booking.requireID(), of: held.record, to: slotID) {
        case .moved:
            return req.redirect(to: Paths.conversation(held.token, done: "conv.moved"), redirectType: .normal)
        case .taken, .unknownSlot:
            return try await renderMove(
                req, token: held.token, booking: booking, status: .conflict, message: "conv.taken")
        case .overlap:
            return try await renderMove(
                req, token: held.token, booking: booking, status: .conflict, message: "api.error.overlap")
        }
    }

    struct RequestChoice: Content { var request: String? }

    func withdraw(req: Request) async throws -> Response {
        let held = try await held(req)
        guard let id = try req.content.decode(RequestChoice.self).request.flatMap(UUID.init(uuidString:)) else {
            throw Abort(.notFound)
        }
        try await SupportRequestService(db: req.db, settings: req.application.settings, now: req.now).withdraw(
            id, of: held.record)
        return req.redirect(to: Paths.conversation(held.token, done: "conv.withdrawn"), redirectType: .normal)
    }
}
