import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// The outreach kit's newsletter texts: what a school pastes, in its language, with the newsletter marker.
@Suite struct NewsletterSnippetsTests {
    typealias API = ConversationAPITests
    struct Snippet: Decodable { let kind: String, title: String, text: String, html: String, link: String }

    @Test func theAdvisorHerHoursFreeTimesAndGatheringsInTheAskedLanguage() async throws {
        try await withTestApp { app, _ in
            let school = try await app.location(named: "Basisschool De Vlinder")
            let dutch = try API.decode(
                [Snippet].self, try await API.send(app, .GET, "/api/v1/locations/\(school.id!)/snippets?lang=nl"))
            let first = try #require(dutch.first)
            #expect(first.kind == "location" && first.title == "Opvoedadviseur op Basisschool De Vlinder")
            #expect(
                first.text.contains("Petra Jansen")
                    && first.text.contains("Elke dinsdag van 08:15 tot 09:30, Ouderkamer"))
            #expect(dutch.allSatisfy { $0.link.contains("via=newsletter") })
            #expect(dutch.contains { $0.kind == "consultation" && $0.text.contains("tijden vrij") })
            #expect(dutch.contains { $0.kind == "gathering" })
            #expect(first.html.hasPrefix("<p><strong>Opvoedadviseur op Basisschool De Vlinder</strong><br>"))
            let turkish = try API.decode(
                [Snippet].self, try await API.send(app, .GET, "/api/v1/locations/\(school.id!)/snippets?lang=tr"))
            #expect(turkish.first?.title == "Basisschool De Vlinder ebeveyn danışmanı")
            #expect(try await API.send(app, .GET, "/api/v1/locations/\(UUID())/snippets").status == .notFound)

            // The staff page: two languages side by side, escaped.
            let teacher = TestBrowser(app)
            try await teacher.signIn("leerkracht@koffiepot.test")
            let page = try await teacher.get("/staff/locations/\(school.id!)/nieuwsbrief?lang=nl&second=ar").text
            #expect(page.contains("cardcolumns two") && page.contains("مستشار التربية في Basisschool De Vlinder"))
            #expect(page.contains("&lt;p&gt;&lt;strong&gt;"))
        }
    }
}
