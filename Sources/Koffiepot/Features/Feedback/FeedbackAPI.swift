import Foundation
import OpenAPIRuntime
import Vapor

/// Feedback by code through the public API (see `openapi.yaml`).
extension KoffiepotAPI {
    func giveFeedback(_ input: Operations.giveFeedback.Input) async throws -> Operations.giveFeedback.Output {
        guard case .json(let body) = input.body else { throw Abort(.badRequest) }
        let secret = app.settings.secret ?? ""
        guard let subject = try await FeedbackSubjects.byCode(body.code, secret: secret, now: clock.now(), on: db) else {
            return .notFound(.init(body: .application_problem_plus_json(Self.problem(404, app.catalogues.text(FeedbackError.unknownCode.messageKey, .en)))))
        }
        switch try await FeedbackService(db: db, secret: secret, now: clock.now()).submit(subject, score: body.score, text: body.text) {
        case .success: return .created(.init())
        case .failure(.alreadyGiven):
            return .conflict(.init(body: .application_problem_plus_json(Self.problem(409, "Feedback for this code was already given."))))
        case .failure(let error):
            return .unprocessableContent(.init(body: .application_problem_plus_json(Self.problem(422, app.catalogues.text(error.messageKey, .en)))))
        }
    }
}
