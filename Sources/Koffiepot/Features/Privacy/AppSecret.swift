import Fluent
import Foundation
import Vapor

/// The key for hashing personal codes and throttle keys. From `KOFFIEPOT_SECRET`, or generated once
/// and kept in the database so that every instance of one installation uses the same key.
final class AppSecret: Model, @unchecked Sendable {
    static let schema = "app_secrets"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "value") var value: String

    init() {}
    init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Loads (or creates) the installation secret; the unique name makes a race between instances safe.
    static func ensure(on db: any Database) async throws -> String {
        if let existing = try await AppSecret.query(on: db).filter(\.$name == "codes").first() { return existing.value }
        do {
            try await AppSecret(name: "codes", value: PersonalCode.randomToken()).create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {}
        guard let stored = try await AppSecret.query(on: db).filter(\.$name == "codes").first() else {
            throw Abort(.internalServerError, reason: "no installation secret")
        }
        return stored.value
    }
}

extension Application {
    /// Completes the settings with the installation secret (unless `KOFFIEPOT_SECRET` gave one): the server and
    /// every command that hashes codes or tokens must use the same key.
    func loadSecret() async throws {
        if settings.secret == nil { settings.secret = try await AppSecret.ensure(on: db) }
    }
}
