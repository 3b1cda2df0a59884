import Foundation
import OpenAPIRuntime
import Vapor

/// Read-aloud audio in the JSON API (see `openapi.yaml`).
extension KoffiepotAPI {
    func speak(_ input: Operations.speak.Input) async throws -> Operations.speak.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        guard let language = Language(rawValue: (body.lang ?? "").lowercased()) else {
            return .badRequest(.init(body: .application_problem_plus_json(problem(.badRequest, .unknownLanguage))))
        }
        let text = TextRules.multiLine(body.text ?? "")
        if text.count > SpeechEngine.maxCharacters {
            return .contentTooLarge(.init(body: .application_problem_plus_json(problem(.payloadTooLarge, .tooLarge))))
        }
        if let issue = TextRules.problem(inRequired: text, maxLength: SpeechEngine.maxCharacters) {
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(invalidFields: ["text": issue]))))
        }
        guard SpeechEngine.isAvailable, let audio = try? await SpeechEngine.speak(text, language: language) else {
            return .serviceUnavailable(
                .init(body: .application_problem_plus_json(problem(.serviceUnavailable, .speechUnavailable))))
        }
        return .ok(.init(body: .audio_ogg(HTTPBody(audio))))
    }
}
