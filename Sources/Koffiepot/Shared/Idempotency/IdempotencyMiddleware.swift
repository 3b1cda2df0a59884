import Fluent
import Foundation
import Vapor

/// Every `POST` that carries an idempotency key — the `Idempotency-Key` header of the API, the hidden
/// `idempotency_key` field that `CSRFField` puts in every form — is answered at most once: a repeat with
/// the same key and the same body gets the first answer again (same status, same body, marked
/// `Idempotent-Replayed: true`) without a second write. So a parent who taps twice or reloads on a bad
/// connection gets one booking, one question.
///
/// The key is claimed before the handler runs (a unique row), so two repeats at the same moment cannot
/// both write: the second waits for the first's answer. Only answers below 400 are kept, with their
/// cookies (a form with a mistake can be corrected and sent again with its key). A claim whose request
/// died is taken over after `staleSeconds`; bookings and registrations also carry their key in their own
/// row, so even then they cannot be booked twice.
struct IdempotencyMiddleware: AsyncMiddleware {
    static let header = "Idempotency-Key"
    static let field = "idempotency_key"
    /// A claim this old without an answer belongs to a request whose server died (answers take milliseconds;
    /// nginx gives up on an instance after 30 s): a repeat takes it over.
    static let staleSeconds: Double = 10
    /// How long a repeat waits for the first request's answer before it is told to try again.
    static let waitSeconds: Double = 5

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.method == .POST, let key = try clientKey(req) else { return try await next.respond(to: req) }
        let isAPI = req.url.path.hasPrefix("/api/")
        let bodyHash = IdempotencyKey.bodyHash(of: req)
        switch try await claim(key, bodyHash: bodyHash, req: req) {
        case .replay(let response):
            return response
        case .otherBody where isAPI:
            throw APIProblem(.unprocessableEntity, .idempotencyKeyReused)
        case .otherBody:
            // A form sent again after the parent went back and changed it is a new intent, not a repeat.
            return try await next.respond(to: req)
        case .claimed(let record):
            let response: Response
            do {
                response = try await next.respond(to: req)
            } catch {
                try? await record.delete(on: req.db)
                throw error
            }
            return try await keep(response, in: record, key: key, req: req)
        }
    }

    /// A form's idempotency key, for a service that also keeps it in its own row (bookings).
    static func formKey(_ req: Request) -> String? {
        (try? req.content.get(String.self, at: field)).flatMap { IdempotencyKey.isValid($0) ? $0 : nil }
    }

    /// The key the request carries; a malformed one is a 422 on the API and ignored in a form.
    private func clientKey(_ req: Request) throws -> IdempotencyKey? {
        let secret = req.application.settings.secret ?? ""
        if req.url.path.hasPrefix("/api/") {
            guard let value = req.headers.first(name: Self.header) else { return nil }
            guard IdempotencyKey.isValid(value) else { throw APIProblem(.unprocessableEntity, .badIdempotencyKey) }
            return IdempotencyKey(key: value, path: req.url.path, secret: secret)
        }
        guard req.headers.contentType == .urlEncodedForm || req.headers.contentType?.type == "multipart",
            let value = Self.formKey(req)
        else { return nil }
        return IdempotencyKey(key: value, path: req.url.path, secret: secret)
    }

    private enum Claim {
        case claimed(IdempotencyRecord)
        case replay(Response)
        case otherBody
    }

    private func claim(_ key: IdempotencyKey, bodyHash: String, req: Request) async throws -> Claim {
        let db = req.db, keyHash = key.hash
        let deadline = Date().addingTimeInterval(Self.waitSeconds)
        while true {
            let now = req.application.clock.now()
            let record = IdempotencyRecord(keyHash: keyHash, bodyHash: bodyHash, createdAt: now)
            do {
                try await record.create(on: db)
                return .claimed(record)
            } catch let error as any DatabaseError where error.isConstraintFailure {}
            if let earlier = try await IdempotencyRecord.query(on: db).filter(\.$keyHash == keyHash).first() {
                guard earlier.bodyHash == bodyHash else { return .otherBody }
                if earlier.isAnswered { return .replay(try replay(earlier, key: key)) }
                if earlier.createdAt < now.addingTimeInterval(-Self.staleSeconds) {
                    // The request that claimed it died before answering: take the claim over.
                    try await IdempotencyRecord.query(on: db).filter(\.$id == earlier.requireID()).filter(
                        \.$status == nil
                    ).delete()
                    continue
                }
            }
            guard Date() < deadline else {
                throw req.url.path.hasPrefix("/api/")
                    ? APIProblem(.conflict, .idempotencyKeyInFlight) as any Error : Abort(.conflict)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Stores an answer worth repeating (its body read in full first: the API's answers stream); otherwise frees
    /// the key for the next try.
    private func keep(_ response: Response, in record: IdempotencyRecord, key: IdempotencyKey, req: Request)
        async throws -> Response
    {
        guard response.status.code < 400 else {
            try await record.delete(on: req.db)
            return response
        }
        let body = try await response.body.collect(on: req.eventLoop).get() ?? ByteBuffer()
        response.body = .init(buffer: body)
        record.status = Int(response.status.code)
        record.contentType = response.headers.first(name: .contentType)
        record.bodySealed = try key.seal(
            StoredAnswer(
                location: response.headers.first(name: .location),
                setCookies: response.headers[.setCookie], body: Data(buffer: body)))
        try await record.update(on: req.db)
        return response
    }

    private func replay(_ record: IdempotencyRecord, key: IdempotencyKey) throws -> Response {
        guard let status = record.status, let answer = record.bodySealed.flatMap(key.unseal) else {
            throw Abort(.conflict)
        }
        var headers = HTTPHeaders()
        if let type = record.contentType { headers.replaceOrAdd(name: .contentType, value: type) }
        if let location = answer.location { headers.replaceOrAdd(name: .location, value: location) }
        for cookie in answer.setCookies { headers.add(name: .setCookie, value: cookie) }
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return Response(status: HTTPStatus(statusCode: status), headers: headers, body: .init(data: answer.body))
    }
}
