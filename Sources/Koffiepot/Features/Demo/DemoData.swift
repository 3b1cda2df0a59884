import Fluent
import Vapor

/// A living demo municipality for the first start: neighbourhoods, schools and other locations,
/// advisors with a face and an intro, weekly presence and school holidays.
enum DemoData {
    struct Login { let role: Role; let email: String }

    static let password = "koffiepot-demo"

    static func seed(on db: any Database, passwords: any PasswordHasher, today: LocalDate) async throws -> [Login] {
        let hash = try passwords.hash(password)
        func staff(_ email: String, _ name: String, _ role: Role, _ intro: String = "", _ topics: [Topic] = [])
            -> StaffUser
        {
            StaffUser(email: email, name: name, role: role, passwordHash: hash, intro: intro, topics: topics)
        }
        let anja = staff(
            "anja@koffiepot.test", "Anja de Vries", .advisor,
            "Ik ben Anja, opvoedadviseur. Elke week ben ik op school. Kom gerust langs met een vraag, groot of klein.",
            [.sleep, .eating, .behaviour, .play])
        let mehmet = staff(
            "mehmet@koffiepot.test", "Mehmet Yılmaz", .advisor,
            "Ik ben jeugdverpleegkundige. Ik denk graag mee over groeien, eten en slapen. Ik spreek ook Turks.",
            [.sleep, .eating, .language])
        let samira = staff(
            "samira@koffiepot.test", "Samira El Amrani", .advisor,
            "Ik ben oudercontactmedewerker. Bij mij kun je terecht voor koffie en een gesprek. Ik spreek ook Arabisch.",
            [.school, .feelings, .screens])
        let petra = staff(
            "petra@koffiepot.test", "Petra Jansen", .advisor,
            "Ik ben pedagogisch adviseur voor ouders van pubers. Vragen over schermen, school en ruzie zijn welkom.",
            [.puberty, .screens, .school, .siblings])
        let others = [
            staff("admin@koffiepot.test", "Beheer Koffiepot", .admin),
            staff("coordinator@koffiepot.test", "Karin Smit", .coordinator),
            staff("leerkracht@koffiepot.test", "Tom Bakker", .teacher),
            staff("ambassadeur@koffiepot.test", "Hatice Demir", .ambassador),
            staff("fg@koffiepot.test", "Ruud Verhoeven", .privacyOfficer),
        ]
        for user in [anja, mehmet, samira, petra] + others { try await user.create(on: db) }

        struct Place {
            let name: String, kind: LocationKind, address: String, neighbourhood: String, advisor: StaffUser,
                rules: [(Int, String, String, String, PresenceMode)]
        }
        let places = [
            Place(
                name: "SPIL-centrum De Boomgaard", kind: .spilCentre, address: "Appelgaard 2, Eindhoven",
                neighbourhood: "Woensel-Noord",
                advisor: anja,
                rules: [
                    (2, "08:30", "10:00", "Ouderkamer", .walkIn), (4, "13:00", "15:00", "Spreekkamer 1", .appointment),
                ]),
            Place(
                name: "Basisschool De Regenboog", kind: .primarySchool, address: "Kleurenlaan 14, Eindhoven",
                neighbourhood: "Woensel-Noord",
                advisor: samira,
                rules: [(1, "08:30", "10:30", "Ouderkamer", .walkIn), (3, "08:30", "09:30", "Ouderkamer", .walkIn)]),
            Place(
                name: "Peuterspeelzaal Het Kwetternest", kind: .playgroup, address: "Vogelstraat 5, Eindhoven",
                neighbourhood: "Strijp",
                advisor: anja, rules: [(3, "09:00", "11:00", "Speelzaal", .walkIn)]),
            Place(
                name: "Kinderdagverblijf Kleine Beer", kind: .daycare, address: "Berenpad 9, Eindhoven",
                neighbourhood: "Strijp",
                advisor: mehmet, rules: [(5, "09:00", "10:30", "Teamkamer", .appointment)]),
            Place(
                name: "Consultatiebureau Strijp", kind: .wellBabyClinic, address: "Philipsweg 30, Eindhoven",
                neighbourhood: "Strijp",
                advisor: mehmet, rules: [(2, "13:30", "16:30", "Kamer 3", .appointment)]),
            Place(
                name: "Basisschool De Vlinder", kind: .primarySchool, address: "Rupsstraat 1, Eindhoven",
                neighbourhood: "Strijp",
                advisor: petra,
                rules: [(2, "08:15", "09:30", "Ouderkamer", .walkIn), (4, "14:00", "15:30", "Kamer IB", .appointment)]),
            Place(
                name: "Buurthuis De Koffiepot", kind: .communityCentre, address: "Dorpsplein 3, Eindhoven",
                neighbourhood: "Woensel-Noord",
                advisor: samira, rules: [(5, "09:30", "11:30", "Grote zaal", .walkIn)]),
        ]
        for place in places {
            let location = Location(
                name: place.name, kind: place.kind, address: place.address,
                neighbourhood: place.neighbourhood, municipality: "Eindhoven", region: .south)
            location.wijkcode = DemoScale.wijkcodes[place.neighbourhood]
            try await location.create(on: db)
            try await location.$advisors.attach(place.advisor, on: db)
            // The demo teacher works at the schools (and the SPIL centre with its primary school).
            if [.primarySchool, .spilCentre].contains(place.kind),
                let teacher = others.first(where: { $0.role == .teacher })
            {
                try await location.$teachers.attach(teacher, on: db)
            }
            for (weekday, start, end, room, mode) in place.rules {
                let rule = PresenceRule()
                rule.$location.id = try location.requireID()
                rule.$advisor.id = try place.advisor.requireID()
                rule.weekday = weekday
                rule.startMinute = ClockTime.parse(start)!
                rule.endMinute = ClockTime.parse(end)!
                rule.room = room
                rule.mode = mode
                try await rule.create(on: db)
            }
        }
        for (name, first, last) in [
            ("Kerstvakantie", "2026-12-19", "2027-01-03"), ("Voorjaarsvakantie", "2027-02-13", "2027-02-21"),
            ("Meivakantie", "2027-04-24", "2027-05-02"), ("Zomervakantie", "2027-07-10", "2027-08-22"),
        ] {
            try await SchoolHoliday(region: .south, name: name, firstDay: first, lastDay: last).create(on: db)
        }
        try await seedSlots(on: db, today: today)
        try await DemoGatherings.seed(on: db, today: today)
        try await DemoNetwork.seed(on: db, now: today.instant(minute: 9 * 60) ?? Date())
        try await DemoTrainings.seed(on: db, today: today)
        try await DemoHomeThemes.seed(on: db, today: today, now: today.instant(minute: 9 * 60) ?? Date())
        return ([anja, mehmet, samira, petra] + others).map { Login(role: $0.role, email: $0.email) }
    }

    /// *Spreekuur* slots of 20 minutes in every appointment moment of the coming three weeks.
    static func seedSlots(on db: any Database, today: LocalDate) async throws {
        for location in try await Location.query(on: db).all() {
            let board = try await LocationQueries.presence(
                at: location, from: today, through: today.adding(days: 20), on: db)
            let moments = board.occurrences.filter { $0.mode == .appointment }
            for advisor in board.advisors {
                for plan in SlotGeneration.plan(from: moments, advisorID: try advisor.requireID(), length: 20, gap: 10)
                {
                    guard let start = plan.date.instant(minute: plan.startMinute),
                        let end = plan.date.instant(minute: plan.endMinute)
                    else { continue }
                    try await ConsultationSlot(
                        locationID: location.requireID(), advisorID: advisor.requireID(), startsAt: start, endsAt: end,
                        mode: .inPerson, room: plan.room
                    ).create(on: db)
                }
            }
        }
    }
}
