import Fluent
import Foundation

/// The programme catalogue and a few gatherings for the demo municipality. Evidence statuses in the demo
/// are examples: coordinators check them against the Databank Effectieve Jeugdinterventies.
enum DemoGatherings {
    static let programmes: [(String, String, AgeGroup, [String], EvidenceStatus)] = [
        (
            "Positief Opvoeden (Triple P)", "Tips en oefeningen om samen prettiger te leven, met kleine stappen.",
            .primary, ["nl", "en", "ar", "tr"], .recognised
        ),
        (
            "Opvoeden & Zo", "Een cursus van een paar avonden: ouders leren van elkaar over opvoeden.", .primary,
            ["nl"], .recognised
        ),
        (
            "Peuter in Zicht", "Over peuters: slapen, eten, nee zeggen en spelen.", .toddler, ["nl", "ar", "tr"],
            .notAssessed
        ),
        ("Omgaan met pubers", "Praten met je puber, ruzie, regels en vrijheid.", .teen, ["nl"], .notAssessed),
        (
            "Opvoeden in Nederland", "Hoe gaat opvoeden hier? Voor ouders die nog niet lang in Nederland wonen.", .all,
            ["nl", "ar", "ti", "uk"], .notAssessed
        ),
        ("Puberbrein", "Waarom doet mijn puber zo? Over het brein van jongeren.", .teen, ["nl"], .notAssessed),
        (
            "KIES", "Voor kinderen van gescheiden ouders: praten, tekenen en spelen in een groep.", .primary, ["nl"],
            .recognised
        ),
        (
            "VVE Thuis", "Thuis spelen en voorlezen met het thema van de groep.", .toddler, ["nl", "ar", "tr", "pl"],
            .notAssessed
        ),
        (
            "De tijd van je leven", "Ouders van pubers praten samen over de tijd waarin hun kind opgroeit.", .teen,
            ["nl"], .notAssessed
        ),
    ]

    static func seed(on db: any Database, today: LocalDate) async throws {
        var catalogue: [String: Programme] = [:]
        for (name, description, age, languages, evidence) in programmes {
            let programme = Programme(
                name: name, description: description, ageGroup: age, languages: languages, evidence: evidence)
            try await programme.create(on: db)
            catalogue[name] = programme
        }
        let locations = Dictionary(
            try await Location.query(on: db).all().map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func next(_ weekday: Int) -> LocalDate {
            today.adding(days: (weekday - today.weekday + 7) % 7 == 0 ? 7 : (weekday - today.weekday + 7) % 7)
        }
        let plans:
            [(
                String, GatheringKind, String, String, String?, LocalDate, String, String, Int, Int, [String], Bool,
                [Topic], AgeGroup
            )] = [
                (
                    "Basisschool De Regenboog", .walkIn, "Koffie-inloop in de ouderkamer",
                    "Koffie, thee en een praatje. Op tafel liggen foto's van gewone dingen thuis.",
                    nil, next(3), "08:30", "09:30", 8, 0, ["nl", "ar"], false, [.school, .feelings], .primary
                ),
                (
                    "Basisschool De Vlinder", .themeEvening, "Slapen: hoe dan?",
                    "Een avond over slapen, waar ouders zelf om vroegen.",
                    nil, next(2).adding(days: 7), "19:30", "21:00", 1, 20, ["nl"], true, [.sleep], .primary
                ),
                (
                    "Basisschool De Vlinder", .course, "Omgaan met pubers",
                    "Vier avonden met andere ouders over pubers thuis.",
                    "Omgaan met pubers", next(4).adding(days: 7), "19:30", "21:30", 4, 12, ["nl"], false,
                    [.puberty, .screens], .teen
                ),
                (
                    "Peuterspeelzaal Het Kwetternest", .course, "Peuter in Zicht",
                    "Drie ochtenden over peuters, met opvang voor je kind.",
                    "Peuter in Zicht", next(1).adding(days: 7), "09:00", "10:30", 3, 8, ["nl", "ar", "tr"], true,
                    [.sleep, .eating, .behaviour], .toddler
                ),
            ]
        for (
            place, kind, title, description, programme, day, start, end, sessions, capacity, languages, childcare,
            topics, age
        ) in plans {
            guard let location = locations[place] else { continue }
            let gathering = Gathering()
            gathering.$location.id = try location.requireID()
            gathering.$programme.id = programme.flatMap { catalogue[$0]?.id }
            gathering.kind = kind
            gathering.title = title
            gathering.description = description
            gathering.room = "Ouderkamer"
            gathering.startsAt = day.instant(minute: ClockTime.parse(start)!)!
            gathering.endsAt = day.instant(minute: ClockTime.parse(end)!)!
            gathering.sessions = sessions
            gathering.capacity = capacity
            gathering.taken = 0
            gathering.languages = languages.joined(separator: ",")
            gathering.childcare = childcare
            gathering.topicKeys = topics.map(\.rawValue).joined(separator: ",")
            gathering.ageGroup = age
            gathering.cancelled = false
            gathering.wantsProfessional = false
            try await gathering.create(on: db)
        }
    }
}
