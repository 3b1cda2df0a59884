@testable import QRCodeEncoder

/// The texts the encoder is checked on against independent tools: links up to 400 characters,
/// Arabic, Ukrainian, emoji and the other languages' letters, drawn from a seeded generator so a
/// failure can be repeated; then one text per version 22–40 that just fills it.
enum Corpus {
    static let levels: [QRErrorCorrection] = [.low, .medium, .quartile, .high]

    static let cases: [(text: String, level: QRErrorCorrection)] = {
        var random = SeededRandom(seed: 40)
        let regular = texts.enumerated().map { index, text in (text, levels[index % 4]) }
        let large = (22...40).map { version in
            let level = levels[version % 4]
            let bytes = (BlockLayout(version: version, correction: level).dataCodewords * 8 - 20) / 8
            return (url(length: bytes, random: &random), level)
        }
        return regular + large
    }()

    static let texts: [String] = {
        var random = SeededRandom(seed: 0x5EED_C0FF_EE)
        var texts: [String] = []
        for index in 0..<220 { texts.append(url(length: 12 + (index * 389) / 219, random: &random)) }
        for _ in 0..<100 { texts.append(sentence(arabicWords, random: &random)) }
        for _ in 0..<100 { texts.append(sentence(ukrainianWords, random: &random)) }
        for _ in 0..<50 { texts.append(sentence(emoji + dutchWords, random: &random)) }
        for _ in 0..<50 { texts.append(sentence(mixedWords, random: &random)) }
        return texts
    }()

    private static func url(length: Int, random: inout SeededRandom) -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyz0123456789-_")
        var text = "https://koffiepot.example/locations/"
        while text.count < length {
            let part = String((0..<random.next(below: 9) + 1).map { _ in alphabet[random.next(below: alphabet.count)] })
            text += random.next(below: 4) == 0 ? "?via=\(part)&lang=nl" : "/\(part)"
        }
        return String(text.prefix(length))
    }

    private static func sentence(_ words: [String], random: inout SeededRandom) -> String {
        (0..<(random.next(below: 14) + 1)).map { _ in words[random.next(below: words.count)] }.joined(separator: " ")
    }

    private static let arabicWords = [
        "مرحبا", "الأهل", "المدرسة", "موعد", "القهوة", "صباح", "الثلاثاء", "الطفل", "النوم", "المساعدة",
        "سؤال", "جواب", "مُرشِدة", "الأسرة", "اللغة", "تعال", "شكراً", "٨:٣٠", "غرفة", "الوالدين",
    ]
    private static let ukrainianWords = [
        "Привіт", "батьки", "школа", "консультація", "кава", "вівторок", "дитина", "сон", "допомога",
        "питання", "відповідь", "радниця", "сім'я", "мова", "дякуємо", "ґанок", "їжа", "є", "8:30", "кімната",
    ]
    private static let dutchWords = [
        "koffieochtend", "ouderkamer", "spreekuur", "dinsdag", "8:30–10:00", "opvoeden", "samen", "vraag",
    ]
    private static let emoji = ["☕", "👨‍👩‍👧", "🧸", "😀", "🙂", "🌙", "📅", "🏫", "❤️", "👍🏽"]
    private static let mixedWords = [
        "Ebeveyn", "çocuk", "uyku", "öğretmen", "Rodzice", "żłobek", "źródło", "spotkanie", "Ouders",
        "crèche", "één", "café", "naïef", "straße", "İstanbul", "ğ", "ł", "ñ",
    ]
}

/// A small linear congruential generator: the same corpus on every machine.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
