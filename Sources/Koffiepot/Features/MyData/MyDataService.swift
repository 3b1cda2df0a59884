import Fluent
import Foundation

/// *Mijn gegevens*: find what a personal code holds, list it with who on staff read it, and erase it at once.
/// Erasing frees what the records held (a consultation seat, a course place that goes to the next in line, a
/// conversation time) and removes every message about them, sent or not; only the anonymous facts for insight
/// (`contact_facts`) stay. Afterwards the code is unknown, exactly like a code that never existed.
struct MyDataService: Sendable {
    let db: any Database
    let settings: Settings
    let catalogues: Catalogues
    let now: Date

    var secret: String { settings.secret ?? "" }

    func find(_ typed: String) async throws -> Holding? {
        if let (booking, _) = try await CodeLookup.byCode(Booking.self, typed: typed, secret: secret, on: db) {
            return .booking(booking)
        }
        if let (registration, _) = try await CodeLookup.byCode(Registration.self, typed: typed, secret: secret, on: db)
        {
            return .registration(registration)
        }
        if let (question, _) = try await CodeLookup.byCode(Question.self, typed: typed, secret: secret, on: db) {
            return .question(question)
        }
        if let (code, _) = try await CodeLookup.byCode(ConversationCode.self, typed: typed, secret: secret, on: db) {
            return .conversations(code)
        }
        return nil
    }

    func items(_ holding: Holding) async throws -> [MyDataItem] {
        switch holding {
        case .booking(let booking):
            let slot = try await ConsultationSlot.query(on: db).filter(\.$id == booking.$slot.id).with(\.$location)
                .first()
            return [MyDataItems.booking(booking, slot: slot)]
        case .registration(let registration):
            let gathering = try await Gathering.query(on: db).filter(\.$id == registration.$gathering.id).with(
                \.$location
            ).first()
            return [MyDataItems.registration(registration, gathering: gathering)]
        case .question(let question):
            let messages = try await QuestionMessage.query(on: db).filter(\.$question.$id == question.requireID()).sort(
                \.$createdAt
            ).all()
            return [MyDataItems.question(question)] + messages.map { MyDataItems.message($0, of: question) }
        case .conversations(let code):
            let held = try await ConversationService(db: db, settings: settings, catalogues: catalogues, now: now)
                .holdings(of: code)
            return [MyDataItems.code(code)] + held.bookings.map(MyDataItems.conversation)
                + held.requests.map { MyDataItems.support($0, code: code) }
        }
    }

    /// Contacts this device left with wishes (*wensen*): they have no code, so the device is the key.
    func wishContacts(deviceKey: String) async throws -> [MyDataItem] {
        try await WishSupport.query(on: db).filter(\.$deviceKey == deviceKey).filter(\.$contact != nil).with(\.$wish)
            .all()
            .map(MyDataItems.wishContact)
    }

    /// Erases the contacts this device left with wishes, and every message to them; the support itself (a count) stays.
    func eraseWishContacts(deviceKey: String) async throws -> Int {
        try await WriteTransaction.run(on: db) { tx in
            let supports = try await WishSupport.query(on: tx).filter(\.$deviceKey == deviceKey).filter(
                \.$contact != nil
            ).all()
            for support in supports {
                try await Outbox(db: tx, now: now).erase(subject: .wishSupport(support.requireID()))
                try await WishSupport.query(on: tx).filter(\.$id == support.requireID())
                    .set(\.$contact, to: nil).set(\.$contactKind, to: ContactKind.none).update()
            }
            return supports.count
        }
    }

    /// Staff reads of these records from the access log, oldest first.
    func reads(of items: [MyDataItem]) async throws -> [MyDataRead] {
        let subjects = items.flatMap(\.logSubjects)
        guard !subjects.isEmpty else { return [] }
        return try await AccessLogEntry.query(on: db).filter(\.$subject ~~ subjects).sort(\.$at).all()
            .compactMap { entry in Role(rawValue: entry.role).map { MyDataRead(at: entry.at, role: $0) } }
    }

    /// Erases everything under the code in one transaction; returns how many records went.
    func erase(_ holding: Holding) async throws -> Int {
        try await WriteTransaction.run(on: db) { tx in
            let outbox = Outbox(db: tx, now: now)
            switch holding {
            case .booking(let booking):
                let id = try booking.requireID()
                try await BookingService(db: tx, settings: settings, catalogues: catalogues, now: now).cancel(id)
                try await outbox.erase(subject: .booking(id))
                try await Booking.query(on: tx).filter(\.$id == id).delete()
                return 1
            case .registration(let registration):
                let id = try registration.requireID()
                try await RegistrationService(db: tx, settings: settings, catalogues: catalogues, now: now).cancel(id)
                try await outbox.erase(subject: .registration(id))
                try await Registration.query(on: tx).filter(\.$id == id).delete()
                return 1
            case .question(let question):
                let id = try question.requireID()
                try await outbox.erase(subject: .question(id))
                let messages = try await QuestionMessage.query(on: tx).filter(\.$question.$id == id).count()
                try await QuestionMessage.query(on: tx).filter(\.$question.$id == id).delete()
                try await Question.query(on: tx).filter(\.$id == id).delete()
                return 1 + messages
            case .conversations(let code):
                let held = try await ConversationService(db: tx, settings: settings, catalogues: catalogues, now: now)
                    .holdings(of: code)
                for booking in held.bookings {
                    try await outbox.erase(subject: .conversation(booking.requireID()))
                    try await ConversationBooking.query(on: tx).filter(\.$id == booking.requireID()).delete()
                }
                for request in held.requests {
                    try await outbox.erase(subject: .supportRequest(request.requireID()))
                    try await SupportRequest.query(on: tx).filter(\.$id == request.requireID()).delete()
                }
                try await ConversationCode.query(on: tx).filter(\.$id == code.requireID()).delete()
                return 1 + held.bookings.count + held.requests.count
            }
        }
    }
}
