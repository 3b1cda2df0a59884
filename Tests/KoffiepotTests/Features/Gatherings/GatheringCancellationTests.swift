import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct GatheringCancellationTests {
    @Test func callingOffTellsEveryoneOnceAndStopsRegistrations() async throws {
        try await withTestApp { app, clock in
            let course = try await makeCourse(app, capacity: 1, now: clock.now)
            let service = RegistrationService(
                db: app.db, settings: app.settings, catalogues: app.catalogues, now: clock.now)
            for i in 1...2 {
                _ = try await service.register(
                    gatheringID: course.id!, person(i), messageLanguage: .nl, idempotencyKey: nil)
            }

            let petra = TestBrowser(app)  // fixed advisor of De Vlinder
            try await petra.signIn("petra@koffiepot.test")
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            #expect(
                try await anja.post("/staff/gatherings/\(course.id!)/cancel", ["message": "Ziek"]).status == .forbidden)
            #expect(
                try await petra.get("/staff/gatherings/\(course.id!)").text.contains(
                    "Afgelasten en iedereen laten weten"))
            let done = try await petra.post(
                "/staff/gatherings/\(course.id!)/cancel",
                ["message": "De trainer is ziek. We plannen een nieuwe reeks."])
            #expect(done.status == .seeOther)
            _ = try await petra.post("/staff/gatherings/\(course.id!)/cancel", ["message": "Nog een keer"])

            #expect(try await Registration.query(on: app.db).filter(\.$status != .cancelled).count() == 0)
            let told = try await OutboxMessage.query(on: app.db).filter(\.$template == "gathering_cancelled").all()
            // Each told exactly once, not again on the second cancel.
            #expect(told.map(\.recipient).sorted() == ["ouder1@example.nl", "ouder2@example.nl"])
            #expect(told.allSatisfy { $0.values["message"] == "De trainer is ziek. We plannen een nieuwe reeks." })
            #expect(
                try await OutboxMessage.query(on: app.db).filter(\.$template == "feedback_request").filter(
                    \.$status == .pending
                ).count() == 0)

            let page = try await TestBrowser(app).get("/gatherings/\(course.id!)")
            #expect(page.text.contains("Deze bijeenkomst gaat niet door.") && !page.text.contains("name=\"adults\""))
            guard
                case .unavailable = try await service.register(
                    gatheringID: course.id!, person(3), messageLanguage: .nl, idempotencyKey: nil)
            else { Issue.record("a called-off gathering took a registration"); return }
        }
    }
}
