import Fluent
import Foundation
import SQLKit
import Vapor

/// Sends due messages. Each message is claimed with a conditional update before it is sent, so two
/// workers (two app instances) never send the same message; a crashed worker's lease runs out and the
/// message is tried again. After `maxAttempts` failures a message is dead and shown to admins.
enum OutboxWorker {
    static let maxAttempts = 5
    static let defaultLease: TimeInterval = 120

    /// 1, 2, 4, 8 … minutes, at most an hour.
    static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(3600, 60 * pow(2, Double(max(0, attempt - 1))))
    }

    @discardableResult
    static func runOnce(
        db: any Database, sender: MessageSender, catalogues: Catalogues, now: Date, limit: Int = 25,
        lease: TimeInterval = defaultLease
    ) async throws -> Int {
        let due = try await OutboxMessage.query(on: db)
            .group(.or) { group in
                group.group(.and) { $0.filter(\.$status == .pending).filter(\.$notBefore <= now) }
                group.group(.and) { $0.filter(\.$status == .sending).filter(\.$leaseUntil < now) }
            }
            .sort(\.$notBefore).limit(limit).all()
        var sent = 0
        for message in due {
            guard let id = message.id, try await claim(id, db: db, now: now, lease: lease) else { continue }
            let attempts = message.attempts + 1
            do {
                let rendered = MessageTemplates.render(message, catalogues: catalogues)
                switch message.channel {
                // The Message-ID is the message's own: a resend after a crash is recognisably the same e-mail.
                case .email:
                    try await sender.sendEmail(
                        message.recipient, rendered.subject, rendered.body,
                        "outbox-\(id.uuidString.lowercased())@koffiepot")
                case .sms: try await sender.sendSMS(message.recipient, rendered.sms)
                }
                // Conditional on still holding it: a message withdrawn meanwhile stays withdrawn.
                try await OutboxMessage.query(on: db).filter(\.$id == id).filter(\.$status == .sending)
                    .set(\.$status, to: .sent).set(\.$sentAt, to: now).set(\.$leaseUntil, to: nil).update()
                sent += 1
            } catch {
                let dead = attempts >= maxAttempts
                try await OutboxMessage.query(on: db).filter(\.$id == id).filter(\.$status == .sending)
                    .set(\.$status, to: dead ? .dead : .pending)
                    .set(\.$notBefore, to: now.addingTimeInterval(backoff(afterAttempt: attempts)))
                    .set(\.$leaseUntil, to: nil)
                    .set(\.$lastError, to: String(String(describing: error).prefix(500))).update()
            }
        }
        return sent
    }

    /// Compare-and-set: only one worker gets a row back.
    private static func claim(_ id: UUID, db: any Database, now: Date, lease: TimeInterval) async throws -> Bool {
        let sql = db.sql
        let rows = try await sql.raw(
            """
            UPDATE outbox_messages SET status = 'sending', lease_until = \(bind: now.addingTimeInterval(lease)), attempts = attempts + 1
            WHERE id = \(bind: id) AND (status = 'pending' OR (status = 'sending' AND lease_until < \(bind: now)))
            RETURNING id
            """
        ).all()
        return rows.count == 1
    }
}

extension Application {
    private struct SenderKey: StorageKey { typealias Value = MessageSender }
    var messageSender: MessageSender {
        get { storage[SenderKey.self] ?? .live(settings: settings, client: client) }
        set { storage[SenderKey.self] = newValue }
    }
}
