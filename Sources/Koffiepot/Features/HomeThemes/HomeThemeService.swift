import Fluent
import SQLKit
import Foundation

/// Home themes: what is current at a location, writing and copying themes, pictures, and "we did this".
struct HomeThemeService: Sendable {
    let db: any Database
    let now: Date

    static let writers: Set<Role> = [.admin, .coordinator, .advisor, .teacher]

    private func withParts(_ query: QueryBuilder<HomeTheme>) -> QueryBuilder<HomeTheme> {
        query.with(\.$activities).with(\.$words).with(\.$location)
    }

    /// The themes running today at a location (one per group), the one that started last first.
    func current(at locationID: UUID) async throws -> [HomeTheme] {
        let today = LocalDate(containing: now).description
        return try await withParts(HomeTheme.query(on: db)).filter(\.$location.$id == locationID)
            .filter(\.$firstDay <= today).filter(\.$lastDay >= today).sort(\.$firstDay, .descending).all()
    }

    /// Every theme of these locations, newest period first.
    func themes(at locationIDs: [UUID]) async throws -> [HomeTheme] {
        try await withParts(HomeTheme.query(on: db)).filter(\.$location.$id ~~ locationIDs).sort(
            \.$firstDay, .descending
        ).all()
    }

    func find(_ id: UUID?) async throws -> HomeTheme? {
        guard let id else { return nil }
        return try await withParts(HomeTheme.query(on: db)).filter(\.$id == id).first()
    }

    func create(at locationID: UUID, _ valid: ValidHomeTheme) async throws -> HomeTheme {
        let theme = HomeTheme()
        theme.$location.id = locationID
        theme.group = valid.group
        theme.title = valid.title
        theme.firstDay = valid.firstDay.description
        theme.lastDay = valid.lastDay.description
        theme.intro = valid.intro
        theme.rhyme = valid.rhyme
        theme.createdAt = now
        theme.updatedAt = now
        try await WriteTransaction.run(on: db) { tx in
            try await theme.create(on: tx)
            for (index, activity) in valid.activities.enumerated() {
                try await Self.activity(
                    theme: theme.requireID(), position: index + 1, activity.title, activity.steps, activity.materials,
                    activity.pictogram, picture: nil
                ).create(on: tx)
            }
            for (index, word) in valid.words.enumerated() {
                try await Self.word(theme: theme.requireID(), position: index + 1, word).create(on: tx)
            }
        }
        return try await find(theme.requireID()) ?? theme
    }

    /// A copy of a theme (from another location, or last year's) for a new period; pictures are shared.
    func copy(_ source: HomeTheme, to locationID: UUID, group: String, firstDay: LocalDate, lastDay: LocalDate)
        async throws -> HomeTheme
    {
        let valid = ValidHomeTheme(
            group: group, title: source.title, firstDay: firstDay, lastDay: lastDay, intro: source.intro,
            rhyme: source.rhyme,
            activities: source.activities.sorted { $0.position < $1.position }.map {
                .init(title: $0.title, steps: $0.steps, materials: $0.materials, pictogram: $0.pictogram)
            },
            words: source.words.sorted { $0.position < $1.position }.map { word in
                Dictionary(
                    uniqueKeysWithValues: Language.allCases.compactMap { language in
                        let text = word.word(in: language)
                        return text.isEmpty ? nil : (language.rawValue, text)
                    })
            })
        let copy = try await create(at: locationID, valid)
        let pictures = Dictionary(uniqueKeysWithValues: source.activities.map { ($0.position, $0.pictureID) })
        for activity in copy.activities where pictures[activity.position] != nil {
            activity.pictureID = pictures[activity.position] ?? nil
            try await activity.save(on: db)
        }
        return copy
    }

    private static func activity(
        theme: UUID, position: Int, _ title: String, _ steps: String, _ materials: String, _ pictogram: String,
        picture: UUID?
    ) -> HomeActivity {
        let activity = HomeActivity()
        activity.$theme.id = theme
        activity.position = position
        activity.title = title
        activity.steps = steps
        activity.materials = materials
        activity.pictogram = pictogram
        activity.pictureID = picture
        return activity
    }

    private static func word(theme: UUID, position: Int, _ word: [String: String]) -> ThemeWord {
        let row = ThemeWord()
        row.$theme.id = theme
        row.position = position
        row.nl = word["nl"] ?? ""
        row.en = word["en"] ?? ""
        row.ar = word["ar"] ?? ""
        row.pl = word["pl"] ?? ""
        row.tr = word["tr"] ?? ""
        row.uk = word["uk"] ?? ""
        return row
    }

    /// Stores a cleaned picture for an activity (replacing the one it had).
    func setPicture(_ activity: HomeActivity, upload: Data) async throws -> Result<Void, PictureSanitizer.Failure> {
        switch PictureSanitizer.clean(upload) {
        case .failure(let failure): return .failure(failure)
        case .success(let clean):
            let picture = ThemePicture()
            picture.contentType = clean.kind.rawValue
            picture.bytes = clean.bytes
            picture.createdAt = now
            try await WriteTransaction.run(on: db) { tx in
                try await picture.create(on: tx)
                activity.pictureID = try picture.requireID()
                try await activity.save(on: tx)
            }
            return .success(())
        }
    }

    enum DoneOutcome: Equatable, Sendable { case counted, already, notFound }

    /// One tap per activity and device: the unique index decides, so a double tap never counts twice.
    func markDone(_ activityID: UUID?, deviceKey: String) async throws -> DoneOutcome {
        guard let activityID, try await HomeActivity.find(activityID, on: db) != nil else { return .notFound }
        if try await HomeActivityDone.query(on: db).filter(\.$activity.$id == activityID).filter(
            \.$deviceKey == deviceKey
        ).first() != nil {
            return .already
        }
        let done = HomeActivityDone()
        done.$activity.id = activityID
        done.deviceKey = deviceKey
        done.createdAt = now
        do {
            try await done.create(on: db)
            return .counted
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return .already
        }
    }

    /// Families (devices) that did at least one activity, per theme.
    /// One query for all the themes' taps, counted per theme in Swift.
    /// Families (devices) that did at least one activity of each theme: counted in the database, where the taps are.
    func families(of themes: [HomeTheme]) async throws -> [UUID: Int] {
        let ids = themes.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        var result: [UUID: Int] = [:]
        for row in try await db.sql.raw(
            """
            SELECT a.theme_id AS theme, COUNT(DISTINCT d.device_key) AS n
            FROM home_activities a JOIN home_activity_done d ON d.activity_id = a.id
            WHERE a.theme_id IN (\(binds: ids)) GROUP BY a.theme_id
            """
        ).all() {
            result[try row.decode(column: "theme", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }

    /// The themes at these locations that ran on or after `since`, with their location only (for insight).
    func themes(at locationIDs: [UUID], since: LocalDate) async throws -> [HomeTheme] {
        try await HomeTheme.query(on: db).with(\.$location).filter(\.$location.$id ~~ locationIDs)
            .filter(\.$lastDay >= since.description).sort(\.$firstDay, .descending).all()
    }
}
