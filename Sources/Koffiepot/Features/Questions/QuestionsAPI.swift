import Fluent
import Foundation
import OpenAPIRuntime
import Vapor

/// The questions part of the public API (see `openapi.yaml`).
extension KoffiepotAPI {
    func askQuestion(_ input: Operations.askQuestion.Input) async throws -> Operations.askQuestion.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let checked: ValidQuestion
        switch QuestionRules.validate(
            .init(
                text: body.text, contact: body.contact ?? "", language: body.language ?? "nl",
                firstContact: FirstContact.formValue(body.firstContact)))
        {
        case .success(let valid): checked = valid
        case .failure(let errors):
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(invalidFields: errors.fields))))
        }
        let service = QuestionService(db: db, settings: app.settings, catalogues: app.catalogues, now: clock.now())
        let asked = try await service.ask(
            .init(
                text: checked.text, topic: body.topic.flatMap { Topic(rawValue: $0.rawValue) },
                ageGroup: body.ageGroup.flatMap { AgeGroup(rawValue: $0.rawValue) }, language: checked.language,
                contactKind: checked.contactKind, contact: checked.contact, locationID: nil,
                firstContact: checked.firstContact),
            messageLanguage: body.language.flatMap(Language.init(rawValue:)) ?? .nl)
        return .created(
            .init(
                body: .json(
                    .init(
                        code: asked.code.display, link: Paths.absolute(Paths.question(asked.code.linkToken), publicURL))
                )))
    }

    func getQuestion(_ input: Operations.getQuestion.Input) async throws -> Operations.getQuestion.Output {
        guard
            let (question, _) = try await CodeLookup.byCode(
                Question.self, typed: input.path.code, secret: app.settings.secret ?? "", on: db)
        else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownCode))))
        }
        let answer = try await QuestionMessage.query(on: db).filter(\.$question.$id == question.requireID())
            .filter(\.$fromAdvisor == true).sort(\.$createdAt, .descending).first()
        return .ok(
            .init(
                body: .json(
                    .init(
                        status: .init(rawValue: question.status.rawValue) ?? .open, answer: answer?.text,
                        answeredAt: question.answeredAt.map(LocalTimestamp.format),
                        expectedBy: [.open, .claimed].contains(question.status)
                            ? question.dueAt.map(LocalTimestamp.format) : nil))))
    }
}
