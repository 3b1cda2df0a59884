import Foundation
import OpenAPIRuntime
import Vapor

/// The one problem answer of the JSON API: a stable machine code in `error` and a readable `message`
/// from the catalogues in the request's language (`?lang=`, cookie, `Accept-Language`), beside the
/// RFC 9457 fields (`detail` repeats the message). Handlers, middleware errors and requests the
/// generated server could not read all answer through it.
struct APIProblem: Error, Sendable, Equatable {
    let status: HTTPStatus
    /// Stable for partners: never reworded, never translated.
    let code: String
    /// Catalogue keys of the message: one, or one per invalid field.
    let messageKeys: [String]
    var values: [String: String] = [:]
    /// For a 422: every invalid field with its code.
    var fields: [String: String] = [:]

    init(_ status: HTTPStatus, _ code: APIErrorCode, _ values: [String: String] = [:]) {
        self.status = status
        self.code = code.rawValue
        messageKeys = ["api.error.\(code.rawValue)"]
        self.values = values
    }

    /// 422 from the shared field rules: `errors` maps a field to its catalogue key (`error.bad_text`,
    /// `wish.error.empty`); the code is the key without its `error` part (`bad_text`, `wish_empty`). The
    /// first field (by name) gives the top-level code; every message goes into `message`.
    init(invalidFields errors: [String: String]) {
        let sorted = errors.sorted { $0.key < $1.key }
        let codeOf = { (key: String) in key.split(separator: ".").filter { $0 != "error" }.joined(separator: "_") }
        status = .unprocessableEntity
        code = sorted.first.map { codeOf($0.value) } ?? APIErrorCode.invalidField.rawValue
        messageKeys = sorted.isEmpty ? ["api.error.invalid_field"] : sorted.map(\.value)
        fields = Dictionary(uniqueKeysWithValues: sorted.map { ($0.key, codeOf($0.value)) })
    }

    func message(_ t: Localizer) -> String {
        messageKeys.map { t($0, values) }.joined(separator: " ")
    }

    /// The body as the generated API types carry it.
    func schema(_ t: Localizer) -> Components.Schemas.Problem {
        let message = message(t)
        return .init(
            _type: "about:blank", title: status.reasonPhrase, status: Int(status.code), detail: message,
            error: code, message: message,
            fields: fields.isEmpty ? nil : .init(additionalProperties: fields))
    }

    /// The same body for errors raised outside the generated handlers (middleware, unreadable requests).
    func response(_ t: Localizer) throws -> Response {
        let data = try JSONEncoder.sortedKeys.encode(schema(t))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/problem+json; charset=utf-8")
        if status == .tooManyRequests { headers.replaceOrAdd(name: .retryAfter, value: "600") }
        return Response(status: status, headers: headers, body: .init(data: data))
    }
}

extension JSONEncoder {
    static let sortedKeys: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// The API's problem codes, each with its message `api.error.<code>` in every catalogue. Field
/// errors (422) use the codes of the form rules instead (`bad_text`, `contact`, …).
enum APIErrorCode: String, CaseIterable, Sendable {
    // What the request looked like.
    case malformedJSON = "malformed_json"
    case unsupportedMediaType = "unsupported_media_type"
    case missingField = "missing_field"
    case invalidField = "invalid_field"
    case badRequest = "bad_request"
    case tooLarge = "too_large"
    case rateLimited = "rate_limited"
    case notFound = "not_found"
    case methodNotAllowed = "method_not_allowed"
    case unauthorized
    case forbidden
    case serverError = "server_error"
    // What it asked for.
    case badDate = "bad_date"
    case badRange = "bad_range"
    case rangeTooLong = "range_too_long"
    case unknownLocation = "unknown_location"
    case unknownSlot = "unknown_slot"
    case unknownGathering = "unknown_gathering"
    case unknownWish = "unknown_wish"
    case unknownCode = "unknown_code"
    case slotTaken = "slot_taken"
    case slotUnavailable = "slot_unavailable"
    case badIdempotencyKey = "bad_idempotency_key"
    case idempotencyKeyReused = "idempotency_key_reused"
    case idempotencyKeyInFlight = "idempotency_key_in_flight"
    case tooManyAdults = "too_many_adults"
    case registrationClosed = "registration_closed"
    case alreadySupported = "already_supported"
    case feedbackGiven = "feedback_given"
    case unknownRound = "unknown_round"
    case overlap
    case unknownLanguage = "unknown_language"
    case speechUnavailable = "speech_unavailable"
}

/// The caller's address and language while an API request is handled: the generated handlers do not
/// see the request (set by `APIContextMiddleware`).
enum APIClient {
    @TaskLocal static var address = "unknown"
    @TaskLocal static var language = Language.nl
    /// The owner of the request's personal API token, if it carried one.
    @TaskLocal static var staff: StaffUser?
}

extension KoffiepotAPI {
    /// A problem body in the caller's language, for the generated responses.
    func problem(_ status: HTTPStatus, _ code: APIErrorCode, _ values: [String: String] = [:])
        -> Components.Schemas.Problem
    {
        APIProblem(status, code, values).schema(localizer)
    }

    func problem(invalidFields errors: [String: String]) -> Components.Schemas.Problem {
        APIProblem(invalidFields: errors).schema(localizer)
    }

    var localizer: Localizer { Localizer(language: APIClient.language, catalogues: app.catalogues) }

    /// One answer for a wrong, expired, cancelled or purged booking or registration code: nothing to guess from.
    var codeNotFound: Components.Responses.NotFound {
        .init(body: .application_problem_plus_json(problem(.notFound, .unknownCode)))
    }

    /// The one role check of the staff API: no token is a 401, a role not in `roles` a 403.
    func staff(_ roles: Set<Role>) throws -> StaffUser {
        guard let staff = APIClient.staff else { throw APIProblem(.unauthorized, .unauthorized) }
        guard roles.contains(staff.role) else { throw APIProblem(.forbidden, .forbidden) }
        return staff
    }
}

extension APIProblem {
    /// What any error thrown while answering an API request means for the caller.
    init(classifying error: any Error) {
        // DecodingError is checked before AbortError: Vapor makes every DecodingError a plain 400.
        if let problem = error as? APIProblem {
            self = problem
        } else if let decoding = error as? DecodingError {
            self.init(decoding: decoding)
        } else if let abort = error as? any AbortError {
            self.init(abort.status, Self.code(for: abort.status))
        } else if let server = error as? ServerError {
            // What a handler or the request decoder threw is classified like any other error.
            let inner = server.underlyingError
            if inner is APIProblem || inner is DecodingError || inner is any AbortError {
                self.init(classifying: inner)
            } else if server.httpStatus == .unsupportedMediaType {
                self.init(.unsupportedMediaType, .unsupportedMediaType)
            } else if server.operationInput == nil {
                self.init(.badRequest, .badRequest)
            } else {
                self.init(.internalServerError, .serverError)
            }
        } else {
            self.init(.internalServerError, .serverError)
        }
    }

    /// Unreadable JSON is a 400; readable JSON with a missing or wrong field is a 422 naming the field.
    private init(decoding error: DecodingError) {
        let path = { (context: DecodingError.Context, key: (any CodingKey)?) in
            (context.codingPath + (key.map { [$0] } ?? [])).map(\.stringValue).joined(separator: ".")
        }
        let field: (code: APIErrorCode, name: String)
        switch error {
        case .keyNotFound(let key, let context): field = (.missingField, path(context, key))
        case .valueNotFound(_, let context): field = (.missingField, path(context, nil))
        case .typeMismatch(_, let context): field = (.invalidField, path(context, nil))
        case .dataCorrupted(let context) where !context.codingPath.isEmpty: field = (.invalidField, path(context, nil))
        default:
            self.init(.badRequest, .malformedJSON)
            return
        }
        self.init(.unprocessableEntity, field.code, ["field": field.name])
        fields = [field.name: field.code.rawValue]
    }

    private static func code(for status: HTTPStatus) -> APIErrorCode {
        switch status {
        case .badRequest: .badRequest
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .payloadTooLarge: .tooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .unprocessableEntity: .invalidField
        case .tooManyRequests: .rateLimited
        default: status.code >= 500 ? .serverError : .badRequest
        }
    }
}
