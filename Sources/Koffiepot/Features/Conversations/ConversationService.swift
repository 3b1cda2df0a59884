import Fluent
import Foundation
import SQLKit

/// What became of a booking attempt for a 10-minute conversation.
enum ConversationBookingOutcome: Sendable {
    case booked(code: PersonalCode, slot: ConversationSlot)
    /// Someone else was first; the nearest free times of the round.
    case taken(nearest: [ConversationSlot])
    /// It would overlap a conversation already under the same code.
    case overlap
    /// No such slot in this round, or it has passed.
    case unknownSlot
    case unknownCode
}

/// What became of moving a conversation to another time.
enum ConversationMoveOutcome: Sendable {
    case moved(ConversationSlot)
    case taken(nearest: [ConversationSlot])
    case overlap
    case unknownSlot
}

/// Plans rounds and books their conversations. A slot holds one conversation because the database refuses a
/// second booking of it (unique index), on every instance; the booking, its code and a ticked support request
/// are stored in one transaction.
struct ConversationService: Sendable {
    let db: any Database
    let settings: Settings
    let catalogues: Catalogues
    let now: Date

    static let retentionDays = 30.0
    var secret: String { settings.secret ?? "" }

    struct Overlap: Error {}

    func planRound(
        locationID: UUID, teacherID: UUID, title: String, group: String, slotMinutes: Int, breakMinutes: Int,
        days: [RoundDay]
    ) async throws -> Result<(ConversationRound, [ConversationSlot]), FieldErrors> {
        let title = TextRules.singleLine(title), group = TextRules.singleLine(group)
        var errors = ConversationRules.problems(title: title, group: group)
        let planned: [PlannedSlot]
        switch ConversationRules.plan(
            days: days, slotMinutes: slotMinutes, breakMinutes: breakMinutes, today: LocalDate(containing: now))
        {
        case .success(let slots): planned = slots
        case .failure(let more): errors.merge(more.fields) { first, _ in first }; planned = []
        }
        guard errors.isEmpty, let last = planned.last else { return .failure(FieldErrors(errors)) }
        return .success(
            try await WriteTransaction.run(on: db) { tx in
                let round = ConversationRound()
                round.$location.id = locationID
                round.$teacher.id = teacherID
                round.title = title
                round.group = group
                round.slotMinutes = slotMinutes
                round.breakMinutes = breakMinutes
                round.createdAt = now
                round.purgeAfter = last.end.addingTimeInterval(Self.retentionDays * 86400)
                try await round.create(on: tx)
                var slots: [ConversationSlot] = []
                for plan in planned {
                    let slot = ConversationSlot()
                    slot.$round.id = try round.requireID()
                    slot.startsAt = plan.start
                    slot.endsAt = plan.end
                    try await slot.create(on: tx)
                    slots.append(slot)
                }
                return (round, slots)
            })
    }

    /// The slots of a round with whether each is still free (past ones are not).
    func slots(of roundID: UUID) async throws -> [(slot: ConversationSlot, free: Bool)] {
        let slots = try await ConversationSlot.query(on: db).filter(\.$round.$id == roundID).sort(\.$startsAt).all()
        let booked = Set(
            try await ConversationBooking.query(on: db).filter(\.$round.$id == roundID).all().map(\.$slot.id))
        return slots.map { ($0, !booked.contains($0.id!) && $0.startsAt > now) }
    }

    /// The teacher's view of her round: every slot in time order with the conversation booked in it, if any.
    func overview(of roundID: UUID) async throws -> [(slot: ConversationSlot, booking: ConversationBooking?)] {
        let slots = try await ConversationSlot.query(on: db).filter(\.$round.$id == roundID).sort(\.$startsAt).all()
        let bookings = try await ConversationBooking.query(on: db).filter(\.$round.$id == roundID).all()
        let bySlot = Dictionary(uniqueKeysWithValues: bookings.map { ($0.$slot.id, $0) })
        return slots.map { ($0, bySlot[$0.id!]) }
    }

    /// The code a parent already holds, as she brings it: typed (API) or as the link of her confirmation page.
    enum HeldCode: Sendable {
        case typed(String)
        case link(String)
    }

    func find(_ held: HeldCode) async throws -> (record: ConversationCode, code: PersonalCode)? {
        switch held {
        case .typed(let typed):
            guard
                let (record, token) = try await CodeLookup.byCode(
                    ConversationCode.self, typed: typed, secret: secret, on: db)
            else { return nil }
            return (record, PersonalCode.code(forLink: token, secret: secret))
        case .link(let token):
            guard
                let (record, token) = try await CodeLookup.byLink(
                    ConversationCode.self, token: token, secret: secret, on: db)
            else { return nil }
            return (record, PersonalCode.code(forLink: token, secret: secret))
        }
    }

    func book(
        roundID: UUID, slotID: UUID, _ input: ValidConversationBooking, existingCode: HeldCode?,
        messageLanguage: Language, idempotencyKey: String? = nil
    ) async throws -> ConversationBookingOutcome {
        guard
            let slot = try await ConversationSlot.query(on: db).filter(\.$id == slotID).filter(\.$round.$id == roundID)
                .with(\.$round).first(),
            slot.startsAt > now
        else { return .unknownSlot }
        var held: (record: ConversationCode, code: PersonalCode)?
        if let existingCode {
            guard let found = try await find(existingCode) else { return .unknownCode }
            held = found
        }
        let (keyHash, fresh) = CodeLookup.issue(idempotencyKey: idempotencyKey, secret: secret)
        if let keyHash, let again = try await replay(keyHash, slot: slot, held: held, fresh: fresh) { return again }
        let earlier = held
        do {
            let code = try await WriteTransaction.run(on: db) { tx in
                let (record, code) = try await holder(
                    earlier, fresh: fresh, input, messageLanguage: messageLanguage, on: tx)
                try await refuseOverlap(record, with: slot, on: tx)
                try await insert(slot: slot, code: record, input, keyHash: keyHash, on: tx)
                return code
            }
            return .booked(code: code, slot: slot)
        } catch is Overlap {
            return .overlap
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The same key sent twice at one moment: the other one booked; this is its answer.
            if let keyHash, let again = try await replay(keyHash, slot: slot, held: held, fresh: fresh) { return again }
            let free = try await slots(of: roundID).filter(\.free).map(\.slot)
            return .taken(nearest: ConversationRules.nearest(to: slot.startsAt, among: free, start: \.startsAt))
        }
    }

    /// The booking made earlier with this idempotency key, answered as then: its code is the parent's earlier
    /// one, or the one derived from the key.
    private func replay(
        _ keyHash: String, slot: ConversationSlot, held: (record: ConversationCode, code: PersonalCode)?,
        fresh: PersonalCode
    ) async throws -> ConversationBookingOutcome? {
        guard let earlier = try await ConversationBooking.query(on: db).filter(\.$idempotencyHash == keyHash).first(),
            earlier.$slot.id == slot.id
        else { return nil }
        return .booked(code: held?.code ?? fresh, slot: slot)
    }

    /// The code the conversation goes under: the parent's earlier one (locked, so two sibling bookings at the
    /// same moment are checked one after the other), or a new one.
    private func holder(
        _ held: (record: ConversationCode, code: PersonalCode)?, fresh: PersonalCode, _ input: ValidConversationBooking,
        messageLanguage: Language, on tx: any Database
    ) async throws -> (ConversationCode, PersonalCode) {
        if let held {
            try await tx.sql.raw(
                "UPDATE conversation_codes SET purge_after = purge_after WHERE id = \(bind: held.record.requireID())"
            ).run()
            return held
        }
        let record = ConversationCode()
        try record.storeCredentials(fresh, secret: secret)
        record.contactKind = input.contactKind
        record.contact = input.contact
        record.messageLanguage = messageLanguage
        record.createdAt = now
        record.purgeAfter = now
        try await record.create(on: tx)
        return (record, fresh)
    }

    private func refuseOverlap(
        _ code: ConversationCode, with slot: ConversationSlot, except moving: UUID? = nil, on tx: any Database
    ) async throws {
        let others = try await ConversationBooking.query(on: tx).filter(\.$code.$id == code.requireID()).with(\.$slot)
            .all()
            .filter { $0.id != moving }
        if others.contains(where: {
            ConversationRules.overlaps(($0.slot.startsAt, $0.slot.endsAt), (slot.startsAt, slot.endsAt))
        }) {
            throw Overlap()
        }
    }

    private func insert(
        slot: ConversationSlot, code: ConversationCode, _ input: ValidConversationBooking, keyHash: String? = nil,
        on tx: any Database
    ) async throws {
        let booking = ConversationBooking()
        booking.$slot.id = try slot.requireID()
        booking.$round.id = slot.$round.id
        booking.$code.id = try code.requireID()
        booking.parentName = input.parentName
        booking.childName = input.childName
        booking.language = input.language
        booking.createdAt = now
        booking.idempotencyHash = keyHash
        try await booking.create(on: tx)
        code.purgeAfter = max(code.purgeAfter, slot.endsAt.addingTimeInterval(Self.retentionDays * 86400))
        try await code.save(on: tx)
        try await tell([.conversationConfirmed, .conversationReminder], about: booking, at: slot, holder: code, on: tx)
        if let support = input.support {
            let request = SupportRequest()
            request.$location.id = slot.round.$location.id
            request.$code.id = try code.requireID()
            request.topicKeys = support.topics.map(\.rawValue).joined(separator: ",")
            request.note = support.note
            request.contactKind = support.contactKind
            request.contact = support.contact
            request.status = .open
            request.offersConsultation = false
            request.createdAt = now
            try await request.create(on: tx)
            try await TeacherReferral.record(.conversation, at: slot.round.$location.id, now: now, on: tx)
        }
    }

    /// Everything a parent holds under her code: her conversations (with round and location) and her open or
    /// handled support requests, earliest conversation first.
    func holdings(of code: ConversationCode) async throws -> (
        bookings: [ConversationBooking], requests: [SupportRequest]
    ) {
        let id = try code.requireID()
        let bookings = try await ConversationBooking.query(on: db).filter(\.$code.$id == id)
            .with(\.$slot).with(\.$round) { $0.with(\.$location) }.all()
            .sorted { $0.slot.startsAt < $1.slot.startsAt }
        let requests = try await SupportRequest.query(on: db).filter(\.$code.$id == id).sort(\.$createdAt).all()
        return (bookings, requests)
    }

    /// Cancels one of the parent's conversations; the slot is free again at once. Her support request stays:
    /// it was never tied to the teacher's conversation.
    func cancel(_ bookingID: UUID, of code: ConversationCode) async throws {
        try await WriteTransaction.run(on: db) { tx in
            guard
                try await ConversationBooking.query(on: tx).filter(\.$id == bookingID).filter(
                    \.$code.$id == code.requireID()
                ).count() == 1
            else { return }
            try await Outbox(db: tx, now: now).withdrawPending(subject: .conversation(bookingID))
            try await ConversationBooking.query(on: tx).filter(\.$id == bookingID).delete()
        }
    }

    /// Confirmation (or "moved") now and a reminder the evening before, to the contact under the code, in the
    /// parent's language. Names stay out of messages: a time, a place, the group and her link.
    private func tell(
        _ templates: [MessageTemplate], about booking: ConversationBooking, at slot: ConversationSlot,
        holder code: ConversationCode,
        on tx: any Database
    ) async throws {
        guard
            let recipient = OutboxRecipient(
                kind: code.contactKind, contact: code.contact, language: code.messageLanguage),
            let token = PersonalCode.unseal(code.linkSealed, secret: secret),
            let location = try await Location.find(slot.round.$location.id, on: tx)
        else { return }
        let t = Localizer(language: code.messageLanguage, catalogues: catalogues)
        let values = [
            "when": "\(t.dayTitle(LocalDate(containing: slot.startsAt))), \(SlotText.span(slot.startsAt, slot.endsAt))",
            "where": [location.name, location.address].filter { !$0.isEmpty }.joined(separator: ", "),
            "group": slot.round.group,
            "link": Paths.absolute(Paths.conversation(token), settings.publicURL), "days": "\(Int(Self.retentionDays))",
        ]
        for template in templates {
            var notBefore = now
            if template == .conversationReminder {
                guard let eve = Outbox.reminderTime(before: slot.startsAt, now: now) else { continue }
                notBefore = eve
            }
            try await Outbox(db: tx, now: now).enqueue(
                template, about: .conversation(booking.requireID()), to: recipient, values: values,
                occasion: try slot.requireID().uuidString, notBefore: notBefore)
        }
    }

    /// Moves a conversation to another free time of the same round, in one step: the unique index on the slot
    /// refuses a time someone else holds, so the parent keeps her old time when the new one was just taken.
    func move(_ bookingID: UUID, of code: ConversationCode, to slotID: UUID) async throws -> ConversationMoveOutcome {
        guard
            let booking = try await ConversationBooking.query(on: db).filter(\.$id == bookingID).filter(
                \.$code.$id == code.requireID()
            ).first(),
            let slot = try await ConversationSlot.query(on: db).filter(\.$id == slotID).filter(
                \.$round.$id == booking.$round.id
            )
            .with(\.$round).first(),
            slot.startsAt > now
        else { return .unknownSlot }
        do {
            try await WriteTransaction.run(on: db) { tx in
                try await refuseOverlap(code, with: slot, except: bookingID, on: tx)
                booking.$slot.id = slotID
                try await booking.update(on: tx)
                code.purgeAfter = max(code.purgeAfter, slot.endsAt.addingTimeInterval(Self.retentionDays * 86400))
                try await code.update(on: tx)
                // The old time's confirmation and reminder must never arrive after the move.
                try await Outbox(db: tx, now: now).withdrawPending(subject: .conversation(bookingID))
                try await tell(
                    [.conversationMoved, .conversationReminder], about: booking, at: slot, holder: code, on: tx)
            }
            return .moved(slot)
        } catch is Overlap {
            return .overlap
        } catch let error as any DatabaseError where error.isConstraintFailure {
            let free = try await slots(of: booking.$round.id).filter(\.free).map(\.slot)
            return .taken(nearest: ConversationRules.nearest(to: slot.startsAt, among: free, start: \.startsAt))
        }
    }
}
