import Foundation
import OpenAPIRuntime
import Vapor

/// Newsletter texts in the JSON API (see `openapi.yaml`).
extension KoffiepotAPI {
    func getNewsletterSnippets(_ input: Operations.getNewsletterSnippets.Input) async throws
        -> Operations.getNewsletterSnippets.Output
    {
        guard let location = try await LocationQueries.find(input.path.id, on: db) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownLocation))))
        }
        let language = input.query.lang.flatMap { Language(rawValue: $0.rawValue) } ?? APIClient.language
        let snippets = try await NewsletterController.snippets(
            for: location, t: Localizer(language: language, catalogues: app.catalogues),
            on: db, now: clock.now(), publicURL: app.settings.publicURL)
        return .ok(
            .init(
                body: .json(
                    snippets.map {
                        .init(
                            kind: .init(rawValue: $0.kind) ?? .location, title: $0.title, text: $0.text, html: $0.html,
                            link: $0.link)
                    })))
    }
}
