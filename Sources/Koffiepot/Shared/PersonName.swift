/// What a page shows of a person's name where there is no photo.
enum PersonName {
    /// First and last capitalised part ("Anja de Vries" → "AV"), or the first letter.
    static func initials(_ name: String) -> String {
        let parts = name.split(separator: " ").filter { $0.first?.isUppercase ?? false }
        let letters = [parts.first, parts.count > 1 ? parts.last : nil].compactMap { $0?.first }
        return letters.isEmpty ? String(name.prefix(1)).uppercased() : String(letters)
    }

    /// The colour (one of six) of an initials avatar: always the same for the same name.
    static func hue(_ name: String) -> Int { abs(name.unicodeScalars.reduce(0) { $0 &+ Int($1.value) }) % 6 }
}
