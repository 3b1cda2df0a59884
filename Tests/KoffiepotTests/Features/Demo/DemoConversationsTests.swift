import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// A new user sees the teacher's side living: rounds with bookings, requests on the advisor's desk.
@Suite struct DemoConversationsTests {
    @Test func everySchoolHasARoundWithBookingsAndRequests() async throws {
        try await withTestApp { app, clock in
            try await DemoConversations.seed(
                on: app.db, settings: app.settings, catalogues: app.catalogues, now: clock.now)
            let schools = try await Location.query(on: app.db).filter(\.$kind ~~ [.primarySchool, .spilCentre]).all()
            #expect(schools.count == 3)
            for school in schools {
                let rounds = try await ConversationRound.query(on: app.db).filter(\.$location.$id == school.id!).all()
                #expect(rounds.count == 1)
                #expect(
                    try await ConversationBooking.query(on: app.db).filter(\.$round.$id == rounds[0].id!).count() == 5)
                #expect(try await SupportRequest.query(on: app.db).filter(\.$location.$id == school.id!).count() == 2)
                #expect(try await LookAlongRequest.query(on: app.db).filter(\.$location.$id == school.id!).count() == 1)
            }
            #expect(try await LookAlongRequest.query(on: app.db).filter(\.$status == .planned).count() == 1)
            #expect(try await OutboxMessage.query(on: app.db).count() == 0)  // demo parents left no contact

            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")
            #expect(
                try await petra.get("/staff/ondersteuning").text.contains("Hij slaapt slecht sinds we verhuisd zijn."))
            let teacher = TestBrowser(app)
            try await teacher.signIn("leerkracht@koffiepot.test")
            let list = try await teacher.get("/staff/gesprekken").text
            #expect(list.contains("Tienminutengesprekken · 5B"))
            #expect(try await teacher.get("/staff/meekijken").text.contains("Ingepland:"))
        }
    }
}
