import Foundation
import OpenAPIRuntime
import Vapor

/// Feedback by code through the public API (see `openapi.yaml`).
extension KoffiepotAPI {
    func giveFeedback(_ input: Operations.giveFeedback.Input) async throws -> Operations.giveFeedback.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let secret = app.settings.secret ?? ""
        guard let subject = try await FeedbackSubjects.byCode(body.code, secret: secret, now: clock.now(), on: db)
        else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownCode))))
        }
        switch try await FeedbackService(db: db, secret: secret, now: clock.now()).submit(
            subject, score: body.score, text: body.text)
        {
        case .success: return .created(.init())
        case .failure(.alreadyGiven):
            return .conflict(.init(body: .application_problem_plus_json(problem(.conflict, .feedbackGiven))))
        case .failure(let error):
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(invalidFields: ["score": error.messageKey]))))
        }
    }
}
