import Crypto
import Fluent
import Foundation
import Vapor

/// One idempotency key's claim and, once the write is done, its answer. The answer can hold a personal
/// code, so it is sealed with a key derived from the client's idempotency key: only who holds that key
/// can read it back, as with the booking links derived from it. Kept `IdempotencyRecord.keepSeconds`.
final class IdempotencyRecord: Model, @unchecked Sendable {
    static let schema = "idempotency_keys"
    static let keepSeconds: Double = 24 * 3600

    @ID(key: .id) var id: UUID?
    @Field(key: "key_hash") var keyHash: String
    @Field(key: "body_hash") var bodyHash: String
    @Field(key: "created_at") var createdAt: Date
    /// Nil while the first request is still being answered.
    @OptionalField(key: "status") var status: Int?
    @OptionalField(key: "content_type") var contentType: String?
    /// The answer's address, cookies and body (`StoredAnswer`), sealed.
    @OptionalField(key: "body_sealed") var bodySealed: String?

    init() {}
    init(keyHash: String, bodyHash: String, createdAt: Date) {
        self.keyHash = keyHash
        self.bodyHash = bodyHash
        self.createdAt = createdAt
    }

    var isAnswered: Bool { status != nil }
}

/// What is given again: a redirect's address and the cookies can hold a personal link or a session, so
/// they are sealed with the body.
struct StoredAnswer: Codable, Sendable {
    var location: String?
    var setCookies: [String]
    var body: Data
}

/// The hashing and sealing of one client key, scoped to the path it was sent to.
struct IdempotencyKey: Sendable {
    let key: String
    let path: String
    let secret: String

    /// 16 to 100 visible ASCII characters, as `openapi.yaml` promises for `Idempotency-Key`.
    static func isValid(_ key: String) -> Bool {
        (16...100).contains(key.count) && key.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 }
    }

    var hash: String { PersonalCode.hash("idempotent-write:\(path)\n\(key)", secret: secret) }

    /// What "the same body" means: the same bytes of JSON; the same fields of a form in any order (a
    /// browser may order them differently when it sends a form again).
    static func bodyHash(of req: Request) -> String {
        var body = req.body.data.map { Data(buffer: $0) } ?? Data()
        if req.headers.contentType == .urlEncodedForm {
            body = Data(
                String(decoding: body, as: UTF8.self).split(separator: "&").sorted().joined(separator: "&").utf8)
        }
        return SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
    }

    private var sealingKey: SymmetricKey {
        SymmetricKey(data: SHA256.hash(data: Data("idempotent-answer:\(secret)\n\(path)\n\(key)".utf8)))
    }

    func seal(_ answer: StoredAnswer) throws -> String {
        try AES.GCM.seal(JSONEncoder().encode(answer), using: sealingKey).combined!.base64EncodedString()
    }

    func unseal(_ sealed: String) -> StoredAnswer? {
        guard let data = Data(base64Encoded: sealed), let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: sealingKey)
        else { return nil }
        return try? JSONDecoder().decode(StoredAnswer.self, from: plain)
    }
}
