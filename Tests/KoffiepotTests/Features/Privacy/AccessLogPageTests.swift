import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// The access log for the privacy officer and the admin (issue 14 pt 2): filters, CSV, read-only, and every read of
/// the log itself logged. The privacy officer sees nothing else.
@Suite struct AccessLogPageTests {
    @Test func thePrivacyOfficerFiltersTheLogDownloadsItAndIsHerselfLogged() async throws {
        try await withTestApp { app, clock in
            let (booking, _) = try await app.bookFatima(now: clock.now)
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            #expect(
                try await anja.get("/staff/agenda?week=\(LocalDate(containing: booking.createdAt).startOfWeek)").status
                    == .ok)
            let admin = TestBrowser(app)
            try await admin.signIn("admin@koffiepot.test")
            #expect(try await admin.get("/staff/users").status == .ok)

            let fg = TestBrowser(app)
            try await fg.signIn("fg@koffiepot.test")
            let home = try await fg.get("/staff")
            #expect(
                home.status == .ok && home.text.contains("/staff/toegangslog") && !home.text.contains("/staff/netwerk"))
            let all = try await fg.get("/staff/toegangslog")
            #expect(all.status == .ok)
            #expect(
                all.text.contains("booking:\(booking.id!.uuidString)")
                    && all.text.contains("<code>staff_users.list</code>"))
            #expect(all.text.contains("Anja"))

            // Filter by kind: only the reads of a parent's booking; by role: only the admin's reads.
            let bookings = try await fg.get("/staff/toegangslog?kind=booking")
            #expect(
                bookings.text.contains("booking:\(booking.id!.uuidString)")
                    && !bookings.text.contains("<code>staff_users.list</code>")
                    && !bookings.text.contains("<code>agenda:"))
            let admins = try await fg.get("/staff/toegangslog?role=admin")
            #expect(admins.text.contains("<code>staff_users.list</code>") && !admins.text.contains("<code>booking:"))
            let anjaID = try await app.staff("anja@koffiepot.test").id!
            let hers = try await fg.get("/staff/toegangslog?staff=\(anjaID.uuidString)")
            #expect(hers.text.contains("<code>booking:") && !hers.text.contains("<code>staff_users.list</code>"))
            let future = LocalDate(containing: clock.now).adding(days: 5)
            #expect(
                try await fg.get("/staff/toegangslog?from=\(future)&to=\(future)").text.contains(
                    "Geen regels in deze selectie."))

            let csv = try await fg.get("/staff/toegangslog.csv?kind=booking")
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.text.split(separator: "\r\n")
            #expect(
                lines.count == 2 && lines[1].contains("\"booking:\(booking.id!.uuidString)\"")
                    && lines[1].contains("Opvoedadviseur"))

            // Reading the log is itself in the log: five looks at the page and the CSV once, in her role.
            let fgID = try await app.staff("fg@koffiepot.test").id!
            let own = try await AccessLogEntry.query(on: app.db).filter(\.$staffUserID == fgID).all().map(\.subject)
                .sorted()
            #expect(own == ["access_log", "access_log", "access_log", "access_log", "access_log", "access_log:csv"])
            #expect(try await AccessLogEntry.query(on: app.db).filter(\.$role == "privacy_officer").count() == 6)
        }
    }

    @Test func thePrivacyOfficerReadsTheRegisterButNoParentsRecordAndOthersCannotReadTheLog() async throws {
        try await withTestApp { app, _ in
            let fg = TestBrowser(app)
            try await fg.signIn("fg@koffiepot.test")
            #expect(try await fg.get("/staff/verwerkingsregister").status == .ok)
            for path in [
                "/staff/agenda", "/staff/vragen", "/staff/inzicht", "/staff/users", "/staff/netwerk",
                "/staff/gesprekken",
                "/staff/ondersteuning", "/staff/wensen", "/staff/outbox",
            ] {
                #expect(try await fg.get(path).status == .forbidden, "\(path)")
            }
            for email in ["anja@koffiepot.test", "coordinator@koffiepot.test", "leerkracht@koffiepot.test"] {
                let other = TestBrowser(app)
                try await other.signIn(email)
                #expect(try await other.get("/staff/toegangslog").status == .forbidden, "\(email)")
                #expect(try await other.get("/staff/toegangslog.csv").status == .forbidden, "\(email)")
            }
            #expect(try await TestBrowser(app).get("/staff/toegangslog").status == .seeOther)
        }
    }
}
