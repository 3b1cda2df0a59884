import Fluent
import Foundation

/// *VVE Thuis*: the theme a toddler group or group 1–2 works on for a few weeks ("Lente", "Ik en mijn lijf"),
/// with home activities, a rhyme and a word list, so parents can do the theme at home in their own language.
final class HomeTheme: Model, @unchecked Sendable {
    static let schema = "home_themes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "location_id") var location: Location
    /// The group, e.g. "Peutergroep Rupsje" or "Groep 1-2".
    @Field(key: "group_name") var group: String
    @Field(key: "title") var title: String
    /// Local days, `YYYY-MM-DD`, inclusive.
    @Field(key: "first_day") var firstDay: String
    @Field(key: "last_day") var lastDay: String
    /// A short text for parents (Dutch, as staff write it).
    @Field(key: "intro") var intro: String
    /// A rhyme or song text to say or sing at home.
    @Field(key: "rhyme") var rhyme: String
    @Children(for: \.$theme) var activities: [HomeActivity]
    @Children(for: \.$theme) var words: [ThemeWord]
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// One thing to do at home: a title, simple steps, what you need from home, and a pictogram or a drawing/photo.
final class HomeActivity: Model, @unchecked Sendable {
    static let schema = "home_activities"

    @ID(key: .id) var id: UUID?
    @Parent(key: "theme_id") var theme: HomeTheme
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    /// One step per line.
    @Field(key: "steps") var steps: String
    @Field(key: "materials") var materials: String
    /// A pictogram from `HomeThemeRules.pictograms`.
    @Field(key: "pictogram") var pictogram: String
    /// An uploaded drawing or photo (metadata removed), shown instead of the pictogram.
    @OptionalField(key: "picture_id") var pictureID: UUID?

    init() {}

    var stepList: [String] {
        steps.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// "We did this": one per activity and device (a keyed hash, as with wishes), never who.
final class HomeActivityDone: Model, @unchecked Sendable {
    static let schema = "home_activity_done"

    @ID(key: .id) var id: UUID?
    @Parent(key: "activity_id") var activity: HomeActivity
    @Field(key: "device_key") var deviceKey: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// An uploaded drawing or photo for a home activity: PNG, JPEG or WebP, checked by content, stored without its
/// metadata (EXIF, GPS, comments). In the database, so every instance serves it.
final class ThemePicture: Model, @unchecked Sendable {
    static let schema = "theme_pictures"

    @ID(key: .id) var id: UUID?
    @Field(key: "content_type") var contentType: String
    @Field(key: "bytes") var bytes: Data
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A theme word with its translations (the home language counts); empty where staff have none yet.
final class ThemeWord: Model, @unchecked Sendable {
    static let schema = "theme_words"

    @ID(key: .id) var id: UUID?
    @Parent(key: "theme_id") var theme: HomeTheme
    @Field(key: "position") var position: Int
    @Field(key: "nl") var nl: String
    @Field(key: "en") var en: String
    @Field(key: "ar") var ar: String
    @Field(key: "pl") var pl: String
    @Field(key: "tr") var tr: String
    @Field(key: "uk") var uk: String

    init() {}

    func word(in language: Language) -> String {
        switch language {
        case .nl: nl
        case .en: en
        case .ar: ar
        case .pl: pl
        case .tr: tr
        case .uk: uk
        }
    }
}
