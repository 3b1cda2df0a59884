import Fluent
import Foundation
import SQLKit

/// What became of a booking attempt.
enum BookingOutcome: Sendable {
    case booked(BookingReceipt)
    /// The same idempotency key again: the first booking, nothing new stored.
    case replayed(BookingReceipt)
    /// "This time was just taken."
    case taken
    /// In the past, cancelled, or not there at all.
    case unavailable
    /// The idempotency key was used before for another slot.
    case keyReused
}

struct BookingReceipt: Sendable {
    let bookingID: UUID
    let slotID: UUID
    let code: PersonalCode
}

/// Books, cancels and moves consultation bookings. Seats are taken with a conditional update inside a
/// write transaction, together with the booking and its messages: all or nothing, never double-booked.
struct BookingService: Sendable {
    let db: any Database
    let settings: Settings
    let catalogues: Catalogues
    let now: Date

    var secret: String { settings.secret ?? "" }

    struct SeatUnavailable: Error {}

    func book(slotID: UUID, _ input: ValidBooking, messageLanguage: Language, idempotencyKey: String?) async throws
        -> BookingOutcome
    {
        let (keyHash, code) = CodeLookup.issue(idempotencyKey: idempotencyKey, secret: secret)
        if let keyHash, let earlier = try await replay(keyHash: keyHash, slotID: slotID, key: idempotencyKey) {
            return earlier
        }
        // Not offered on a holiday or a day the advisor cancelled (the seat guard below handles full, past, cancelled).
        if try await ConsultationSlot.find(slotID, on: db).map({ $0.taken < $0.capacity }) == true,
            try await !SlotQueries.isOffered(slotID, now: now, on: db)
        {
            return .unavailable
        }
        do {
            let bookingID = try await WriteTransaction.run(on: db) { tx in
                try await takeSeat(slotID, on: tx)
                return try await insert(
                    slotID: slotID, input, code: code, keyHash: keyHash, language: messageLanguage, on: tx)
            }
            return .booked(BookingReceipt(bookingID: bookingID, slotID: slotID, code: code))
        } catch is SeatUnavailable {
            guard let slot = try await ConsultationSlot.find(slotID, on: db), !slot.cancelled, slot.startsAt > now
            else { return .unavailable }
            return .taken
        } catch {
            // Two submits with one key at the same moment: the other one won; answer with its booking.
            if (error as? any DatabaseError)?.isConstraintFailure == true, let keyHash,
                let earlier = try await replay(keyHash: keyHash, slotID: slotID, key: idempotencyKey)
            {
                return earlier
            }
            throw error
        }
    }

    private func replay(keyHash: String, slotID: UUID, key: String?) async throws -> BookingOutcome? {
        guard let earlier = try await Booking.query(on: db).filter(\.$idempotencyHash == keyHash).first() else {
            return nil
        }
        guard earlier.$slot.id == slotID else { return .keyReused }
        let token = PersonalCode.linkToken(idempotencyKey: key, secret: secret)
        return .replayed(
            BookingReceipt(
                bookingID: try earlier.requireID(), slotID: slotID,
                code: PersonalCode.code(forLink: token, secret: secret)))
    }

    /// The guard: one statement that only succeeds while a seat is free, the slot is open and in the future.
    private func takeSeat(_ slotID: UUID, on tx: any Database) async throws {
        guard try await PlaceCounter.consultationSlots.take(of: slotID, now: now, on: tx) else {
            throw SeatUnavailable()
        }
    }

    private func releaseSeat(_ slotID: UUID, on tx: any Database) async throws {
        try await PlaceCounter.consultationSlots.release(of: slotID, on: tx)
    }

    /// Stores the booking and its messages once the seat is taken (the concurrency test's unguarded
    /// booker stores through it too, so its negative control differs from this service only in the guard).
    func insert(
        slotID: UUID, _ input: ValidBooking, code: PersonalCode, keyHash: String?, language: Language,
        on tx: any Database
    ) async throws -> UUID {
        guard
            let slot = try await ConsultationSlot.query(on: tx).filter(\.$id == slotID).with(\.$location).with(
                \.$advisor
            ).first()
        else { throw SeatUnavailable() }
        let booking = Booking()
        booking.$slot.id = slotID
        try booking.storeCredentials(code, secret: secret)
        booking.idempotencyHash = keyHash
        booking.name = input.name
        booking.contactKind = input.contactKind
        booking.contact = input.contact
        booking.topicKeys = input.topics.map(\.rawValue).joined(separator: ",")
        booking.about = input.about
        booking.participants = input.participants
        booking.teacherName = input.teacherName
        booking.booker = input.booker
        booking.language = input.language
        booking.via = input.via
        booking.interpreter = input.interpreter
        booking.firstContact = input.firstContact
        booking.messageLanguage = language
        booking.status = .booked
        booking.advisorNote = ""
        booking.createdAt = now
        booking.purgeAfter = slot.endsAt.addingTimeInterval(Double(settings.bookingRetentionDays) * 86400)
        try await booking.create(on: tx)
        try await enqueue(
            [.bookingConfirmed, .bookingReminder], for: booking, slot: slot, token: code.linkToken, on: tx)
        return try booking.requireID()
    }

    /// Confirmation now, reminder the day before at 18:00 local time (skipped when that has passed).
    func enqueue(
        _ templates: [MessageTemplate], for booking: Booking, slot: ConsultationSlot, token: String,
        extra: [String: String] = [:],
        on tx: any Database
    ) async throws {
        guard
            let recipient = OutboxRecipient(
                kind: booking.contactKind, contact: booking.contact, language: booking.messageLanguage)
        else { return }
        let t = Localizer(language: booking.messageLanguage, catalogues: catalogues)
        var values = MessageValues.forSlot(
            slot, t: t, publicURL: settings.publicURL, token: token, retentionDays: settings.bookingRetentionDays)
        values.merge(extra) { _, new in new }
        for template in templates {
            var notBefore = now
            if template == .bookingReminder {
                guard let eve = Outbox.reminderTime(before: slot.startsAt, now: now) else { continue }
                notBefore = eve
            }
            try await Outbox(db: tx, now: now).enqueue(
                template, about: .booking(try booking.requireID()), to: recipient, values: values,
                occasion: "\(try slot.requireID()):\(extra["nonce"] ?? "")", notBefore: notBefore)
        }
    }

    /// The advisor marks a talk held or a no-show. The anonymous fact for the insight figures is replaced (marking
    /// again never counts twice), and after a held talk a parent who left a contact is asked "how was it?" once.
    func mark(_ booking: Booking, _ status: BookingStatus) async throws {
        try await WriteTransaction.run(on: db) { tx in
            booking.status = status
            try await booking.save(on: tx)
            guard
                let slot = try await ConsultationSlot.query(on: tx).filter(\.$id == booking.$slot.id)
                    .with(\.$location).with(\.$advisor).first()
            else { return }
            let bookingID = try booking.requireID()
            try await ContactFacts.record(
                .init(
                    kind: .consultation, outcome: status == .held ? .held : .noShow, at: slot.startsAt,
                    locationID: slot.$location.id, language: booking.language,
                    channel: booking.via ?? booking.booker.rawValue,
                    topic: booking.topicKeys.split(separator: ",").first.map(String.init),
                    firstContact: booking.firstContact),
                subject: "booking:\(bookingID)", secret: secret, on: tx)
            let asked = try await Outbox(db: tx, now: now).hasMessage(.feedbackRequest, about: .booking(bookingID))
            guard status == .held, !asked, let token = PersonalCode.unseal(booking.linkSealed, secret: secret) else {
                return
            }
            try await enqueue(
                [.feedbackRequest], for: booking, slot: slot, token: token,
                extra: ["link": Paths.absolute(Paths.booking(token, "/feedback"), settings.publicURL)], on: tx)
        }
    }

    /// Cancels a booking once; the seat is free again at once and every message still to be sent about it
    /// (a confirmation waiting for its retry, the reminder) is withdrawn.
    @discardableResult
    func cancel(_ bookingID: UUID, advisorMessage: String? = nil) async throws -> Bool {
        try await WriteTransaction.run(on: db) { tx in
            let sql = tx.sql
            let changed = try await sql.raw(
                """
                UPDATE bookings SET status = 'cancelled' WHERE id = \(bind: bookingID) AND status = 'booked' RETURNING slot_id
                """
            ).all()
            guard let row = changed.first else { return false }
            let slotID = try row.decode(column: "slot_id", as: UUID.self)
            try await releaseSeat(slotID, on: tx)
            try await Outbox(db: tx, now: now).withdrawPending(subject: .booking(bookingID))
            if let advisorMessage, let booking = try await Booking.find(bookingID, on: tx),
                let slot = try await ConsultationSlot.query(on: tx).filter(\.$id == slotID).with(\.$location).with(
                    \.$advisor
                ).first(),
                let token = PersonalCode.unseal(booking.linkSealed, secret: secret)
            {
                try await enqueue(
                    [.bookingCancelled], for: booking, slot: slot, token: token,
                    extra: ["message": advisorMessage, "nonce": "cancel"], on: tx)
            }
            return true
        }
    }

    /// Moves a booking to another free slot of the same location: the new seat is taken first, so the
    /// booker never ends up with nothing.
    func move(_ bookingID: UUID, to newSlotID: UUID, token: String) async throws -> BookingOutcome {
        do {
            return try await WriteTransaction.run(on: db) { tx in
                guard let booking = try await Booking.find(bookingID, on: tx), booking.status == .booked,
                    let old = try await ConsultationSlot.find(booking.$slot.id, on: tx),
                    let new = try await ConsultationSlot.find(newSlotID, on: tx), new.$location.id == old.$location.id,
                    newSlotID != booking.$slot.id
                else { return .unavailable }
                try await takeSeat(newSlotID, on: tx)
                try await releaseSeat(old.requireID(), on: tx)
                booking.$slot.id = newSlotID
                booking.purgeAfter = new.endsAt.addingTimeInterval(Double(settings.bookingRetentionDays) * 86400)
                try await booking.save(on: tx)
                // The old time's confirmation and reminder must not arrive after the move.
                try await Outbox(db: tx, now: now).withdrawPending(subject: .booking(bookingID))
                guard
                    let slot = try await ConsultationSlot.query(on: tx).filter(\.$id == newSlotID).with(\.$location)
                        .with(\.$advisor).first()
                else { return .unavailable }
                try await enqueue([.bookingMoved, .bookingReminder], for: booking, slot: slot, token: token, on: tx)
                return .booked(
                    BookingReceipt(
                        bookingID: bookingID, slotID: newSlotID, code: PersonalCode.code(forLink: token, secret: secret)
                    ))
            }
        } catch is SeatUnavailable {
            return .taken
        }
    }

}

/// The values a booking message may carry: when, where, with whom, and the link. Never the booker's text.
enum MessageValues {
    static func forSlot(_ slot: ConsultationSlot, t: Localizer, publicURL: String, token: String, retentionDays: Int)
        -> [String: String]
    {
        let day = LocalDate(containing: slot.startsAt)
        let time = ClockTime.format(Calendar.amsterdamMinute(of: slot.startsAt))
        let place: String
        switch slot.mode {
        case .inPerson: place = [slot.location.name, slot.room].filter { !$0.isEmpty }.joined(separator: ", ")
        case .phone: place = t("slotmode.phone") + " (" + slot.location.name + ")"
        case .video: place = t("slotmode.video")
        }
        return [
            "when": "\(t.dayTitle(day)), \(time)", "where": place, "advisor": slot.advisor.name,
            "link": Paths.absolute(Paths.booking(token), publicURL), "days": "\(retentionDays)",
            "rebook": Paths.absolute(Paths.location(slot.$location.id), publicURL),
        ]
    }
}

extension Calendar {
    /// Minutes after local midnight in Amsterdam.
    static func amsterdamMinute(of date: Date) -> Int {
        let c = LocalDate.calendar.dateComponents([.hour, .minute], from: date)
        return c.hour! * 60 + c.minute!
    }
}
