import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// The teacher card: the school's advisor on paper (staff) and on a phone (public), in one or two languages.
@Suite struct TeacherCardTests {
    @Test func theSheetHasFourCardsInTwoLanguagesForStaffOnly() async throws {
        try await withTestApp { app, _ in
            let school = try await app.location(named: "Basisschool De Vlinder")
            let path = "/locations/\(school.id!)/card?lang=nl&second=ar"
            let anonymous = try await TestBrowser(app).get(path)
            #expect(anonymous.status == .seeOther)

            let teacher = TestBrowser(app)
            try await teacher.signIn("leerkracht@koffiepot.test")
            #expect(try await teacher.get("/staff").text.contains("href=\"/locations/\(school.id!)/card\""))
            let sheet = try await teacher.get(path)
            #expect(sheet.status == .ok)
            #expect(sheet.text.components(separatedBy: "class=\"teachercard\"").count - 1 == 4)
            #expect(sheet.text.contains("Petra Jansen"))
            #expect(sheet.text.contains("Elke dinsdag, Ouderkamer:"))
            #expect(sheet.text.contains("08:15–09:30"))
            #expect(sheet.text.contains("<div class=\"cardcolumn\" lang=\"ar\" dir=\"rtl\">"))
            #expect(sheet.text.contains("دعم التربية في المدرسة"))
            #expect(sheet.text.contains("<svg"))
            #expect(sheet.text.contains("/locations/\(school.id!)/card/phone?lang=nl&amp;second=ar"))
        }
    }

    @Test func thePhoneCardIsPublicAndSpeaksOneLanguageUnlessAskedForTwo() async throws {
        try await withTestApp { app, _ in
            let school = try await app.location(named: "Basisschool De Vlinder")
            let one = try await TestBrowser(app).get("/locations/\(school.id!)/card/phone?lang=tr")
            #expect(one.status == .ok)
            #expect(one.text.contains("Okulda ebeveyn desteği"))
            #expect(!one.text.contains("cardcolumns two"))
            #expect(one.text.contains("\(app.settings.publicURL)/locations/\(school.id!)"))
            let same = try await TestBrowser(app).get("/locations/\(school.id!)/card/phone?lang=nl&second=nl")
            #expect(!same.text.contains("cardcolumns two"))
            let two = try await TestBrowser(app).get("/locations/\(school.id!)/card/phone?lang=nl&second=uk")
            #expect(two.text.contains("cardcolumns two") && two.text.contains("Підтримка батьків у школі"))
            #expect(try await TestBrowser(app).get("/locations/\(UUID())/card/phone").status == .notFound)
        }
    }
}
