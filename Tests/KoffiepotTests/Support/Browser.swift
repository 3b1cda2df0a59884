import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// A tiny browser for route tests: keeps cookies, reads the CSRF token, posts forms.
final class TestBrowser {
    let app: Application
    var cookies: [String: String] = [:]
    var headers: HTTPHeaders = [:]

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form the way a browser would, with the CSRF token from the cookie.
    @discardableResult
    func post(_ path: String, _ fields: [String: String], csrf: Bool = true) async throws -> TestingHTTPResponse {
        if cookies[CSRFMiddleware.cookieName] == nil { try await get("/login") }
        var all = fields
        if csrf { all[CSRFMiddleware.fieldName] = cookies[CSRFMiddleware.cookieName] }
        let body = all.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    func login(_ email: String, password: String = DemoData.password) async throws -> TestingHTTPResponse {
        try await post("/login", ["email": email, "password": password])
    }

    /// Logs in as a setup step: the test stops here when the login did not succeed, so nothing after it
    /// can pass for the wrong reason (a "forbidden" that was really "not logged in").
    func signIn(
        _ email: String, password: String = DemoData.password,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let response = try await login(email, password: password)
        try #require(
            response.status == .seeOther && response.headers.first(name: .location) != "/login",
            "login of \(email): \(response.status)", sourceLocation: sourceLocation)
    }

    /// Posts a file the way a browser's `multipart/form-data` form would, with the CSRF token.
    @discardableResult
    func upload(_ path: String, field: String, filename: String, contentType: String, data: Data) async throws
        -> TestingHTTPResponse
    {
        if cookies[CSRFMiddleware.cookieName] == nil { try await get("/login") }
        let boundary = "----koffiepot-test-\(UUID().uuidString)"
        var body = Data()
        body.append(
            Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(CSRFMiddleware.fieldName)\"\r\n\r\n".utf8))
        body.append(Data("\(cookies[CSRFMiddleware.cookieName] ?? "")\r\n".utf8))
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n".utf8)
        )
        body.append(Data("Content-Type: \(contentType)\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await send(
            .POST, path, body: ByteBuffer(data: body),
            contentType: HTTPMediaType(
                type: "multipart", subType: "form-data",
                parameters: ["boundary": boundary]))
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> TestingHTTPResponse {
        try await send(
            method, path, body: body.map { ByteBuffer(string: $0) }, contentType: body == nil ? nil : .urlEncodedForm)
    }

    private func send(_ method: HTTPMethod, _ path: String, body: ByteBuffer?, contentType: HTTPMediaType?) async throws
        -> TestingHTTPResponse
    {
        var captured: TestingHTTPResponse?
        var requestHeaders = headers
        if !cookies.isEmpty {
            requestHeaders.replaceOrAdd(
                name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let contentType { requestHeaders.contentType = contentType }
        try await app.testing().test(method, path, headers: requestHeaders, body: body) { response in
            captured = response
        }
        let response = try #require(captured)
        for value in response.headers[.setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count >= 1 else { continue }
            let name = String(pair[0]), content = pair.count > 1 ? String(pair[1]) : ""
            if content.isEmpty || value.contains("Expires=Thu, 01 Jan 1970") {
                cookies[name] = nil
            } else {
                cookies[name] = content
            }
        }
        return response
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

extension TestingHTTPResponse {
    var text: String { body.string }
    /// The page without what differs on every rendering (each form's fresh idempotency key), for comparing
    /// two pages that must look the same.
    var comparableText: String {
        text.replacing(/name="idempotency_key" value="[^"]*"/, with: #"name="idempotency_key" value="…""#)
    }
}
