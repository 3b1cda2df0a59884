import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct GatheringAdminTests {
    @Test func advisorPlansAThemeEveningSeesTheQueueAndTallies() async throws {
        try await withTestApp { app, clock in
            let vlinder = try await app.location(named: "Basisschool De Vlinder")
            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")
            let base = "/staff/locations/\(vlinder.id!)/gatherings"
            let fields = [
                "kind": "theme_evening", "title": "Schermtijd", "description": "Hoeveel is te veel?", "programme": "",
                "room": "Aula",
                "date": "2026-12-09", "start": "19:30", "end": "21:00", "sessions": "1", "capacity": "2",
                "languages": "nl, ar",
                "age": "4-12", "topics[]": "screens", "childcare": "yes",
            ]
            var bad = fields
            bad["languages"] = "klingon"
            bad["end"] = "19:00"
            let refused = try await petra.post(base, bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.text.contains("value=\"Schermtijd\"")
                    && refused.text.contains("De eindtijd moet na de begintijd liggen."))
            let made = try await petra.post(base, fields)
            let page = try #require(made.headers.first(name: .location))
            let gathering = try #require(try await Gathering.query(on: app.db).filter(\.$title == "Schermtijd").first())
            #expect(gathering.languageCodes == ["nl", "ar"] && gathering.childcare && gathering.topics == [.screens])

            let service = RegistrationService(
                db: app.db, settings: app.settings, catalogues: app.catalogues, now: clock.now)
            for i in 0..<4 {
                _ = try await service.register(
                    gatheringID: gathering.id!, person(i), messageLanguage: .nl, idempotencyKey: nil)
            }
            let detail = try await petra.get(page)
            #expect(
                detail.text.contains("Aangemeld (2 volwassenen)") && detail.text.contains("Wachtlijst (2), op volgorde")
            )
            let order = ["Ouder 2", "Ouder 3"].map { detail.text.range(of: $0)!.lowerBound }
            #expect(order[0] < order[1])
            #expect(
                try await AccessLogEntry.query(on: app.db).all().map(\.subject).contains(
                    "registrations:\(gathering.id!.uuidString)"))

            _ = try await petra.post(
                page + "/attendance", ["session": "0", "adults": "5", "children": "2", "languages": "nl ar"])
            _ = try await petra.post(
                page + "/attendance", ["session": "0", "adults": "6", "children": "2", "languages": "nl,ar,tr"])
            let tallies = try await AttendanceTally.query(on: app.db).all()
            #expect(tallies.count == 1 && tallies[0].adults == 6 && tallies[0].languages == "nl,ar,tr")
            #expect(
                try await petra.post(
                    page + "/attendance", ["session": "3", "adults": "1", "children": "0", "languages": ""]
                ).status == .badRequest)

            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            #expect(try await anja.get(page).status == .forbidden)
            #expect(try await anja.get(base).status == .forbidden)
        }
    }
}

@Suite struct ProgrammeCatalogueTests {
    @Test func coordinatorsKeepTheCatalogueParentsReadIt() async throws {
        try await withTestApp { app, _ in
            let catalogue = try await TestBrowser(app).get("/programmes")
            #expect(catalogue.text.contains("Peuter in Zicht") && catalogue.text.contains("Erkend als effectief"))
            let karin = TestBrowser(app)
            try await karin.signIn("coordinator@koffiepot.test")
            let kies = try #require(try await Programme.query(on: app.db).filter(\.$name == "KIES").first())
            #expect(try await karin.get("/staff/programmes?edit=\(kies.id!)").text.contains("value=\"KIES\""))
            let changed = try await karin.post(
                "/staff/programmes",
                [
                    "id": kies.id!.uuidString, "name": "KIES", "description": "Nieuw",
                    "age": "4-12", "languages": "nl, pl", "evidence": "not_assessed",
                ])
            #expect(changed.status == .seeOther)
            let stored = try #require(try await Programme.find(kies.id, on: app.db))
            #expect(stored.evidence == .notAssessed && stored.languages == "nl,pl")
            let duplicate = try await karin.post(
                "/staff/programmes",
                [
                    "id": "", "name": "KIES", "description": "", "age": "4-12",
                    "languages": "nl", "evidence": "recognised",
                ])
            #expect(
                duplicate.status == .unprocessableEntity
                    && duplicate.text.contains("Er is al een programma met deze naam."))
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            #expect(try await anja.get("/staff/programmes").status == .forbidden)
        }
    }
}

@Suite struct InvitationTests {
    @Test func qrCodesHaveFinderPatterns() throws {
        let rows = try #require(QRCode.modules("http://127.0.0.1:8080/i/abcdefghjk"))
        #expect(rows.count >= 21 && rows.allSatisfy { $0.count == rows.count })
        // Top-left finder: a dark 7×7 ring around a light ring around a dark 3×3 centre.
        #expect((0..<7).allSatisfy { rows[0][$0] && rows[6][$0] && rows[$0][0] && rows[$0][6] })
        #expect((1..<6).allSatisfy { !rows[1][$0] && !rows[5][$0] })
        #expect((2..<5).allSatisfy { x in (2..<5).allSatisfy { rows[$0][x] } })
        let svg = try #require(QRCode.svg("x\"><script>", label: "a\"b"))
        #expect(svg.contains("aria-label=\"a&quot;b\"") && !svg.contains("<script>"))
    }

    @Test func invitationsCountRegistrationsPerChannelNotPerPerson() async throws {
        try await withTestApp { app, _ in
            let course = try #require(
                try await Gathering.query(on: app.db).filter(\.$title == "Omgaan met pubers").first())
            let teacher = TestBrowser(app)
            try await teacher.signIn("leerkracht@koffiepot.test")
            _ = try await teacher.post("/staff/gatherings/\(course.id!)/invitations", ["label": "moeder van Fatima"])
            let invitation = try #require(try await Invitation.query(on: app.db).first())
            let card = try await teacher.get("/staff/invitations/\(invitation.id!)/card")
            #expect(card.text.contains("<svg") && card.text.contains("/i/\(invitation.token)"))
            #expect(!card.text.contains("moeder van Fatima"))

            let parent = TestBrowser(app)
            let follow = try await parent.get("/i/\(invitation.token.uppercased())")
            #expect(follow.headers.first(name: .location) == "/gatherings/\(course.id!)?via=\(invitation.token)")
            let page = try await parent.get(follow.headers.first(name: .location)!)
            #expect(page.text.contains("name=\"via\" value=\"\(invitation.token)\""))
            _ = try await parent.post(
                "/gatherings/\(course.id!)/register",
                ["name": "Amal", "adults": "2", "language": "ar", "via": invitation.token])
            _ = try await TestBrowser(app).post(
                "/gatherings/\(course.id!)/register", ["name": "Els", "adults": "1", "language": "nl"])
            let list = try await teacher.get("/staff/gatherings/\(course.id!)/invitations")
            #expect(list.text.contains("moeder van Fatima") && list.text.contains("1 aanmeldingen"))
            #expect(!list.text.contains("Amal"))
            #expect(try await teacher.get("/staff/gatherings/\(course.id!)").status == .forbidden)
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            #expect(
                try await anja.post("/staff/gatherings/\(course.id!)/invitations", ["label": ""]).status == .forbidden)
        }
    }
}

@Suite struct ParentRunTests {
    @Test func ambassadorHostsAnOpvoedpartyAndAnAdvisorAcceptsToJoin() async throws {
        try await withTestApp { app, _ in
            let boomgaard = try await app.location(named: "SPIL-centrum De Boomgaard")
            let hatice = TestBrowser(app)
            try await hatice.signIn("ambassadeur@koffiepot.test")
            #expect(try await hatice.get("/staff").text.contains("Bijeenkomsten die ik organiseer"))
            let made = try await hatice.post(
                "/staff/parent-gatherings",
                [
                    "location": boomgaard.id!.uuidString, "title": "Opvoedparty bij Hatice",
                    "description": "Thee en praten over schermen",
                    "room": "", "date": "2026-12-05", "start": "14:00", "end": "16:00", "capacity": "8",
                    "languages": "nl, tr",
                    "age": "4-12", "professional": "yes",
                ])
            #expect(made.status == .seeOther)
            let party = try #require(try await Gathering.query(on: app.db).filter(\.$kind == .parentRun).first())
            #expect(party.wantsProfessional && party.$professional.id == nil)
            #expect(try await hatice.get("/staff/agenda").status == .forbidden)
            #expect(try await hatice.get("/staff/locations/\(boomgaard.id!)/presence").status == .forbidden)

            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")
            #expect(!(try await petra.get("/staff/requests").text.contains("Opvoedparty bij Hatice")))
            #expect(try await petra.post("/staff/requests/\(party.id!)/accept", [:]).status == .notFound)

            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            #expect(try await anja.get("/staff/requests").text.contains("Opvoedparty bij Hatice"))
            _ = try await anja.post("/staff/requests/\(party.id!)/accept", [:])
            let publicPage = try await TestBrowser(app).get("/gatherings/\(party.id!)")
            #expect(publicPage.text.contains("Georganiseerd door ouders, voor ouders: Anja de Vries komt erbij"))
            #expect(try await hatice.get("/staff/parent-gatherings").text.contains("Anja de Vries komt erbij"))
            // Ambassador parents bring others in with personal invitations, and see counts only.
            _ = try await hatice.post("/staff/gatherings/\(party.id!)/invitations", ["label": "buurvrouw"])
            let invitations = try await hatice.get("/staff/gatherings/\(party.id!)/invitations")
            #expect(
                invitations.status == .ok && invitations.text.contains("buurvrouw")
                    && invitations.text.contains("0 aanmeldingen"))
            #expect(try await hatice.get("/staff/gatherings/\(party.id!)").status == .forbidden)
        }
    }

    /// Two colleagues typing the tally of the same session at once: neither gets an error, one tally and one
    /// contact fact remain (a failure between the two would have left a tally the reach figures never count).
    @Test func aTallyTypedTwiceAtOnceIsOneTallyAndOneFact() async throws {
        try await withTestApp { app, clock in
            let gathering = try #require(try await Gathering.query(on: app.db).first())
            let facts = try await ContactFact.query(on: app.db).count()
            let records = GatheringRecords(db: app.db, settings: app.settings, now: clock.now)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for adults in 3...8 {
                    group.addTask {
                        try await records.record(
                            .init(session: 0, adults: adults, children: 1, languages: ["nl"]), of: gathering)
                    }
                }
                try await group.waitForAll()
            }
            let tallies = try await AttendanceTally.query(on: app.db).filter(\.$gathering.$id == gathering.id!).all()
            #expect(tallies.count == 1)
            #expect(try await ContactFact.query(on: app.db).count() == facts + 1)
            #expect((3...8).contains(tallies[0].adults))
        }
    }
}
