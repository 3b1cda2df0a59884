import Fluent
import Vapor

/// The outreach kit's print pages (issue 13 pt 5): an A4 poster or an A6 table card for the location, its
/// consultation hours, the question box, and each gathering — a big QR code to the page (marked `?via=poster`),
/// the advisor's face, pictograms, and the words in up to two languages. One printed page each, with margins a
/// home printer can manage.
struct PosterController: RouteCollection {
    enum Kind: String, CaseIterable { case location, spreekuur, vraag }

    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped(RequireRole(.admin, .coordinator, .advisor, .teacher, .ambassador))
        staff.get(Paths.Staff.route(.locations, ":id", "posters", ":kind"), use: locationPoster)
        staff.get(Paths.Staff.route(.gatherings, ":gatheringID", "poster"), use: gatheringPoster)
    }

    private func languages(_ req: Request) -> [Localizer] {
        let second = req.query[String.self, at: "second"].flatMap(Language.init(rawValue:)).flatMap {
            $0 == req.language ? nil : $0
        }
        return ([req.language] + (second.map { [$0] } ?? [])).map {
            Localizer(language: $0, catalogues: req.application.catalogues)
        }
    }

    private func size(_ req: Request) -> PosterPages.Size { req.query[String.self, at: "size"] == "a6" ? .a6 : .a4 }

    func locationPoster(req: Request) async throws -> Response {
        guard let location = try await LocationQueries.find(req.parameters.get("id"), on: req.db),
            let kind = req.parameters.get("kind").flatMap(Kind.init(rawValue:))
        else { throw Abort(.notFound) }
        let id = try location.requireID()
        let base = req.application.settings.publicURL
        let url =
            switch kind {
            case .location: "\(base)/locations/\(id.uuidString)?via=poster"
            case .spreekuur: "\(base)/locations/\(id.uuidString)?via=poster#spreekuur"
            case .vraag: "\(base)/vraag?location=\(id.uuidString)&via=poster"
            }
        let rules = try await PresenceRule.query(on: req.db).filter(\.$location.$id == id).sort(\.$weekday).sort(
            \.$startMinute
        ).all()
        let poster = PosterPages.Poster(
            kind: kind.rawValue, location: location,
            advisors: try await LocationQueries.advisors(of: location, on: req.db),
            rules: kind == .vraag ? [] : rules, gathering: nil, url: url)
        return PosterPages.page(req.page, poster: poster, localizers: languages(req), size: size(req))
    }

    func gatheringPoster(req: Request) async throws -> Response {
        guard let gathering = try await GatheringQueries.find(req.parameters.get("gatheringID"), on: req.db) else {
            throw Abort(.notFound)
        }
        let poster = PosterPages.Poster(
            kind: "gathering", location: gathering.location, advisors: [], rules: [], gathering: gathering,
            url: "\(req.application.settings.publicURL)/gatherings/\(try gathering.requireID().uuidString)?via=poster")
        return PosterPages.page(req.page, poster: poster, localizers: languages(req), size: size(req))
    }
}
