import OpenAPIRuntime
import Vapor

/// The one place that turns errors into responses: an `APIProblem` under `/api/`,
/// a page in the visitor's language everywhere else. Internal details never reach the visitor.
struct ErrorPagesMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            // The JSON API and the open HSDS feed are read by programs: they get the problem body.
            if req.url.path.hasPrefix("/api/") || req.url.path.hasPrefix("/hsds") {
                let problem = APIProblem(classifying: error)
                if problem.status == .internalServerError { req.logger.report(error: error) }
                return try problem.response(req.t)
            }
            let status = Self.status(of: error)
            if status == .internalServerError {
                req.logger.report(error: error)
            }
            return Self.page(req, status: status)
        }
    }

    /// Abort errors keep their status; what the API would call the caller's fault is a 4xx page too.
    static func status(of error: any Error) -> HTTPStatus {
        if let abort = error as? any AbortError { return abort.status }
        return APIProblem(classifying: error).status
    }

    static func page(_ req: Request, status: HTTPStatus) -> Response {
        let ctx = req.page
        let key: String
        switch status.code {
        case 400: key = "bad_request"
        case 401, 403: key = "forbidden"
        case 404: key = "not_found"
        case 409: key = "busy"
        case 413: key = "too_large"
        case 429: key = "too_many"
        default: key = status.code >= 500 ? "server" : "bad_request"
        }
        return PageLayout.render(ctx, title: ctx.t("error.\(key).title"), status: status) {
            Tag("h1") { Txt(ctx.t("error.\(key).title")) }
            Tag("p") { Txt(ctx.t("error.\(key).text")) }
            Tag("p") { A(Paths.home) { Txt(ctx.t("error.home")) } }
        }
    }
}
