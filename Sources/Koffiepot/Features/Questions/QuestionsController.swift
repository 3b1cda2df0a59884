import Fluent
import Vapor

/// *Vraagbaak*: ask without an account, read the answer with the code, follow up in the same thread.
struct QuestionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("vraag", use: form)
        routes.post("vraag", use: ask)
        let question = routes.grouped("v", ":token")
        question.get(use: show)
        question.post("reply", use: reply)
    }

    private func service(_ req: Request) -> QuestionService {
        QuestionService(db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
    }

    func form(req: Request) async throws -> Response {
        let location = req.query[String.self, at: "location"] ?? ""
        return QuestionPages.ask(req.page, form: FormState(values: ["language": req.language.rawValue, "location": location]))
    }

    struct Input: Content { var text: String?, topic: String?, age: String?, language: String?, contact: String?, location: String? }

    func ask(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        var form = FormState(values: ["text": input.text ?? "", "topic": input.topic ?? "", "age": input.age ?? "",
                                      "language": input.language ?? "", "contact": input.contact ?? "", "location": input.location ?? ""])
        let checked = QuestionService.check(text: input.text ?? "", contact: input.contact ?? "", language: input.language ?? "")
        form.errors = checked.errors
        guard form.isValid, let contact = checked.contact else { return QuestionPages.ask(req.page, form: form, status: .unprocessableEntity) }
        // Abuse is limited per client address, through a keyed hash that changes every day; nothing of it is kept with the question.
        guard try await RateLimiter.allow("ask:\(LocalDate(containing: req.now))", req: req) else { throw Abort(.tooManyRequests) }
        let location = try await LocationQueries.find(input.location, on: req.db)
        let asked = try await service(req).ask(.init(text: checked.text, topic: input.topic.flatMap(Topic.init(rawValue:)),
                                                     ageGroup: input.age.flatMap(AgeGroup.init(rawValue:)), language: input.language ?? "nl",
                                                     contactKind: contact.kind, contact: contact.value, locationID: location?.id),
                                               messageLanguage: req.language)
        return req.redirect(to: "/v/\(asked.code.linkToken)?done=question.asked", redirectType: .normal)
    }

    private func found(_ req: Request) async throws -> (Question, String) {
        guard let token = req.parameters.get("token"),
              let (question, token) = try await CodeLookup.byLink(Question.self, token: token, secret: req.application.settings.secret ?? "", on: req.db)
        else { throw Abort(.notFound) }
        return (question, token)
    }

    func show(req: Request) async throws -> Response {
        let (question, token) = try await found(req)
        let thread = try await QuestionMessage.query(on: req.db).filter(\.$question.$id == question.requireID()).sort(\.$createdAt).all()
        let code = PersonalCode.code(forLink: token, secret: req.application.settings.secret ?? "")
        let notice = req.query[String.self, at: "done"].flatMap { ["question.asked", "question.replied"].contains($0) ? $0 : nil }
        return QuestionPages.thread(req.page, question: question, thread: thread, token: token, code: code, notice: notice, form: FormState())
    }

    struct ReplyInput: Content { var text: String? }

    func reply(req: Request) async throws -> Response {
        let (question, token) = try await found(req)
        let text = TextRules.multiLine(try req.content.decode(ReplyInput.self).text ?? "")
        guard !text.isEmpty, text.count <= QuestionService.maxLength, TextRules.isSafe(text) else {
            let thread = try await QuestionMessage.query(on: req.db).filter(\.$question.$id == question.requireID()).sort(\.$createdAt).all()
            let code = PersonalCode.code(forLink: token, secret: req.application.settings.secret ?? "")
            return QuestionPages.thread(req.page, question: question, thread: thread, token: token, code: code, notice: nil,
                                        form: FormState(values: ["text": text], errors: ["text": text.isEmpty ? "error.required" : "error.too_long"]),
                                        status: .unprocessableEntity)
        }
        try await service(req).followUp(question, text: text)
        return req.redirect(to: "/v/\(token)?done=question.replied", redirectType: .normal)
    }
}
