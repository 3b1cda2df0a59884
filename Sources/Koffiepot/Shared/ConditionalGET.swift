import Crypto
import Foundation
import Vapor

/// Conditional GET for the public pages and feeds that are opened again and again: the location page (every
/// poster links to it), the gatherings list, the iCal feeds of locations, advisors and gatherings, the embed
/// widgets a school's site frames, and the HSDS directory. Each answer gets a strong `ETag` (a hash of its
/// bytes) and `Cache-Control: private, no-cache`; a client that sends the tag it has gets `304 Not Modified`
/// without the body. Personal pages are never listed here: they stay `no-store`.
struct ConditionalGETMiddleware: AsyncMiddleware {
    static func isPublicPage(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return path.hasPrefix("/embed/") || path.hasPrefix("/hsds/") || path == "/gatherings"
            || path == "/gatherings/calendar.ics"
            || (path.hasSuffix("/calendar.ics") && (path.hasPrefix("/locations/") || path.hasPrefix("/advisors/"))
                && parts.count == 3)
            || (path.hasPrefix("/locations/") && parts.count == 2)
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        guard req.method == .GET, response.status == .ok, Self.isPublicPage(req.url.path),
            let body = response.body.buffer
        else { return response }
        let tag =
            "\"" + SHA256.hash(data: Data(buffer: body)).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
        response.headers.replaceOrAdd(name: .eTag, value: tag)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        let presented = req.headers[.ifNoneMatch].flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard presented.contains(tag) || presented.contains("*") else { return response }
        let notModified = Response(status: .notModified, headers: response.headers)
        notModified.headers.remove(name: .contentLength)
        notModified.headers.remove(name: .contentType)
        return notModified
    }
}
