import Fluent
import Plot
import Vapor

/// The advisors' question desk: the queue (oldest first), claim, answer, close. Every read is logged.
struct DeskController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let desk = routes.grouped("staff", "vragen").grouped(RequireRole(.advisor))
        desk.get(use: queue)
        desk.get(":questionID", use: show)
        desk.post(":questionID", "answer", use: answer)
        desk.post(":questionID", "close", use: close)
    }

    /// Questions asked at the advisor's locations, and those asked without a location (the municipality's).
    private func visible(_ req: Request) async throws -> QueryBuilder<Question> {
        let me = try req.staff!.user.requireID()
        let mine = try await LocationAdvisor.query(on: req.db).filter(\.$advisor.$id == me).all().map(\.$location.id)
        return Question.query(on: req.db).group(.or) { $0.filter(\.$location.$id ~~ mine).filter(\.$location.$id == nil) }
    }

    func queue(req: Request) async throws -> Response {
        let waiting = try await visible(req).filter(\.$status ~~ [.open, .claimed]).sort(\.$createdAt).all()
        try await AccessLog.record("questions.queue", on: req)
        return DeskPages.queue(req.page, questions: waiting, now: req.now)
    }

    private func question(_ req: Request) async throws -> Question {
        guard let id = req.parameters.get("questionID").flatMap(UUID.init(uuidString:)),
              let question = try await visible(req).filter(\.$id == id).first() else { throw Abort(.notFound) }
        return question
    }

    func show(req: Request) async throws -> Response {
        let question = try await question(req)
        if question.status == .open {
            question.status = .claimed
            question.claimedBy = req.staff?.user.id
            try await question.save(on: req.db)
        }
        let thread = try await QuestionMessage.query(on: req.db).filter(\.$question.$id == question.requireID()).sort(\.$createdAt).all()
        try await AccessLog.record("question:\(question.id!.uuidString)", on: req)
        return DeskPages.answer(req.page, question: question, thread: thread, form: FormState())
    }

    struct AnswerInput: Content { var text: String? }

    func answer(req: Request) async throws -> Response {
        let question = try await question(req)
        let text = TextRules.multiLine(try req.content.decode(AnswerInput.self).text ?? "")
        guard !text.isEmpty, text.count <= 4000, TextRules.isSafe(text), let me = req.staff?.user else {
            let thread = try await QuestionMessage.query(on: req.db).filter(\.$question.$id == question.requireID()).sort(\.$createdAt).all()
            return DeskPages.answer(req.page, question: question, thread: thread,
                                    form: FormState(values: ["text": text], errors: ["text": "error.required"]), status: .unprocessableEntity)
        }
        try await QuestionService(db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
            .answer(question, by: me, text: text)
        return req.redirect(to: "/staff/vragen?done=agenda.saved", redirectType: .normal)
    }

    func close(req: Request) async throws -> Response {
        let question = try await question(req)
        question.status = .closed
        try await question.save(on: req.db)
        return req.redirect(to: "/staff/vragen?done=agenda.saved", redirectType: .normal)
    }
}

enum DeskPages {
    static func queue(_ ctx: PageContext, questions: [Question], now: Date) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("desk.title")) {
            Tag("h1") { Txt(t("desk.title")) }
            Confirmation(ctx, allowed: ["agenda.saved"])
            Tag("p") { Txt(t("desk.no_automation")) }.cls("notice")
            if questions.isEmpty { Tag("p") { Txt(t("desk.empty")) } }
            Tag("ul") {
                for q in questions {
                    Tag("li") {
                        A("/staff/vragen/\(q.id!.uuidString)") { Txt(String(q.text.prefix(80)) + (q.text.count > 80 ? "…" : "")) }.attr("dir", "auto")
                        Tag("p") {
                            Txt([q.topic.map { "\($0.pictogram) \(t($0.labelKey))" }, q.ageGroup.map { t($0.labelKey) }, t("lang.\(q.language)"),
                                 t("desk.waiting", ["hours": "\(Int(now.timeIntervalSince(q.createdAt) / 3600))"])]
                                .compactMap { $0 }.joined(separator: " · "))
                        }.cls("hint")
                    }
                }
            }.cls("admin-list")
        }
    }

    static func answer(_ ctx: PageContext, question: Question, thread: [QuestionMessage], form: FormState, status: HTTPStatus = .ok) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("desk.answer"), status: status) {
            Tag("h1") { Txt(t("desk.answer")) }
            Tag("article") { Tag("p") { Txt(question.text) }.cls("about").attr("dir", "auto") }.cls("booking")
            for message in thread {
                Tag("article") {
                    Tag("h2") { Txt(t(message.fromAdvisor ? "question.answer_from_advisor" : "desk.parent_added")) }
                    Tag("p") { Txt(message.text) }.cls("about").attr("dir", "auto")
                }.cls("booking")
            }
            Tag("p") { Txt(t("desk.safety")) }.cls("notice")
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                TextAreaField(name: "text", label: t("desk.your_answer"), hint: t("desk.answer_hint"), maxLength: 4000).render(form, t)
                Tag("button") { Txt(t("desk.send")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", "/staff/vragen/\(question.id!.uuidString)/answer").cls("stack")
            InlineAction(ctx, action: "/staff/vragen/\(question.id!.uuidString)/close", label: t("desk.close"))
        }
    }
}
