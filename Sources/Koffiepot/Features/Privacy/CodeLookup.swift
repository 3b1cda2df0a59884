import Fluent
import Foundation

/// A record its owner reaches with a personal code and a link: a booking, a registration, a question, a
/// conversation code.
protocol CodeHolder: Model {
    var codeHash: String { get set }
    var linkHash: String { get set }
    var linkSealed: String { get set }
}

extension CodeHolder {
    /// Keeps only what is needed to recognise the code and the link later: keyed hashes, and the link sealed.
    func storeCredentials(_ code: PersonalCode, secret: String) throws {
        codeHash = PersonalCode.hash(code.typed, secret: secret)
        linkHash = PersonalCode.hash(code.linkToken, secret: secret)
        linkSealed = try PersonalCode.seal(code.linkToken, secret: secret)
    }
}

/// One way to find such a record: by the link token or by the typed code, through keyed hashes only.
/// Returns the record and its link token.
enum CodeLookup {
    static func byLink<M: CodeHolder>(_ type: M.Type, token: String, secret: String, on db: any Database) async throws
        -> (M, String)?
    {
        guard token.count >= 40, token.count <= 64 else { return nil }
        let record = try await M.query(on: db).filter("link_hash", .equal, PersonalCode.hash(token, secret: secret))
            .first()
        return record.map { ($0, token) }
    }

    static func byCode<M: CodeHolder>(_ type: M.Type, typed: String, secret: String, on db: any Database) async throws
        -> (M, String)?
    {
        let normalized = PersonalCode.normalize(typed) ?? "invalid"
        guard
            let record = try await M.query(on: db).filter(
                "code_hash", .equal, PersonalCode.hash(normalized, secret: secret)
            ).first(),
            let token = PersonalCode.unseal(record.linkSealed, secret: secret)
        else { return nil }
        return (record, token)
    }

    /// Hashes and code for a new record: the link from the idempotency key (or random), the code from the link.
    static func issue(idempotencyKey: String?, secret: String) -> (keyHash: String?, code: PersonalCode) {
        let token = PersonalCode.linkToken(idempotencyKey: idempotencyKey, secret: secret)
        return (
            idempotencyKey.map { PersonalCode.hash("idempotency:" + $0, secret: secret) },
            PersonalCode.code(forLink: token, secret: secret)
        )
    }
}

extension Booking: CodeHolder {}
extension Registration: CodeHolder {}
