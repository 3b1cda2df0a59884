import Fluent
import Vapor

/// The teacher card: the school's parenting advisor on a card a teacher hands to a parent or pins on the
/// classroom door — face, what she helps with, her regular weekly presence, how to reach her, a QR code to
/// the location page — in the page language and optionally a second one beside it (`?second=ar`).
/// The printable sheet (four A6 cards on A4) is for staff; the phone version a teacher shows during a talk is public.
struct TeacherCardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("locations", ":id", "card").grouped(
            RequireRole(.admin, .coordinator, .advisor, .teacher, .ambassador)
        )
        .get(use: sheet)
        routes.get("locations", ":id", "card", "phone", use: phone)
    }

    func sheet(req: Request) async throws -> Response {
        TeacherCardPages.sheet(req.page, card: try await card(req))
    }

    func phone(req: Request) async throws -> Response {
        TeacherCardPages.phone(req.page, card: try await card(req))
    }

    private func card(_ req: Request) async throws -> TeacherCard {
        guard let location = try await LocationQueries.find(req.parameters.get("id"), on: req.db) else {
            throw Abort(.notFound)
        }
        let id = try location.requireID()
        let rules = try await PresenceRule.query(on: req.db).filter(\.$location.$id == id).with(\.$advisor)
            .sort(\.$weekday).sort(\.$startMinute).all()
        let advisors = try await location.$advisors.get(on: req.db)
        let second = req.query[String.self, at: "second"].flatMap(Language.init(rawValue:)).flatMap {
            $0 == req.language ? nil : $0
        }
        let languages = [req.language] + (second.map { [$0] } ?? [])
        return TeacherCard(
            location: location, advisors: advisors, rules: rules,
            localizers: languages.map { Localizer(language: $0, catalogues: req.application.catalogues) },
            url: Paths.absolute(Paths.location(id), req.application.settings.publicURL))
    }
}

/// Everything on one card, ready to render in each of its languages.
struct TeacherCard {
    let location: Location
    let advisors: [StaffUser]
    let rules: [PresenceRule]
    /// The page language first, then the second language when asked for.
    let localizers: [Localizer]
    let url: String
}
