import Fluent
import Foundation

/// A current home theme at every toddler location of the demo (playgroup, daycare, SPIL centre), so the
/// *Thuis* page, the home letter and "we did this" show something on the first start.
enum DemoHomeThemes {
    static let spring = ValidHomeTheme(
        group: "Peutergroep", title: "Lente", firstDay: LocalDate(year: 2000, month: 1, day: 1),
        lastDay: LocalDate(year: 2000, month: 1, day: 1),
        intro:
            "Het wordt lente! We kijken naar bloemen, knoppen aan de bomen en kleine beestjes. Praat er thuis over in je eigen taal.",
        rhyme:
            "Lentebloempje, kom maar uit,\nde zon die schijnt, de vogel fluit.\nEén, twee, drie,\nkijk eens wat ik zie!",
        activities: [
            .init(
                title: "Bloemen zoeken",
                steps: "Ga samen naar buiten.\nZoek drie bloemen.\nNoem de kleur van elke bloem.",
                materials: "Niets, alleen buiten", pictogram: "flower"),
            .init(
                title: "Zaadjes planten",
                steps:
                    "Doe aarde in een bekertje.\nStop er een boon of zaadje in.\nGeef elke dag een beetje water en kijk samen.",
                materials: "Bekertje, aarde, een boon", pictogram: "water"),
            .init(
                title: "Beestjes tellen",
                steps: "Kijk onder een steen of tussen de bladeren.\nTel samen de beestjes: één, twee, drie.",
                materials: "Een vergrootglas als je het hebt", pictogram: "animal"),
            .init(
                title: "Voorlezen over de lente",
                steps: "Lees een prentenboek over de lente.\nWijs de plaatjes aan en vraag: wat zie je?",
                materials: "Een prentenboek (bibliotheek)", pictogram: "read"),
        ],
        words: [
            ["nl": "de lente", "en": "spring", "tr": "bahar", "ar": "الربيع", "pl": "wiosna", "uk": "весна"],
            ["nl": "de bloem", "en": "flower", "tr": "çiçek", "ar": "الزهرة", "pl": "kwiat", "uk": "квітка"],
            ["nl": "de boom", "en": "tree", "tr": "ağaç", "ar": "الشجرة", "pl": "drzewo", "uk": "дерево"],
            ["nl": "het blad", "en": "leaf", "tr": "yaprak", "ar": "الورقة", "pl": "liść", "uk": "листок"],
            ["nl": "de zon", "en": "sun", "tr": "güneş", "ar": "الشمس", "pl": "słońce", "uk": "сонце"],
            ["nl": "de vogel", "en": "bird", "tr": "kuş", "ar": "الطائر", "pl": "ptak", "uk": "пташка"],
            ["nl": "het zaadje", "en": "seed", "tr": "tohum", "ar": "البذرة", "pl": "nasionko", "uk": "насінина"],
            ["nl": "de regen", "en": "rain", "tr": "yağmur", "ar": "المطر", "pl": "deszcz", "uk": "дощ"],
            ["nl": "groeien", "en": "to grow", "tr": "büyümek", "ar": "ينمو", "pl": "rosnąć", "uk": "рости"],
            ["nl": "het lammetje", "en": "lamb", "tr": "kuzu", "ar": "الحمل", "pl": "baranek", "uk": "ягня"],
            [
                "nl": "het vlindertje", "en": "butterfly", "tr": "kelebek", "ar": "الفراشة", "pl": "motylek",
                "uk": "метелик",
            ],
            ["nl": "de knop", "en": "bud", "tr": "tomurcuk", "ar": "البرعم", "pl": "pączek", "uk": "брунька"],
        ])

    static func seed(on db: any Database, today: LocalDate, now: Date) async throws {
        let toddlers = try await Location.query(on: db).filter(\.$kind ~~ [.playgroup, .daycare, .spilCentre]).all()
        let service = HomeThemeService(db: db, now: now)
        var theme = spring
        theme.firstDay = today.adding(days: -7)
        theme.lastDay = today.adding(days: 21)
        for location in toddlers { _ = try await service.create(at: location.requireID(), theme) }
    }
}
