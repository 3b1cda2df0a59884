import Fluent
import Foundation
import SQLKit

/// Proposing, supporting, merging and planning wishes. The supports counter changes in the same transaction
/// as the support rows, and the unique (wish, device) index makes a second support from one device fail.
struct WishService: Sendable {
    let db: any Database
    let settings: Settings
    let now: Date

    private var week: String { LocalDate(containing: now).startOfWeek.description }

    func propose(
        locationID: UUID, topic: Topic?, text: String, deviceKey: String, contact: (kind: ContactKind, value: String?),
        language: Language
    ) async throws -> UUID {
        try await WriteTransaction.run(on: db) { tx in
            let wish = Wish()
            wish.$location.id = locationID
            wish.topic = topic
            wish.text = text
            wish.status = .open
            wish.supports = 1
            wish.week = week
            try await wish.create(on: tx)
            try await support(of: try wish.requireID(), deviceKey: deviceKey, contact: contact, language: language)
                .create(on: tx)
            return try wish.requireID()
        }
    }

    private func support(
        of wishID: UUID, deviceKey: String, contact: (kind: ContactKind, value: String?), language: Language
    ) -> WishSupport {
        let support = WishSupport()
        support.$wish.id = wishID
        support.deviceKey = deviceKey
        support.contactKind = contact.kind
        support.contact = contact.value
        support.messageLanguage = language
        support.week = week
        return support
    }

    /// Adds one support; a merged wish passes it on to the wish it was merged into. Returns the new count.
    func support(_ wishID: UUID, deviceKey: String, language: Language) async throws -> Result<Int, WishError> {
        do {
            return try await WriteTransaction.run(on: db) { tx in
                guard var wish = try await Wish.find(wishID, on: tx) else { return .failure(.notFound) }
                if wish.status == .merged, let target = wish.mergedInto, let into = try await Wish.find(target, on: tx)
                {
                    wish = into
                }
                guard wish.status == .open else { return .failure(.notFound) }
                let id = try wish.requireID()
                try await support(of: id, deviceKey: deviceKey, contact: (.none, nil), language: language).create(
                    on: tx)
                try await tx.sql.raw(
                    "UPDATE wishes SET supports = supports + 1 WHERE id = \(bind: id)"
                ).run()
                return .success(wish.supports + 1)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return .failure(.alreadySupported)
        }
    }

    /// A supporter leaves a contact after supporting, to hear when the wish becomes a gathering.
    func leaveContact(_ wishID: UUID, deviceKey: String, contact: (kind: ContactKind, value: String?)) async throws
        -> Bool
    {
        guard
            let support = try await WishSupport.query(on: db).filter(\.$wish.$id == wishID).filter(
                \.$deviceKey == deviceKey
            ).first()
        else { return false }
        support.contactKind = contact.kind
        support.contact = contact.value
        try await support.save(on: db)
        return true
    }

    /// Folds `source` into `target` (same location): supports move over, a device that supported both counts once.
    func merge(_ source: Wish, into target: Wish) async throws -> Result<Void, WishError> {
        guard source.$location.id == target.$location.id, source.id != target.id, target.status == .open else {
            return .failure(.differentLocation)
        }
        return try await WriteTransaction.run(on: db) { tx in
            let sql = tx.sql
            let sourceID = try source.requireID(), targetID = try target.requireID()
            try await sql.raw(
                """
                DELETE FROM wish_supports WHERE wish_id = \(bind: sourceID)
                AND device_key IN (SELECT device_key FROM wish_supports WHERE wish_id = \(bind: targetID))
                """
            ).run()
            try await sql.raw("UPDATE wish_supports SET wish_id = \(bind: targetID) WHERE wish_id = \(bind: sourceID)")
                .run()
            try await sql.raw(
                "UPDATE wishes SET supports = (SELECT COUNT(*) FROM wish_supports WHERE wish_id = \(bind: targetID)) WHERE id = \(bind: targetID)"
            ).run()
            try await sql.raw(
                "UPDATE wishes SET supports = 0, status = 'merged', merged_into = \(bind: targetID) WHERE id = \(bind: sourceID)"
            ).run()
            return .success(())
        }
    }

    /// The wish became a gathering: every supporter who left a contact is told once (link to the gathering),
    /// and the contacts are erased — they were only kept for this.
    func plan(_ wishID: UUID, gathering: Gathering) async throws {
        try await WriteTransaction.run(on: db) { tx in
            guard let wish = try await Wish.find(wishID, on: tx), wish.status == .open,
                wish.$location.id == gathering.$location.id
            else { return }
            wish.status = .planned
            wish.gatheringID = gathering.id
            try await wish.save(on: tx)
            let supports = try await WishSupport.query(on: tx).filter(\.$wish.$id == wishID).filter(\.$contact != nil)
                .all()
            for support in supports {
                guard
                    let recipient = OutboxRecipient(
                        kind: support.contactKind, contact: support.contact, language: support.messageLanguage)
                else { continue }
                try await Outbox(db: tx, now: now).enqueue(
                    .wishPlanned, about: .wishSupport(try support.requireID()), to: recipient,
                    values: [
                        "title": gathering.title,
                        "link": Paths.absolute(Paths.gathering(gathering.id!), settings.publicURL),
                        "days": "\(settings.bookingRetentionDays)",
                    ])
                support.contact = nil
                support.contactKind = .none
                try await support.save(on: tx)
            }
        }
    }
}
