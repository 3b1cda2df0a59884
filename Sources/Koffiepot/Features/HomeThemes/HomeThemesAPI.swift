import Fluent
import Foundation
import OpenAPIRuntime
import Vapor

/// Home themes in the JSON API (see `openapi.yaml`).
extension KoffiepotAPI {
    var homeThemes: HomeThemeService { HomeThemeService(db: db, now: clock.now()) }

    func json(_ theme: HomeTheme, language: Language) -> Components.Schemas.HomeTheme {
        .init(
            id: theme.id?.uuidString ?? "", locationId: theme.$location.id.uuidString, group: theme.group,
            title: theme.title,
            from: theme.firstDay, to: theme.lastDay, intro: theme.intro, rhyme: theme.rhyme,
            activities: theme.activities.sorted { $0.position < $1.position }.map { activity in
                .init(
                    id: activity.id?.uuidString ?? "", title: activity.title, steps: activity.stepList,
                    materials: activity.materials,
                    picture: activity.pictureID.map { Paths.absolute(Paths.picture($0), app.settings.publicURL) }
                        ?? HomeThemeRules.emoji(activity.pictogram),
                    pictogram: activity.pictogram)
            },
            words: theme.words.sorted { $0.position < $1.position }.map {
                .init(nl: $0.nl, translation: $0.word(in: language))
            })
    }

    func getCurrentHomeTheme(_ input: Operations.getCurrentHomeTheme.Input) async throws
        -> Operations.getCurrentHomeTheme.Output
    {
        guard let location = try await LocationQueries.find(input.path.id, on: db) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownLocation))))
        }
        let language = input.query.lang.flatMap { Language(rawValue: $0.rawValue) } ?? APIClient.language
        let current = try await homeThemes.current(at: location.requireID()).filter { theme in
            input.query.group.map { $0 == theme.group } ?? true
        }
        guard let theme = current.first else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .notFound))))
        }
        return .ok(.init(body: .json(json(theme, language: language))))
    }

    func createHomeTheme(_ input: Operations.createHomeTheme.Input) async throws -> Operations.createHomeTheme.Output {
        let user = try staff(HomeThemeService.writers)
        let body =
            switch input.body {
            case .json(let body): body
            }
        guard let locationID = try await StaffScope(user, on: db).location(body.locationId) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownLocation))))
        }
        let typed = HomeThemeInput(
            group: body.group ?? "", title: body.title ?? "", firstDay: body.from ?? "", lastDay: body.to ?? "",
            intro: body.intro ?? "",
            rhyme: body.rhyme ?? "",
            activities: (body.activities ?? []).map {
                HomeActivityInput(
                    title: $0.title ?? "", steps: ($0.steps ?? []).joined(separator: "\n"),
                    materials: $0.materials ?? "",
                    pictogram: $0.pictogram ?? "")
            },
            words: (body.words ?? []).map { word in
                ["nl": word.nl, "en": word.en, "tr": word.tr, "ar": word.ar, "pl": word.pl, "uk": word.uk]
                    .compactMapValues { $0 }
            })
        switch HomeThemeRules.validate(typed) {
        case .failure(let errors):
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(invalidFields: errors.fields))))
        case .success(let valid):
            return .created(.init(body: .json(json(try await homeThemes.create(at: locationID, valid), language: .nl))))
        }
    }

    func markHomeActivityDone(_ input: Operations.markHomeActivityDone.Input) async throws
        -> Operations.markHomeActivityDone.Output
    {
        var device: String?
        if case .json(let body) = input.body { device = body.device }
        switch try await homeThemes.markDone(UUID(uuidString: input.path.id), deviceKey: deviceKey(device)) {
        case .counted: return .created(.init(body: .json(.init(counted: true))))
        case .already: return .ok(.init(body: .json(.init(counted: false))))
        case .notFound: return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .notFound))))
        }
    }
}
