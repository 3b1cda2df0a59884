import Fluent
import Foundation

/// The who's-who of the demo municipality: the usual partners around Eindhoven's schools, with some of their
/// people at the locations — a few chose to be shown to parents, the rest are for staff only.
enum DemoNetwork {
    static func seed(on db: any Database, now: Date) async throws {
        let ggd = Organisation(
            name: "GGD Brabant-Zuidoost", kind: .youthHealth,
            about: "Jeugdgezondheidszorg: groei, gezondheid en ontwikkeling van 0 tot 18 jaar.",
            website: "https://www.ggdbzo.nl", now: now)
        let smw = Organisation(
            name: "Lumens schoolmaatschappelijk werk", kind: .schoolSocialWork,
            about: "Korte hulp voor kinderen en ouders als het thuis of op school even niet lukt.", now: now)
        let wijkteam = Organisation(
            name: "WIJeindhoven", kind: .neighbourhoodTeam,
            about: "Het wijkteam: één aanspreekpunt voor zorg en ondersteuning in de wijk.",
            website: "https://www.wijeindhoven.nl", now: now)
        let leerplicht = Organisation(
            name: "Leerplicht Eindhoven", kind: .attendance, about: "Denkt mee bij verzuim en thuiszitten.", now: now)
        let bieb = Organisation(
            name: "Bibliotheek Eindhoven", kind: .library, about: "Voorlezen, taal en de BoekStart-koffer.", now: now)
        for organisation in [ggd, smw, wijkteam, leerplicht, bieb] { try await organisation.create(on: db) }

        func person(
            _ location: String, _ organisation: Organisation, _ name: String, _ role: String, parents: String,
            teachers: String,
            presence: String, reach: String, shown: Bool
        ) async throws {
            guard let place = try await Location.query(on: db).filter(\.$name == location).first() else { return }
            _ = try await NetworkService(db: db, now: now).add(
                at: place.requireID(),
                ValidProfessional(
                    organisationID: organisation.requireID(), name: name, role: role, helpsWith: parents,
                    helpsTeachers: teachers,
                    presence: presence, reach: reach, isPublic: shown))
        }
        try await person(
            "Basisschool De Vlinder", ggd, "Ellen Verbeek", "Jeugdverpleegkundige",
            parents: "Vragen over groeien, eten, slapen en zindelijkheid. Ook over je eigen zorgen als ouder.",
            teachers: "Overleg over een leerling die vaak ziek is of slecht slaapt.",
            presence: "Dinsdagochtend, om de week", reach: "088 003 1100 (GGD)", shown: true)
        try await person(
            "Basisschool De Vlinder", smw, "Karim Bouzid", "Schoolmaatschappelijk werker",
            parents: "Als het thuis even niet lukt: geldzorgen, scheiding, ruzie.",
            teachers: "Denkt mee bij zorgen over een gezin; sluit aan bij het zorgoverleg.",
            presence: "Donderdag", reach: "via de intern begeleider", shown: false)
        try await person(
            "Basisschool De Regenboog", ggd, "Ellen Verbeek", "Jeugdverpleegkundige",
            parents: "Vragen over groeien, eten, slapen en zindelijkheid.", teachers: "Screening groep 2 en groep 7.",
            presence: "Woensdagochtend, om de week", reach: "088 003 1100 (GGD)", shown: true)
        try await person(
            "Basisschool De Regenboog", wijkteam, "Joost van Dijk", "Wijkcoach",
            parents: "Eén aanspreekpunt voor hulp thuis, geld en wonen.",
            teachers: "Korte lijn bij zorgen die verder gaan dan school.",
            presence: "Op afspraak", reach: "040 238 8000", shown: true)
        try await person(
            "SPIL-centrum De Boomgaard", leerplicht, "Marieke Hendriks", "Leerplichtambtenaar",
            parents: "", teachers: "Overleg bij veel verzuim, voordat het een melding wordt.",
            presence: "Op afspraak", reach: "leerplicht@eindhoven.nl", shown: false)
        try await person(
            "SPIL-centrum De Boomgaard", bieb, "Fatma Aydın", "Leesconsulent",
            parents: "Voorlezen in je eigen taal; boeken lenen voor thuis.",
            teachers: "Boekenkisten bij het thema van de groep.",
            presence: "Vrijdagochtend", reach: "040 260 4260", shown: true)
        try await person(
            "Peuterspeelzaal Het Kwetternest", bieb, "Fatma Aydın", "Leesconsulent",
            parents: "BoekStart: voorlezen vanaf de eerste dag.", teachers: "Voorleesmoment in de groep.",
            presence: "Eerste maandag van de maand", reach: "040 260 4260", shown: true)
    }
}
