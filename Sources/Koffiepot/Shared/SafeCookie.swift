import Foundation
import Vapor

/// Every cookie Koffiepot sets, one way: path `/`, `HttpOnly` (no script reads it), `SameSite` (Lax, or Strict for
/// the CSRF token), and `Secure` whenever the installation is served over HTTPS (`KOFFIEPOT_SECURE_COOKIES`, on by
/// default for an https public address behind the proxy).
enum SafeCookie {
    static func value(
        _ string: String, maxAge: Int? = nil, sameSite: HTTPCookies.SameSitePolicy = .lax, for req: Request
    ) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: string, maxAge: maxAge, path: "/", isSecure: req.application.settings.secureCookies,
            isHTTPOnly: true, sameSite: sameSite)
    }

    /// Tells the browser to forget a cookie (log-out), with the same attributes it was set with.
    static func expired(for req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), path: "/",
            isSecure: req.application.settings.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
    }
}
