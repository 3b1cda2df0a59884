import Fluent
import Vapor

/// *Vraagbaak*: ask without an account, read the answer with the code, follow up in the same thread.
struct QuestionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.route(Paths.ask), use: form)
        routes.post(Paths.route(Paths.ask), use: ask)
        let question = routes.grouped("v", ":token")
        question.get(use: show)
        question.post("reply", use: reply)
        question.post("feedback", use: feedback)
        question.post("consent", use: consent)
    }

    private func service(_ req: Request) -> QuestionService {
        QuestionService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
    }

    func form(req: Request) async throws -> Response {
        let location = req.query[String.self, at: "location"] ?? ""
        return QuestionPages.ask(
            req.page, form: FormState(values: ["language": req.language.rawValue, "location": location]))
    }

    struct Input: Content {
        var text: String?, topic: String?, age: String?, language: String?, contact: String?, location: String?,
            consent: String?, first_contact: String?
    }

    func ask(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        var form = FormState(values: [
            "text": input.text ?? "", "topic": input.topic ?? "", "age": input.age ?? "",
            "language": input.language ?? "", "contact": input.contact ?? "", "location": input.location ?? "",
            "consent": input.consent == "yes" ? "yes" : "", "first_contact": input.first_contact ?? "",
        ])
        let checked: ValidQuestion
        switch QuestionRules.validate(
            .init(
                text: input.text ?? "", contact: input.contact ?? "", language: input.language ?? "",
                firstContact: input.first_contact ?? ""))
        {
        case .success(let valid): checked = valid
        case .failure(let errors):
            form.errors = errors.fields
            return QuestionPages.ask(req.page, form: form, status: .unprocessableEntity)
        }
        // Abuse is limited per client address, through a keyed hash that changes every day; nothing of it is kept with the question.
        guard try await RateLimiter.allow("ask:\(LocalDate(containing: req.now))", req: req) else {
            throw Abort(.tooManyRequests)
        }
        let location = try await LocationQueries.find(input.location, on: req.db)
        let asked = try await service(req).ask(
            .init(
                text: checked.text, topic: input.topic.flatMap(Topic.init(rawValue:)),
                ageGroup: input.age.flatMap(AgeGroup.init(rawValue:)), language: checked.language,
                contactKind: checked.contactKind, contact: checked.contact, locationID: location?.id,
                consentPublish: input.consent == "yes", firstContact: checked.firstContact),
            messageLanguage: req.language)
        return req.redirect(to: Paths.question(asked.code.linkToken, done: "question.asked"), redirectType: .normal)
    }

    private func found(_ req: Request) async throws -> (Question, String) {
        guard let token = req.parameters.get("token"),
            let (question, token) = try await CodeLookup.byLink(
                Question.self, token: token, secret: req.application.settings.secret ?? "", on: req.db)
        else { throw Abort(.notFound) }
        return (question, token)
    }

    private func page(
        _ req: Request, _ question: Question, token: String, notice: String?, form: FormState = FormState(),
        feedbackForm: FormState = FormState(), status: HTTPStatus = .ok
    ) async throws -> Response {
        let secret = req.application.settings.secret ?? ""
        let messages = try await QuestionMessage.query(on: req.db).filter(\.$question.$id == question.requireID()).sort(
            \.$createdAt
        ).all()
        let pointers = try await AnswerPointers.resolve(messages, now: req.now, t: req.t, on: req.db)
        let given = try await FeedbackService(db: req.db, secret: secret, now: req.now).hasFeedback(
            .question, subject: question.requireID())
        let thread = QuestionPages.Thread(
            question: question, messages: messages, pointers: pointers, token: token,
            code: PersonalCode.code(forLink: token, secret: secret), feedbackGiven: given,
            feedbackForm: feedbackForm)
        return QuestionPages.thread(req.page, thread, notice: notice, form: form, status: status)
    }

    static let notices = ["question.asked", "question.replied", "feedback.thanks", "question.consent_saved"]

    func show(req: Request) async throws -> Response {
        let (question, token) = try await found(req)
        let notice = req.query[String.self, at: "done"].flatMap { Self.notices.contains($0) ? $0 : nil }
        return try await page(req, question, token: token, notice: notice)
    }

    struct ReplyInput: Content { var text: String? }

    func reply(req: Request) async throws -> Response {
        let (question, token) = try await found(req)
        let text = TextRules.multiLine(try req.content.decode(ReplyInput.self).text ?? "")
        if let error = TextRules.problem(inRequired: text, maxLength: QuestionService.maxLength) {
            return try await page(
                req, question, token: token, notice: nil,
                form: FormState(values: ["text": text], errors: ["text": error]),
                status: .unprocessableEntity)
        }
        try await service(req).followUp(question, text: text)
        return req.redirect(to: Paths.question(token, done: "question.replied"), redirectType: .normal)
    }

    /// The one-tap satisfaction after reading an answer; once per question.
    func feedback(req: Request) async throws -> Response {
        let (question, token) = try await found(req)
        let input = try FeedbackInput.read(req)
        let outcome = try await FeedbackService(db: req.db, secret: req.application.settings.secret ?? "", now: req.now)
            .submit(try FeedbackSubjects.question(question), score: input.scoreValue, text: input.better)
        switch outcome {
        case .success:
            return req.redirect(
                to: Paths.question(token, done: "feedback.thanks") + "#feedback-title", redirectType: .normal)
        case .failure(.alreadyGiven): return req.redirect(to: Paths.question(token), redirectType: .normal)
        case .failure(let error):
            return try await page(
                req, question, token: token, notice: nil, feedbackForm: input.formState(error),
                status: .unprocessableEntity)
        }
    }

    struct ConsentInput: Content { var consent: String? }

    /// The asker gives or withdraws consent for the library; an entry already published stays (it is anonymised
    /// and has no link back), which the page says.
    func consent(req: Request) async throws -> Response {
        let (question, token) = try await found(req)
        // Exactly "yes" or "no": anything else is a broken form, and must never count as consent withdrawn.
        switch try req.content.decode(ConsentInput.self).consent {
        case "yes": question.consentPublish = true
        case "no": question.consentPublish = false
        default: throw Abort(.badRequest)
        }
        try await question.save(on: req.db)
        return req.redirect(to: Paths.question(token, done: "question.consent_saved"), redirectType: .normal)
    }
}
