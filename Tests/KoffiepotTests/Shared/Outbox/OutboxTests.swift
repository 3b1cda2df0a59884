import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct OutboxTests {
    func book(_ app: Application, now: Date) async throws {
        let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
        _ = try await app.bookingService(now: now).book(
            slotID: slot.id!, validBooking, messageLanguage: .nl, idempotencyKey: nil)
    }

    @Test func confirmationNowReminderTheEveningBefore() async throws {
        try await withTestApp { app, clock in
            try await book(app, now: clock.now)
            let recorder = RecordingSender()
            try await OutboxWorker.runOnce(
                db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            #expect(recorder.sent.count == 1)
            let mail = try #require(recorder.sent.first)
            #expect(mail.to == "fatima@example.nl")
            #expect(mail.subject == "Je afspraak: donderdag 26 november, 13:00")
            #expect(mail.body.contains("Met: Anja de Vries"))
            #expect(mail.body.contains("/b/"))
            #expect(!mail.body.contains("Slaapt slecht"))
            // Nothing more until Wednesday 18:00 local time.
            clock.advance(seconds: LocalDate("2026-11-25")!.instant(minute: 18 * 60)!.timeIntervalSince(clock.now) - 60)
            try await OutboxWorker.runOnce(
                db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            #expect(recorder.sent.count == 1)
            clock.advance(seconds: 120)
            try await OutboxWorker.runOnce(
                db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            #expect(
                recorder.sent.map(\.subject) == [
                    "Je afspraak: donderdag 26 november, 13:00", "Morgen: je afspraak met Anja de Vries",
                ])
        }
    }

    @Test func failuresAreRetriedWithBackoffThenDeadLettered() async throws {
        try await withTestApp { app, clock in
            try await book(app, now: clock.now)
            let recorder = RecordingSender()
            recorder.failuresLeft = 2
            try await OutboxWorker.runOnce(
                db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            try await OutboxWorker.runOnce(
                db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            #expect(recorder.sent.isEmpty)  // backing off: not tried again at once
            clock.advance(seconds: 61)
            try await OutboxWorker.runOnce(
                db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            clock.advance(seconds: 121)
            try await OutboxWorker.runOnce(
                db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            #expect(recorder.sent.count == 1)
            let confirmation = try #require(
                try await OutboxMessage.query(on: app.db).filter(\.$template == "booking_confirmed").first())
            #expect(confirmation.status == .sent && confirmation.attempts == 3)

            // A message that keeps failing ends as a dead letter an admin can see.
            try await OutboxMessage.query(on: app.db).filter(\.$template == "booking_reminder").set(
                \.$notBefore, to: clock.now
            ).update()
            recorder.failuresLeft = 100
            for _ in 0..<OutboxWorker.maxAttempts {
                try await OutboxWorker.runOnce(
                    db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
                clock.advance(seconds: 3601)
            }
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$status == .dead).count() == 1)
            let admin = TestBrowser(app)
            try await admin.signIn("admin@koffiepot.test")
            let page = try await admin.get("/staff/outbox")
            #expect(page.text.contains("booking_reminder"))
            #expect(page.text.contains("relay down"))
            #expect(!page.text.contains("fatima@example.nl"))
        }
    }

    /// A confirmation that failed once and waits for its retry must not reach a parent who has cancelled since.
    @Test func nothingMoreIsSentForACancelledBookingWhoseConfirmationFailedOnce() async throws {
        try await withTestApp { app, clock in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let service = app.bookingService(now: clock.now)
            guard
                case .booked(let receipt) = try await service.book(
                    slotID: slot.id!, validBooking, messageLanguage: .nl, idempotencyKey: nil)
            else { Issue.record("the booking failed"); return }
            let recorder = RecordingSender()
            recorder.failuresLeft = 1
            try await OutboxWorker.runOnce(
                db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            #expect(recorder.sent.isEmpty)
            #expect(try await service.cancel(receipt.bookingID))
            for _ in 0..<6 {
                clock.advance(seconds: 86_400)
                try await OutboxWorker.runOnce(
                    db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            }
            #expect(recorder.sent.isEmpty, "sent after cancelling: \(recorder.sent.map(\.subject))")
        }
    }

    /// After a move, only the new time reaches the parent: the pending confirmation of the old time is withdrawn.
    @Test func aMovedBookingIsNotConfirmedWithItsOldTime() async throws {
        try await withTestApp { app, clock in
            let location = try await app.location(named: "SPIL-centrum De Boomgaard")
            let slots = try await ConsultationSlot.query(on: app.db).filter(\.$location.$id == location.id!)
                .filter(\.$taken == 0).sort(\.$startsAt).limit(2).all()
            try #require(slots.count == 2)
            let service = app.bookingService(now: clock.now)
            guard
                case .booked(let receipt) = try await service.book(
                    slotID: slots[0].id!, validBooking, messageLanguage: .nl, idempotencyKey: nil)
            else { Issue.record("the booking failed"); return }
            let recorder = RecordingSender()
            recorder.failuresLeft = 1
            try await OutboxWorker.runOnce(
                db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            let booking = try #require(try await Booking.find(receipt.bookingID, on: app.db))
            let token = try #require(PersonalCode.unseal(booking.linkSealed, secret: app.settings.secret ?? ""))
            guard case .booked = try await service.move(receipt.bookingID, to: slots[1].id!, token: token)
            else { Issue.record("the move failed"); return }
            clock.advance(seconds: 3_600)
            try await OutboxWorker.runOnce(
                db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            #expect(recorder.sent.count == 1)
            #expect(
                recorder.sent.allSatisfy { !$0.subject.hasPrefix("Je afspraak:") }, "\(recorder.sent.map(\.subject))")
        }
    }

    @Test func twoWorkersNeverSendTheSameMessageTwice() async throws {
        let (settings, file) = fileSettings()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withTestApp(demo: false, settings: settings) { first, clock in
            for i in 0..<40 {
                try await OutboxMessage.bare(to: "p\(i)@example.nl", dedupeKey: "k\(i)", now: clock.now).create(
                    on: first.db)
            }
            try await withApp(configure: { second in try await configure(second, settings: settings, clock: clock.clock)
            }) { second in
                let recorder = RecordingSender()
                async let a = OutboxWorker.runOnce(
                    db: first.db, sender: recorder.sender, catalogues: first.catalogues, now: clock.now, limit: 40)
                async let b = OutboxWorker.runOnce(
                    db: second.db, sender: recorder.sender, catalogues: first.catalogues, now: clock.now, limit: 40)
                let total = try await a + b
                #expect(total == 40)
                #expect(recorder.sent.count == 40)
                #expect(Set(recorder.sent.map(\.to)).count == 40)
            }
        }
    }

    @Test func sendmailReceivesAWellFormedUTF8Message() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kp-mail-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("fake-sendmail").path
        try "#!/bin/sh\ncat > \(dir.path)/message.eml\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let message = EmailFormat.message(
            from: "Koffiepot <a@b.nl>", to: "ouder@example.nl", subject: "موعدك: غدًا", body: "Hallo\nDag", date: Date(),
            messageID: "outbox-1@koffiepot")
        try await Sendmail.pipe(message, command: script + " -t -i")
        let written = try String(contentsOfFile: dir.path + "/message.eml", encoding: .utf8)
        #expect(
            written.contains("To: ouder@example.nl\r\n") && written.contains("Message-ID: <outbox-1@koffiepot>\r\n"))
        #expect(written.contains("Subject: =?UTF-8?B?\(Data("موعدك: غدًا".utf8).base64EncodedString())?="))
        #expect(written.hasSuffix("Hallo\r\nDag\r\n"))
        await #expect(throws: (any Error).self) { try await Sendmail.pipe(message, command: "/bin/false") }
    }
}

@Suite struct SMSGatewayTests {
    /// The live SMS sender posts JSON with a bearer token to the configured gateway (a real local HTTP server here).
    @Test func smsGoesToTheConfiguredGateway() async throws {
        let received = RecordingSender()
        let gateway = try await Application.make(.testing)
        gateway.http.server.configuration.hostname = "127.0.0.1"
        gateway.http.server.configuration.port = 0
        gateway.post("sms") { req async throws -> HTTPStatus in
            struct SMS: Content { let to: String, text: String }
            guard req.headers.bearerAuthorization?.token == "secret-token" else { return .unauthorized }
            let sms = try req.content.decode(SMS.self)
            try await received.sender.sendSMS(sms.to, sms.text)
            return .accepted
        }
        try await gateway.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = try #require(gateway.http.server.shared.localAddress?.port)
        do {
            try await withTestApp(demo: false) { app, _ in
                var settings = app.settings
                settings.smsGatewayURL = "http://127.0.0.1:\(port)/sms"
                settings.smsGatewayToken = "secret-token"
                let live = MessageSender.live(settings: settings, client: app.client)
                try await live.sendSMS("+31612345678", "Koffiepot: afspraak morgen")
                #expect(received.sent == [.init(to: "+31612345678", subject: "", body: "Koffiepot: afspraak morgen")])
                settings.smsGatewayToken = "wrong"
                await #expect(throws: (any Error).self) {
                    try await MessageSender.live(settings: settings, client: app.client).sendSMS("+31612345678", "x")
                }
                settings.smsGatewayURL = nil
                await #expect(throws: (any Error).self) {
                    try await MessageSender.live(settings: settings, client: app.client).sendSMS("+31612345678", "x")
                }
            }
        } catch {
            await gateway.server.shutdown()
            try await gateway.asyncShutdown()
            throw error
        }
        await gateway.server.shutdown()
        try await gateway.asyncShutdown()
    }
}

extension OutboxMessage {
    /// A message about nothing, for the worker tests only (the app always names a subject).
    static func bare(to recipient: String, dedupeKey: String, now: Date) -> OutboxMessage {
        let message = OutboxMessage()
        message.channel = .email
        message.recipient = recipient
        message.language = .nl
        message.template = MessageTemplate.bookingConfirmed.rawValue
        message.payload = #"{"when":"x"}"#
        message.dedupeKey = dedupeKey
        message.status = .pending
        message.attempts = 0
        message.notBefore = now
        message.lastError = ""
        message.createdAt = now
        return message
    }
}
