import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// *VVE Thuis*: the group's theme at home in the parent's language, written by staff, tapped by parents.
@Suite struct HomeThemeTests {
    typealias API = ConversationAPITests
    struct Theme: Decodable {
        struct Activity: Decodable { let id: String, title: String, steps: [String], picture: String }
        struct Word: Decodable { let nl: String, translation: String }
        let id: String, title: String, from: String, to: String, activities: [Activity], words: [Word]
    }
    struct Done: Decodable { let counted: Bool }
    struct Problem: Decodable { let error: String, fields: [String: String]? }

    static func themeJSON(_ locationID: UUID, activities: Int = 3, words: Int = 10, from: String = "2027-03-15")
        -> String
    {
        let activityList = (1...max(activities, 1)).prefix(activities).map {
            #"{"title":"Activiteit \#($0)","steps":["Pak een bal.","Rol hem naar elkaar."],"materials":"Een bal","pictogram":"play"}"#
        }.joined(separator: ",")
        let wordList = (1...max(words, 1)).prefix(words).map {
            #"{"nl":"woord\#($0)","tr":"kelime\#($0)","ar":"كلمة\#($0)"}"#
        }.joined(separator: ",")
        return
            #"{"locationId":"\#(locationID)","group":"Groep 1-2","title":"Ik en mijn lijf","from":"\#(from)","to":"2027-04-09","intro":"Over je lijf.","activities":[\#(activityList)],"words":[\#(wordList)]}"#
    }

    @Test func theCurrentThemeInTheParentsLanguageAndNothingWhenNoneRuns() async throws {
        try await withTestApp { app, _ in
            let playgroup = try await app.location(named: "Peuterspeelzaal Het Kwetternest")
            let current = try API.decode(
                Theme.self,
                try await API.send(app, .GET, "/api/v1/locations/\(playgroup.id!)/home-themes/current?lang=tr"))
            #expect(current.title == "Lente" && (3...8).contains(current.activities.count))
            #expect(current.words.first { $0.nl == "de bloem" }?.translation == "çiçek")
            #expect(current.activities.first?.picture == "🌷")
            let arabic = try API.decode(
                Theme.self,
                try await API.send(app, .GET, "/api/v1/locations/\(playgroup.id!)/home-themes/current?lang=ar"))
            #expect(arabic.words.first { $0.nl == "de bloem" }?.translation == "الزهرة")
            let clinic = try await app.location(named: "Consultatiebureau Strijp")
            #expect(
                try await API.send(app, .GET, "/api/v1/locations/\(clinic.id!)/home-themes/current").status == .notFound
            )

            // The page: staff text as written (Dutch), the words beside the parent's language, right to left.
            let page = try await app.testing().sendRequest(.GET, "/locations/\(playgroup.id!)/thuis?lang=ar").body
                .string
            #expect(page.contains("dir=\"rtl\"") && page.contains("Bloemen zoeken") && page.contains("الزهرة"))
            let letter = try await app.testing().sendRequest(.GET, "/locations/\(playgroup.id!)/thuis/brief?lang=tr")
                .body.string
            #expect(letter.contains("Thema: Lente") && letter.contains("Tema: Lente") && letter.contains("<svg"))
        }
    }

    @Test func staffOfTheLocationWriteThemesWithinTheRules() async throws {
        try await withTestApp { app, clock in
            let school = try await app.location(named: "Basisschool De Vlinder")  // the demo teacher works here
            let clinic = try await app.location(named: "Consultatiebureau Strijp")  // she does not
            let tom = try await API.token(app, "leerkracht@koffiepot.test", now: clock.now)
            let made = try await API.send(
                app, .POST, "/api/v1/home-themes", token: tom, json: Self.themeJSON(school.id!))
            #expect(made.status == .created)
            #expect(
                try API.decode(Theme.self, made).activities.first?.steps == ["Pak een bal.", "Rol hem naar elkaar."])
            #expect(
                try await API.send(app, .POST, "/api/v1/home-themes", token: tom, json: Self.themeJSON(clinic.id!))
                    .status == .notFound)
            let few = try await API.send(
                app, .POST, "/api/v1/home-themes", token: tom, json: Self.themeJSON(school.id!, activities: 2, words: 5)
            )
            #expect(few.status == .unprocessableEntity)
            #expect(
                try API.decode(Problem.self, few).fields == ["activities": "theme_activities", "words": "theme_words"])
            let long = try await API.send(
                app, .POST, "/api/v1/home-themes", token: tom, json: Self.themeJSON(school.id!, from: "2026-10-01"))
            #expect(try API.decode(Problem.self, long).fields == ["lastDay": "theme_period"])
            #expect(
                try await API.send(app, .POST, "/api/v1/home-themes", json: Self.themeJSON(school.id!)).status
                    == .unauthorized)
        }
    }

    @Test func weDidThisCountsOncePerDeviceAndInsightWaitsForFive() async throws {
        try await withTestApp { app, _ in
            let playgroup = try await app.location(named: "Peuterspeelzaal Het Kwetternest")
            let theme = try API.decode(
                Theme.self, try await API.send(app, .GET, "/api/v1/locations/\(playgroup.id!)/home-themes/current"))
            let activity = try #require(theme.activities.first).id
            let device = #"{"device":"toestel-nummer-een-1234"}"#
            let first = try await API.send(app, .POST, "/api/v1/home-activities/\(activity)/done", json: device)
            #expect(first.status == .created)
            #expect(try API.decode(Done.self, first).counted)
            let again = try await API.send(app, .POST, "/api/v1/home-activities/\(activity)/done", json: device)
            #expect(again.status == .ok)
            #expect(try API.decode(Done.self, again).counted == false)
            #expect(try await API.send(app, .POST, "/api/v1/home-activities/\(UUID())/done").status == .notFound)

            // The page's button, without JavaScript: one per device cookie.
            let parent = TestBrowser(app)
            let tapped = try await parent.post("/locations/\(playgroup.id!)/thuis/activities/\(activity)/done", [:])
            #expect(tapped.headers.first(name: .location)?.contains("done=theme.thanks#") == true)
            #expect(
                try await parent.post("/locations/\(playgroup.id!)/thuis/activities/\(activity)/done", [:])
                    .headers.first(name: .location)?.contains("done=theme.thanks_again") == true)

            let staff = TestBrowser(app)
            try await staff.signIn("anja@koffiepot.test")
            #expect(
                try await staff.get("/staff/thuis/\(theme.id)").body.string.contains("Gezinnen die iets deden: &lt;5"))
            for n in 2...4 {
                _ = try await API.send(
                    app, .POST, "/api/v1/home-activities/\(theme.activities[n % theme.activities.count].id)/done",
                    json: #"{"device":"toestel-nummer-\#(n)-abcdefgh"}"#)
            }
            #expect(try await staff.get("/staff/thuis/\(theme.id)").body.string.contains("Gezinnen die iets deden: 5"))
            // And on the insight dashboard, per location and theme.
            let insight = try await staff.get("/staff/inzicht").body.string
            #expect(
                insight.contains("Thuis met het thema") && insight.contains("Peuterspeelzaal Het Kwetternest · Lente"))
        }
    }

    @Test func copyingLastYearsThemeAndWritingOneInTheBrowser() async throws {
        try await withTestApp { app, _ in
            let staff = TestBrowser(app)
            try await staff.signIn("coordinator@koffiepot.test")
            let source = try #require(try await HomeTheme.query(on: app.db).first())
            let school = try await app.location(named: "Basisschool De Regenboog")
            let copied = try await staff.post(
                "/staff/thuis/copy",
                [
                    "theme": source.id!.uuidString, "copyLocation": school.id!.uuidString,
                    "copyGroup": "Groep 1-2", "copyFirstDay": "2027-03-01", "copyLastDay": "2027-03-26",
                ])
            #expect(copied.status == .seeOther)
            let copy = try #require(
                try await HomeTheme.query(on: app.db).filter(\.$location.$id == school.id!).with(\.$words).with(
                    \.$activities
                ).first())
            #expect(copy.title == "Lente" && copy.words.count == 12 && copy.activities.count == 4)

            var fields = [
                "location": school.id!.uuidString, "group": "Groep 1-2", "title": "Oef, wat warm!",
                "firstDay": "2027-06-07",
                "lastDay": "2027-07-02",
                "words": (1...10).map { "warm\($0) | hot\($0) | sıcak\($0)" }.joined(separator: "\n"),
            ]
            for n in 1...3 {
                fields["a\(n)title"] = "Waterspel \(n)"; fields["a\(n)steps"] = "Vul een bak met water.\nSpeel samen.";
                fields["a\(n)pictogram"] = "water"
            }
            fields["a2steps"] = ""
            let wrong = try await staff.post("/staff/thuis", fields)
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("f-a2steps-error"))
            fields["a2steps"] = "Blaas bellen."
            let saved = try await staff.post("/staff/thuis", fields)
            #expect(saved.status == .seeOther)
            let theme = try #require(
                try await HomeTheme.query(on: app.db).filter(\.$title == "Oef, wat warm!").with(\.$words).first())
            #expect(theme.words.first { $0.position == 1 }?.tr == "sıcak1")
        }
    }
}
