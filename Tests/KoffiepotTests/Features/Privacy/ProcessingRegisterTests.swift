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
                #expect(page.text.contains("\(column.table).\(column.column)") && page.text.contains(personal.retention),
                        "\(column.table).\(column.column)")
            }
            #expect(!page.text.contains("bookings.slot_id"))   // not personal data
            let advisor = TestBrowser(app)
            try await advisor.signIn("anja@koffiepot.test")
            #expect(try await advisor.get("/staff/verwerkingsregister").status == .forbidden)
        }
    }
}
