import Vapor

/// Chooses the page language: `?lang=` → cookie → `Accept-Language` → Dutch.
/// An explicit `?lang=` is remembered in a cookie so the choice follows the parent everywhere.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookieName = "kp_lang"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let fromQuery = (try? req.query.get(String.self, at: "lang")).flatMap(Language.init(rawValue:))
        let language =
            fromQuery
            ?? req.cookies[Self.cookieName].flatMap { Language(rawValue: $0.string) }
            ?? req.headers.first(name: .acceptLanguage).flatMap(Language.negotiate(acceptLanguage:))
            ?? .nl
        req.storage[LanguageKey.self] = language
        let response = try await next.respond(to: req)
        if let chosen = fromQuery {
            response.cookies[Self.cookieName] = SafeCookie.value(chosen.rawValue, maxAge: 365 * 86400, for: req)
        }
        return response
    }
}

private struct LanguageKey: StorageKey { typealias Value = Language }

extension Request {
    var language: Language { storage[LanguageKey.self] ?? .nl }
    var t: Localizer { Localizer(language: language, catalogues: application.catalogues) }
}
