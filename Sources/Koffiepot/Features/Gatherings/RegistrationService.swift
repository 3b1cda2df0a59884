import Fluent
import Foundation
import SQLKit

/// What became of a registration attempt.
enum RegistrationOutcome: Sendable {
    case registered(RegistrationReceipt)
    case replayed(RegistrationReceipt)
    /// More adults than the gathering has places at all.
    case tooMany
    /// Past, cancelled, a walk-in, or not there.
    case unavailable
}

struct RegistrationReceipt: Sendable {
    let registrationID: UUID
    let status: RegistrationStatus
    /// Place in the waiting list (1 = next), for a waitlisted registration.
    let position: Int?
    let code: PersonalCode
}

/// Registers, cancels and promotes. Every change runs in one write transaction that first locks the
/// gathering (PostgreSQL `FOR UPDATE`; SQLite `BEGIN IMMEDIATE`), so the queue order, the places and the
/// promotion messages stay consistent across app instances.
struct RegistrationService: Sendable {
    let db: any Database
    let settings: Settings
    let catalogues: Catalogues
    let now: Date

    var secret: String { settings.secret ?? "" }

    func register(gatheringID: UUID, _ input: RegistrationInput, messageLanguage: Language, idempotencyKey: String?)
        async throws -> RegistrationOutcome
    {
        let (keyHash, code) = CodeLookup.issue(idempotencyKey: idempotencyKey, secret: secret)
        if let keyHash, let earlier = try await replay(keyHash, key: idempotencyKey) { return earlier }
        let token = code.linkToken
        do {
            return try await WriteTransaction.run(on: db) { tx in
                guard let gathering = try await lock(gatheringID, on: tx), gathering.kind.needsRegistration,
                    !gathering.cancelled, gathering.startsAt > now
                else { return .unavailable }
                let waiting = try await Registration.query(on: tx).filter(\.$gathering.$id == gatheringID)
                    .filter(\.$status == .waitlisted).count()
                let placement = WaitingList.place(
                    adults: input.adults, capacity: gathering.capacity, taken: gathering.taken,
                    anyoneWaiting: waiting > 0)
                guard placement != .tooMany else { return .tooMany }
                var status = RegistrationStatus.waitlisted
                if placement == .confirmed, try await takePlaces(gatheringID, input.adults, on: tx) {
                    status = .confirmed
                }
                let seq = try await nextSeq(gatheringID, on: tx)
                let registration = Registration()
                registration.$gathering.id = gatheringID
                registration.seq = seq
                try registration.storeCredentials(code, secret: secret)
                registration.idempotencyHash = keyHash
                registration.name = input.name
                registration.contactKind = input.contactKind
                registration.contact = input.contact
                registration.adults = input.adults
                registration.language = input.language
                registration.childcare = input.childcare
                registration.interpreter = input.interpreter
                registration.messageLanguage = messageLanguage
                registration.status = status
                registration.createdAt = now
                registration.$invitation.id = input.invitationID
                registration.purgeAfter = gathering.lastEnd.addingTimeInterval(
                    Double(settings.bookingRetentionDays) * 86400)
                try await registration.create(on: tx)
                try await ContactFacts.record(
                    .init(
                        kind: gathering.kind == .walkIn ? .walkIn : .gathering, outcome: .registered,
                        at: gathering.startsAt,
                        locationID: gathering.$location.id, language: input.language,
                        channel: try await channel(of: input.invitationID, via: input.via, on: tx),
                        topic: gathering.topics.first?.rawValue, people: input.adults,
                        firstContact: input.firstContact),
                    subject: "registration:\(try registration.requireID())", secret: secret, on: tx)
                try await notify(
                    status == .confirmed ? .registrationConfirmed : .registrationWaitlisted, registration, gathering,
                    token: token, on: tx)
                if status == .confirmed { try await askForFeedback(registration, gathering, token: token, on: tx) }
                let position = status == .waitlisted ? waiting + 1 : nil
                return .registered(
                    RegistrationReceipt(
                        registrationID: try registration.requireID(), status: status, position: position, code: code))
            }
        } catch {
            if (error as? any DatabaseError)?.isConstraintFailure == true, let keyHash,
                let earlier = try await replay(keyHash, key: idempotencyKey)
            {
                return earlier
            }
            throw error
        }
    }

    /// The advisor calls the gathering off: every registration (places and waiting list) is cancelled, pending
    /// messages to them are withdrawn, and each is told once with the advisor's words.
    func cancelGathering(_ gatheringID: UUID, message: String) async throws -> Bool {
        try await WriteTransaction.run(on: db) { tx in
            guard let gathering = try await lock(gatheringID, on: tx), !gathering.cancelled else { return false }
            gathering.cancelled = true
            try await gathering.save(on: tx)
            let registrations = try await Registration.query(on: tx).filter(\.$gathering.$id == gatheringID).filter(
                \.$status != .cancelled
            ).all()
            for registration in registrations {
                registration.status = .cancelled
                try await registration.save(on: tx)
                try await Outbox(db: tx, now: now).withdrawPending(subject: .registration(registration.requireID()))
                guard let token = PersonalCode.unseal(registration.linkSealed, secret: secret) else { continue }
                try await notify(
                    .gatheringCancelled, registration, gathering, token: token,
                    link: Paths.absolute(Paths.gatherings, settings.publicURL),
                    extra: ["message": message], on: tx)
            }
            return true
        }
    }

    /// How a person found the gathering, for the reach figures: the role of whoever made the invitation, or `direct`.
    private func channel(of invitationID: UUID?, via: String?, on tx: any Database) async throws -> String {
        guard let invitationID, let invitation = try await Invitation.find(invitationID, on: tx),
            let creator = try await StaffUser.find(invitation.createdBy, on: tx)
        else { return via ?? "direct" }
        return creator.role.rawValue
    }

    /// Cancels once; freed places go to the waiting list in order, each promoted person told exactly once.
    @discardableResult
    func cancel(_ registrationID: UUID) async throws -> Bool {
        try await WriteTransaction.run(on: db) { tx in
            guard let registration = try await Registration.find(registrationID, on: tx),
                let gathering = try await lock(registration.$gathering.id, on: tx),
                registration.status != .cancelled
            else { return false }
            let wasConfirmed = registration.status == .confirmed
            registration.status = .cancelled
            try await registration.save(on: tx)
            // Nothing more is sent to someone whose registration ended (the feedback question included).
            try await Outbox(db: tx, now: now).withdrawPending(subject: .registration(registrationID))
            if wasConfirmed {
                try await PlaceCounter.gatherings.release(registration.adults, of: gathering.requireID(), on: tx)
                try await promote(gathering.requireID(), on: tx)
            }
            return true
        }
    }

    /// Moves people up from the waiting list while places are free — never once the gathering has started.
    private func promote(_ gatheringID: UUID, on tx: any Database) async throws {
        guard let gathering = try await Gathering.query(on: tx).filter(\.$id == gatheringID).with(\.$location).first(),
            gathering.startsAt > now, !gathering.cancelled
        else { return }
        let queue = try await Registration.query(on: tx).filter(\.$gathering.$id == gatheringID).filter(
            \.$status == .waitlisted
        )
        .sort(\.$seq).all()
        let chosen = Set(
            WaitingList.promotions(free: gathering.capacity - gathering.taken, queue: queue.map { ($0.seq, $0.adults) })
        )
        for registration in queue where chosen.contains(registration.seq) {
            guard try await takePlaces(gatheringID, registration.adults, on: tx) else { break }
            registration.status = .confirmed
            registration.promotedAt = now
            try await registration.save(on: tx)
            if let token = PersonalCode.unseal(registration.linkSealed, secret: secret) {
                try await notify(.registrationPromoted, registration, gathering, token: token, on: tx)
                try await askForFeedback(registration, gathering, token: token, on: tx)
            }
        }
    }

    /// Locks the gathering row for the rest of the transaction (PostgreSQL); SQLite already holds the write lock.
    private func lock(_ id: UUID, on tx: any Database) async throws -> Gathering? {
        try await RowLock.lock("gatherings", id: id, on: tx)
        return try await Gathering.query(on: tx).filter(\.$id == id).with(\.$location).first()
    }

    private func takePlaces(_ id: UUID, _ adults: Int, on tx: any Database) async throws -> Bool {
        try await PlaceCounter.gatherings.take(adults, of: id, now: now, on: tx)
    }

    private func nextSeq(_ id: UUID, on tx: any Database) async throws -> Int {
        let highest = try await Registration.query(on: tx).filter(\.$gathering.$id == id).max(\.$seq)
        return (highest ?? 0) + 1
    }

    private func replay(_ keyHash: String, key: String?) async throws -> RegistrationOutcome? {
        guard let earlier = try await Registration.query(on: db).filter(\.$idempotencyHash == keyHash).first() else {
            return nil
        }
        let token = PersonalCode.linkToken(idempotencyKey: key, secret: secret)
        let position = try await self.position(of: earlier)
        return .replayed(
            RegistrationReceipt(
                registrationID: try earlier.requireID(), status: earlier.status, position: position,
                code: PersonalCode.code(forLink: token, secret: secret)))
    }

    /// 1 = next in line; nil when not waiting.
    func position(of registration: Registration) async throws -> Int? {
        guard registration.status == .waitlisted else { return nil }
        let ahead = try await Registration.query(on: db).filter(\.$gathering.$id == registration.$gathering.id)
            .filter(\.$status == .waitlisted).filter(\.$seq < registration.seq).count()
        return ahead + 1
    }

    /// "How was it?" an hour after the (first) session ends, to whoever has a place and left a contact.
    private func askForFeedback(
        _ registration: Registration, _ gathering: Gathering, token: String, on tx: any Database
    ) async throws {
        try await notify(
            .feedbackRequest, registration, gathering, token: token,
            notBefore: gathering.endsAt.addingTimeInterval(3600),
            link: Paths.absolute(Paths.registration(token, "/feedback"), settings.publicURL), on: tx)
    }

    private func notify(
        _ template: MessageTemplate, _ registration: Registration, _ gathering: Gathering, token: String,
        notBefore: Date? = nil,
        link: String? = nil, extra: [String: String] = [:], on tx: any Database
    ) async throws {
        guard
            let recipient = OutboxRecipient(
                kind: registration.contactKind, contact: registration.contact, language: registration.messageLanguage)
        else { return }
        let t = Localizer(language: registration.messageLanguage, catalogues: catalogues)
        let day = LocalDate(containing: gathering.startsAt)
        let values = [
            "when": "\(t.dayTitle(day)), \(ClockTime.format(Calendar.amsterdamMinute(of: gathering.startsAt)))",
            "where": [gathering.location.name, gathering.room].filter { !$0.isEmpty }.joined(separator: ", "),
            "title": gathering.title, "link": link ?? Paths.absolute(Paths.registration(token), settings.publicURL),
            "days": "\(settings.bookingRetentionDays)",
            "rebook": Paths.absolute(Paths.gathering(gathering.id!), settings.publicURL),
        ].merging(extra) { $1 }
        try await Outbox(db: tx, now: now).enqueue(
            template, about: .registration(try registration.requireID()), to: recipient, values: values,
            notBefore: notBefore)
    }
}
