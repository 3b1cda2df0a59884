import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// *Wie is wie*: coordinators keep the professionals around each school; staff see those of their own
/// locations; parents only the people who chose to be shown.
@Suite struct NetworkTests {
    typealias API = ConversationAPITests
    struct Organisation: Decodable { let id: String, name: String, kind: String }
    struct Person: Decodable {
        let id: String, name: String, organisation: String, organisationName: String, role: String, helpsWith: String
        let presence: String, reach: String, `public`: Bool
    }
    struct Problem: Decodable { let error: String, fields: [String: String]? }

    static func personJSON(_ organisation: String, name: String = "Noor Willems", extra: String = "") -> String {
        #"{"organisation":"\#(organisation)","name":"\#(name)","role":"Jeugdverpleegkundige","helpsWith":"Groeien en slapen","presence":"Maandagochtend","reach":"088 123 4567"\#(extra)}"#
    }

    @Test func aCoordinatorBuildsTheWhosWhoAndEachRoleSeesWhatItMay() async throws {
        try await withTestApp { app, clock in
            let coordinator = try await API.token(app, "coordinator@koffiepot.test", now: clock.now)
            let anja = try await API.token(app, "anja@koffiepot.test", now: clock.now)
            let petra = try await API.token(app, "petra@koffiepot.test", now: clock.now)
            let boomgaard = try await app.location(named: "SPIL-centrum De Boomgaard")  // Anja's

            // Organisations: an empty name, a double name and a made-up kind are refused with the field named.
            let empty = try await API.send(app, .POST, "/api/v1/organisations", token: coordinator, json: "{}")
            #expect(empty.status == .unprocessableEntity)
            #expect(try API.decode(Problem.self, empty).fields == ["name": "required"])
            let made = try await API.send(
                app, .POST, "/api/v1/organisations", token: coordinator,
                json: #"{"name":"  Consultatiebureau  Zuid ","kind":"youth_health","website":"https://cb.example.nl"}"#)
            #expect(made.status == .created)
            let organisation = try API.decode(Organisation.self, made)
            #expect(organisation.name == "Consultatiebureau Zuid" && organisation.kind == "youth_health")
            let twice = try await API.send(
                app, .POST, "/api/v1/organisations", token: coordinator, json: #"{"name":"Consultatiebureau Zuid"}"#)
            #expect(try API.decode(Problem.self, twice).error == "network_duplicate")
            let badSite = try await API.send(
                app, .POST, "/api/v1/organisations", token: coordinator,
                json: #"{"name":"Iets","website":"javascript:alert(1)"}"#)
            #expect(try API.decode(Problem.self, badSite).fields == ["website": "network_website"])
            let listed = try API.decode(
                [Organisation].self, try await API.send(app, .GET, "/api/v1/organisations", token: anja))
            #expect(listed.contains { $0.id == organisation.id })

            // People: an unknown organisation and an empty name are 422, another location a 404.
            let path = "/api/v1/locations/\(boomgaard.id!)/network"
            let unknown = try await API.send(
                app, .POST, path, token: coordinator, json: Self.personJSON(UUID().uuidString))
            #expect(unknown.status == .unprocessableEntity)
            #expect(try API.decode(Problem.self, unknown).error == "network_unknown_organisation")
            let nameless = try await API.send(
                app, .POST, path, token: coordinator, json: Self.personJSON(organisation.id, name: " "))
            #expect(try API.decode(Problem.self, nameless).fields == ["name": "required"])
            #expect(
                try await API.send(
                    app, .POST, "/api/v1/locations/\(UUID())/network", token: coordinator,
                    json: Self.personJSON(organisation.id)
                ).status == .notFound)
            let added = try await API.send(app, .POST, path, token: coordinator, json: Self.personJSON(organisation.id))
            #expect(added.status == .created)
            let noor = try API.decode(Person.self, added)
            #expect(noor.public == false && noor.organisationName == "Consultatiebureau Zuid")

            // Anja works at De Boomgaard and sees Noor; Petra does not work there: for her it does not exist.
            let seen = try API.decode([Person].self, try await API.send(app, .GET, path, token: anja))
            #expect(seen.map(\.name).contains("Noor Willems"))
            #expect(try await API.send(app, .GET, path, token: petra).status == .notFound)

            // Parents: staff-only by default, shown once she chose so.
            let page = { try await app.testing().sendRequest(.GET, "/locations/\(boomgaard.id!)").body.string }
            #expect(!(try await page()).contains("Noor Willems"))
            let shown = try await API.send(
                app, .POST, path, token: coordinator,
                json: Self.personJSON(organisation.id, name: "Iris Maas", extra: #","public":true"#))
            #expect(try API.decode(Person.self, shown).public)
            let html = try await page()
            #expect(html.contains("Iris Maas") && html.contains("Groeien en slapen") && !html.contains("Noor Willems"))
        }
    }

    @Test func theCoordinatorKeepsItCurrentInTheBrowserAndOthersOnlyRead() async throws {
        try await withTestApp { app, _ in
            let vlinder = try await app.location(named: "Basisschool De Vlinder")
            let browser = TestBrowser(app)
            try await browser.signIn("coordinator@koffiepot.test")
            let organisation = try await browser.post(
                "/staff/netwerk/organisations", ["organisationName": "Buurtsportcoach", "kind": "other"])
            #expect(organisation.status == .seeOther)
            let sport = try #require(
                try await Koffiepot.Organisation.query(on: app.db).filter(\.$name == "Buurtsportcoach").first())

            // A tick box sends "yes" or nothing; anything else is an error, never silently "not shown".
            var fields = [
                "location": vlinder.id!.uuidString, "organisation": sport.id!.uuidString, "name": "Bram Vos",
                "role": "Buurtsportcoach", "helpsWith": "Sporten na school", "public": "maybe",
            ]
            let odd = try await browser.post("/staff/netwerk/people", fields)
            #expect(odd.status == .unprocessableEntity)
            #expect(odd.body.string.contains("Vink aan of laat leeg."))
            #expect(try await Professional.query(on: app.db).filter(\.$name == "Bram Vos").count() == 0)
            fields["public"] = "yes"
            #expect(try await browser.post("/staff/netwerk/people", fields).status == .seeOther)
            let bram = try #require(try await Professional.query(on: app.db).filter(\.$name == "Bram Vos").first())
            #expect(bram.isPublic)
            #expect(
                try await app.testing().sendRequest(.GET, "/locations/\(vlinder.id!)").body.string.contains("Bram Vos"))

            // Changing: no longer shown to parents.
            fields["public"] = nil
            fields["location"] = nil
            #expect(try await browser.post("/staff/netwerk/people/\(bram.id!)", fields).status == .seeOther)
            #expect(
                !(try await app.testing().sendRequest(.GET, "/locations/\(vlinder.id!)").body.string.contains(
                    "Bram Vos")))

            // The teacher works at De Vlinder: she reads, with what Bram does for teachers, but cannot change.
            let teacher = TestBrowser(app)
            try await teacher.signIn("leerkracht@koffiepot.test")
            let read = try await teacher.get("/staff/netwerk")
            #expect(
                read.status == .ok && read.body.string.contains("Bram Vos")
                    && read.body.string.contains("Ellen Verbeek"))
            #expect(!read.body.string.contains("/staff/netwerk/people/"))
            #expect(try await teacher.post("/staff/netwerk/people/\(bram.id!)/remove", [:]).status == .forbidden)

            // Petra (advisor of De Vlinder only) does not see De Regenboog's wijkcoach.
            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")
            let hers = try await petra.get("/staff/netwerk").body.string
            #expect(hers.contains("Karim Bouzid") && !hers.contains("Joost van Dijk"))

            #expect(try await browser.post("/staff/netwerk/people/\(bram.id!)/remove", [:]).status == .seeOther)
            #expect(try await Professional.find(bram.id, on: app.db) == nil)
        }
    }

    @Test func everyTextThatCanReachAParentPassesTheTextRules() throws {
        let known = UUID()
        var input = ProfessionalInput(
            organisationID: known.uuidString, name: "Ellen\u{202E}nellE", presence: "ma\u{0007}")
        guard case .failure(let errors) = NetworkRules.validate(input, known: { $0 == known }) else {
            Issue.record("unsafe text accepted")
            return
        }
        #expect(errors.fields == ["name": "error.bad_text", "presence": "error.bad_text"])
        input = ProfessionalInput(organisationID: known.uuidString, name: " Ellen   Verbeek ")
        #expect(try NetworkRules.validate(input, known: { $0 == known }).get().name == "Ellen Verbeek")
        #expect(
            !NetworkRules.isWebAddress("javascript:alert(1)") && NetworkRules.isWebAddress("https://www.ggd.nl/jgz"))
    }
}
