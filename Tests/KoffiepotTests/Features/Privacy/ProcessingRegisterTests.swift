import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// The register of processing is the data inventory: every personal column, with purpose, roles and retention.
@Suite struct ProcessingRegisterTests {
    @Test func everyPersonalColumnIsInTheRegisterAndOnlyAdminsReadIt() async throws {
        try await withTestApp { app, _ in
            let admin = TestBrowser(app)
            try await admin.signIn("admin@koffiepot.test")
            let page = try await admin.get("/staff/verwerkingsregister")
            #expect(page.status == .ok)
            for column in DataInventory.columns {
                guard let personal = column.personal else { continue }
                #expect(
                    page.text.contains("\(column.table).\(column.column)") && page.text.contains(personal.retention),
                    "\(column.table).\(column.column)")
            }
            #expect(!page.text.contains("bookings.slot_id"))  // not personal data
            #expect(page.text.contains("Opschonen") && page.text.contains("look_along_requests"))
            #expect(
                PurgeRunner.nextRun(after: Date(timeIntervalSince1970: 7_250), interval: 3600)
                    == Date(timeIntervalSince1970: 7_200 + 3600))
            let advisor = TestBrowser(app)
            try await advisor.signIn("anja@koffiepot.test")
            #expect(try await advisor.get("/staff/verwerkingsregister").status == .forbidden)
        }
    }
}
