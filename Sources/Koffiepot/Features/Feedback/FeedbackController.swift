import Fluent
import Plot
import Vapor

/// Feedback after a consultation (`/b/:token/feedback`), a gathering (`/r/:token/feedback`) and a coffee
/// morning visited without registering (`/koffie/:locationID`, reached through the QR poster on the table).
struct FeedbackController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        for prefix in ["b", "r"] {
            routes.get(.constant(prefix), ":token", "feedback", use: { try await self.show($0, prefix) })
            routes.post(.constant(prefix), ":token", "feedback", use: { try await self.submit($0, prefix) })
        }
        routes.get("koffie", ":locationID", use: walkInForm)
        routes.post("koffie", ":locationID", use: walkIn)
        routes.grouped(RequireRole(.advisor, .coordinator, .admin)).get(
            Paths.Staff.route(.locations, ":id", "poster"), use: poster)
    }

    private func service(_ req: Request) -> FeedbackService {
        FeedbackService(db: req.db, secret: req.application.settings.secret ?? "", now: req.now)
    }

    private func subject(_ req: Request, _ prefix: String) async throws -> FeedbackSubject {
        let secret = req.application.settings.secret ?? ""
        guard let token = req.parameters.get("token") else { throw Abort(.notFound) }
        let subject: FeedbackSubject?
        if prefix == "b" {
            subject =
                try await CodeLookup.byLink(Booking.self, token: token, secret: secret, on: req.db)
                .asyncMap { try await FeedbackSubjects.booking($0.0, on: req.db) } ?? nil
        } else {
            subject =
                try await CodeLookup.byLink(Registration.self, token: token, secret: secret, on: req.db)
                .asyncMap { try await FeedbackSubjects.registration($0.0, now: req.now, on: req.db) } ?? nil
        }
        guard let subject else { throw Abort(.notFound) }
        return subject
    }

    func show(_ req: Request, _ prefix: String) async throws -> Response {
        let subject = try await subject(req, prefix)
        let given = try await service(req).hasFeedback(subject.kind, subject: subject.id)
        let state: FeedbackPages.State =
            given || req.query[String.self, at: "done"] == "feedback.thanks"
            ? .thanks : subject.ready ? .form(FormState()) : .notYet
        return FeedbackPages.page(
            req.page, heading: req.t("feedback.heading.\(subject.kind.rawValue)", ["title": subject.title]),
            action: req.url.path, state: state)
    }

    func submit(_ req: Request, _ prefix: String) async throws -> Response {
        let subject = try await subject(req, prefix)
        let input = try FeedbackInput.read(req)
        switch try await service(req).submit(subject, score: input.scoreValue, text: input.better) {
        case .success, .failure(.alreadyGiven):
            return req.redirect(to: req.url.path + "?done=feedback.thanks", redirectType: .normal)
        case .failure(let error):
            return FeedbackPages.page(
                req.page, heading: req.t("feedback.heading.\(subject.kind.rawValue)", ["title": subject.title]),
                action: req.url.path, state: .form(input.formState(error)), status: .unprocessableEntity)
        }
    }

    private func location(_ req: Request) async throws -> Location {
        guard
            let location = try await LocationQueries.find(
                req.parameters.get("locationID") ?? req.parameters.get("id"), on: req.db)
        else { throw Abort(.notFound) }
        return location
    }

    func walkInForm(req: Request) async throws -> Response {
        let location = try await location(req)
        let state: FeedbackPages.State =
            req.query[String.self, at: "done"] == "feedback.thanks" ? .thanks : .form(FormState())
        return FeedbackPages.page(
            req.page, heading: req.t("feedback.heading.walk_in", ["title": location.name]), action: req.url.path,
            state: state, askFirstContact: true)
    }

    /// One response per device per coffee morning per day: the device cookie, hashed with the day and the place,
    /// is the feedback's unique key. A rate limit per client address stops someone who keeps clearing cookies.
    func walkIn(req: Request) async throws -> Response {
        let location = try await location(req)
        let device = DeviceCookie.id(req)
        let day = LocalDate(containing: req.now)
        let input = try FeedbackInput.read(req)
        let heading = req.t("feedback.heading.walk_in", ["title": location.name])
        let response: Response
        var answerErrors: [String: String] = [:]
        let firstContact = FirstContact.read(input.first_contact ?? "", into: &answerErrors)
        switch FeedbackRules.check(score: input.scoreValue, text: input.better) {
        case .failure(let error):
            response = FeedbackPages.page(
                req.page, heading: heading, action: req.url.path,
                state: .form(input.formState(error)), status: .unprocessableEntity, askFirstContact: true)
        case .success where !answerErrors.isEmpty:
            // A broken answer is the form's error, with her words kept — never silently "not answered".
            let form = FormState(
                values: ["better": input.better ?? "", FirstContact.field: input.first_contact ?? ""],
                errors: answerErrors)
            response = FeedbackPages.page(
                req.page, heading: heading, action: req.url.path, state: .form(form), status: .unprocessableEntity,
                askFirstContact: true)
        case .success(let checked):
            guard try await RateLimiter.allow("walkin:\(day)", req: req) else { throw Abort(.tooManyRequests) }
            let key = PersonalCode.hash(
                "walk_in:\(device):\(day):\(try location.requireID())", secret: req.application.settings.secret ?? "")
            if case .success = try await service(req).record(.walkIn, key: key, locationID: location.id, checked),
                let answer = firstContact
            {
                // Her answer as an anonymous fact of no people (the tally counts the visitors), keyed like her
                // feedback so the reach figures count it once.
                try await ContactFacts.record(
                    .init(
                        kind: .walkIn, outcome: .attended, at: req.now, locationID: location.id, people: 0,
                        firstContact: answer),
                    subject: "walk_in:\(key)", secret: req.application.settings.secret ?? "", on: req.db)
            }
            response = req.redirect(to: req.url.path + "?done=feedback.thanks", redirectType: .normal)
        }
        DeviceCookie.set(device, on: response, req)
        return response
    }

    /// A printable poster for the coffee table: a QR code to the walk-in feedback page.
    func poster(req: Request) async throws -> Response {
        let location = try await location(req)
        let url = Paths.absolute(Paths.walkIn(location.id!), req.application.settings.publicURL)
        return FeedbackPages.poster(req.page, location: location, url: url)
    }
}

private extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

/// The one feedback form (after a consultation, a gathering, an answer, a walk-in): a face 1–5 and words.
/// Read as text, so a score that is not a number is the form's error with her words kept, never a silent
/// "no answer"; a body that is no form at all is a 400.
struct FeedbackInput: Content {
    var score: String?
    var better: String?
    /// Asked at walk-ins only: `FirstContact`.
    var first_contact: String?

    static func read(_ req: Request) throws -> FeedbackInput { try req.content.decode(FeedbackInput.self) }

    /// Nil when absent; a malformed score becomes 0, which the rules refuse like any score outside the scale.
    var scoreValue: Int? {
        guard let score = score?.trimmingCharacters(in: .whitespaces), !score.isEmpty else { return nil }
        return Int(score) ?? 0
    }

    func formState(_ error: FeedbackError) -> FormState {
        FormState(values: ["better": better ?? ""], errors: ["better": error.messageKey])
    }
}
