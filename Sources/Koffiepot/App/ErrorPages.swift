import OpenAPIRuntime
import Vapor

/// The one place that turns errors into responses: `application/problem+json` under `/api/`,
/// a page in the visitor's language everywhere else. Internal details never reach the visitor.
struct ErrorPagesMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            let (status, detail) = Self.classify(error)
            if status == .internalServerError {
                req.logger.report(error: error)
            }
            if req.url.path.hasPrefix("/api/") {
                return Self.problem(status: status, detail: detail)
            }
            return Self.page(req, status: status)
        }
    }

    /// Abort errors keep their status. The generated API wraps errors: when it could not even build the
    /// operation's input (malformed JSON, a missing field), the client sent something wrong — 400.
    static func classify(_ error: any Error) -> (HTTPStatus, String?) {
        if let abort = error as? any AbortError { return (abort.status, abort.reason) }
        if let server = error as? ServerError {
            if let abort = server.underlyingError as? any AbortError { return (abort.status, abort.reason) }
            if server.operationInput == nil { return (.badRequest, "The request could not be read: \(server.causeDescription).") }
        }
        return (.internalServerError, nil)
    }

    static func problem(status: HTTPStatus, detail: String?) -> Response {
        var body = ["type": "about:blank", "title": status.reasonPhrase] as [String: any Sendable]
        body["status"] = Int(status.code)
        if status != .internalServerError, let detail, detail != status.reasonPhrase { body["detail"] = detail }
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/problem+json")
        return Response(status: status, headers: headers, body: .init(data: data))
    }

    static func page(_ req: Request, status: HTTPStatus) -> Response {
        let ctx = req.page
        let key: String
        switch status.code {
        case 400: key = "bad_request"
        case 401, 403: key = "forbidden"
        case 404: key = "not_found"
        case 413: key = "too_large"
        case 429: key = "too_many"
        default: key = status.code >= 500 ? "server" : "bad_request"
        }
        return PageLayout.render(ctx, title: ctx.t("error.\(key).title"), status: status) {
            Tag("h1") { Txt(ctx.t("error.\(key).title")) }
            Tag("p") { Txt(ctx.t("error.\(key).text")) }
            Tag("p") { A("/") { Txt(ctx.t("error.home")) } }
        }
    }
}
