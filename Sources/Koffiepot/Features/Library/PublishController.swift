import Fluent
import Plot
import Vapor

/// From the desk to the library: only with the asker's consent, after the advisor has rewritten what the
/// anonymiser highlights and confirmed it. The entry is a copy with no link back to the question.
struct PublishController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let publish = routes.grouped(Paths.Staff.route(.questions, ":questionID", "publish")).grouped(
            RequireRole(.advisor))
        publish.get(use: form)
        publish.post(use: self.publish)
    }

    private func publishable(_ req: Request) async throws -> Question {
        let question = try await DeskAccess.question(req)
        guard question.consentPublish, question.firstAnsweredAt != nil, !question.published else {
            throw Abort(.notFound)
        }
        return question
    }

    func form(req: Request) async throws -> Response {
        let question = try await publishable(req)
        let answers = try await QuestionMessage.query(on: req.db).filter(\.$question.$id == question.requireID())
            .filter(\.$fromAdvisor == true).sort(\.$createdAt).all().map(\.text)
        try await AccessLog.record(RecordSubject.question(try question.requireID()) + ":publish", on: req)
        return PublishPages.form(
            req.page, questionID: question.id!,
            form: FormState(values: [
                "question_text": question.text, "answer_text": answers.joined(separator: "\n\n"),
                "topic": question.topic?.rawValue ?? "", "age": question.ageGroup?.rawValue ?? "",
            ]))
    }

    struct Input: Content {
        var question_text: String?, answer_text: String?, topic: String?, age: String?, checked: String?
    }

    func publish(req: Request) async throws -> Response {
        let question = try await publishable(req)
        let input = try req.content.decode(Input.self)
        var form = FormState(values: [
            "question_text": input.question_text ?? "", "answer_text": input.answer_text ?? "",
            "topic": input.topic ?? "", "age": input.age ?? "",
        ])
        let valid: ValidLibraryEntry
        switch LibraryRules.validate(
            questionText: form["question_text"], answerText: form["answer_text"], topic: form["topic"],
            age: form["age"], checked: input.checked ?? "")
        {
        case .success(let checked): valid = checked
        case .failure(let errors):
            form.errors = errors.fields
            return PublishPages.form(req.page, questionID: question.id!, form: form, status: .unprocessableEntity)
        }
        let entry = LibraryEntry()
        entry.topic = valid.topic
        entry.ageGroup = valid.ageGroup
        entry.language = question.language
        entry.questionText = valid.questionText
        entry.answerText = valid.answerText
        entry.publishedAt = req.now
        guard try await LibraryPublishing(db: req.db).publish(question.requireID(), as: entry) else {
            throw Abort(.notFound)  // published by a colleague a moment ago: as if she opened the form now
        }
        return req.redirect(to: Paths.Staff.page(.questions, done: "library.published"), redirectType: .normal)
    }
}

enum PublishPages {
    static func form(_ ctx: PageContext, questionID: UUID, form: FormState, status: HTTPStatus = .ok) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("library.publish_title"), status: status) {
            Tag("h1") { Txt(t("library.publish_title")) }
            Tag("p") { Txt(t("library.publish_intro")) }.cls("lead")
            Tag("h2") { Txt(t("library.highlights")) }
            Tag("div") {
                HighlightedText(form["question_text"]); HighlightedText(form["answer_text"])
            }.cls("booking highlights")
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                TextAreaField(name: "question_text", label: t("library.question"), maxLength: QuestionService.maxLength)
                    .render(form, t)
                TextAreaField(name: "answer_text", label: t("library.answer"), maxLength: DeskRules.maxAnswer)
                    .render(form, t)
                SelectField(
                    name: "topic", label: t("book.topics"), options: [ChoiceOptions.any(t)] + ChoiceOptions.topics(t)
                ).render(form, t)
                SelectField(
                    name: "age", label: t("filter.age"), options: [ChoiceOptions.any(t)] + ChoiceOptions.ageGroups(t)
                ).render(form, t)
                Tag("div") {
                    if let error = form.errors["checked"] {
                        Tag("p") { Txt(t(error)) }.cls("error").attr("id", "f-checked-error")
                    }
                    Tag("label") {
                        VoidTag(
                            "input", [("type", "checkbox"), ("id", "f-checked"), ("name", "checked"), ("value", "yes")])
                        Txt(" " + t("library.confirm"))
                    }
                }.cls("field check")
                Tag("button") { Txt(t("library.publish")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.question(questionID, "/publish")).cls("stack")
        }
    }
}
