import Vapor

/// The open feed for the municipal *sociale kaart*: Open Referral HSDS 3.0 at `/hsds/`, public and read-only.
/// Paging, `search` and `modified_after` as the standard names them; errors in the API's one problem shape.
struct SocialMapController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let hsds = routes.grouped("hsds")
        hsds.get(use: meta)
        hsds.get("services", use: services)
        hsds.get("services", ":id", use: service)
        hsds.get("organizations", use: organizations)
        hsds.get("organizations", ":id", use: organization)
        hsds.get("service_at_locations", use: serviceAtLocations)
        hsds.get("service_at_locations", ":id", use: serviceAtLocation)
        hsds.get("datapackage.zip", use: datapackage)
    }

    func meta(req: Request) async throws -> Response {
        try json(
            HSDS.Meta(
                profile: "\(req.application.settings.publicURL)/hsds/",
                openapiUrl: "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"))
    }

    private func directory(_ req: Request) async throws -> (SocialMapDirectory, [String: Date]) {
        try await SocialMapFeed.directory(on: req.db, publicURL: req.application.settings.publicURL, now: req.now)
    }

    func services(req: Request) async throws -> Response {
        let query = try SocialMapQuery(req)
        let (directory, stamps) = try await directory(req)
        return try json(
            query.page(
                directory.services.filter {
                    query.keeps($0.id, stamps, [$0.name, $0.description, $0.organization?.name ?? ""])
                }
                .map(\.listed)))
    }

    func service(req: Request) async throws -> Response {
        let (directory, _) = try await directory(req)
        return try json(one(req, directory.services))
    }

    func organizations(req: Request) async throws -> Response {
        let query = try SocialMapQuery(req)
        let (directory, stamps) = try await directory(req)
        return try json(
            query.page(
                directory.organizations.filter { query.keeps($0.id, stamps, [$0.name, $0.description]) }.map {
                    organization in
                    var listed = organization
                    listed.services = nil
                    return listed
                }))
    }

    func organization(req: Request) async throws -> Response {
        let (directory, _) = try await directory(req)
        return try json(one(req, directory.organizations))
    }

    func serviceAtLocations(req: Request) async throws -> Response {
        let query = try SocialMapQuery(req)
        let (directory, stamps) = try await directory(req)
        return try json(
            query.page(
                directory.serviceAtLocations.filter {
                    query.keeps($0.id, stamps, [$0.service?.name ?? "", $0.location?.name ?? "", $0.description ?? ""])
                }.map(\.listed)))
    }

    func serviceAtLocation(req: Request) async throws -> Response {
        let (directory, _) = try await directory(req)
        return try json(one(req, directory.serviceAtLocations))
    }

    func datapackage(req: Request) async throws -> Response {
        let (directory, _) = try await directory(req)
        var headers = HTTPHeaders()
        headers.contentType = .zip
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"sociale-kaart-hsds.zip\"")
        return Response(
            status: .ok, headers: headers,
            body: .init(data: try DataPackage.zip(directory, publicURL: req.application.settings.publicURL)))
    }

    /// The object with the path's id (ids are lower-case UUIDs; case is forgiven), or the API's 404.
    private func one<Item: Identified>(_ req: Request, _ items: [Item]) throws -> Item {
        let id = (req.parameters.get("id") ?? "").lowercased()
        guard let item = items.first(where: { $0.id == id }) else { throw APIProblem(.notFound, .notFound) }
        return item
    }

    private func json(_ value: some Encodable) throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(data: try HSDS.encoder.encode(value)))
    }
}

protocol Identified { var id: String { get } }
extension HSDS.Service: Identified {}
extension HSDS.Organization: Identified {}
extension HSDS.ServiceAtLocation: Identified {}

/// `page`, `per_page`, `search` and `modified_after` of a list request. A malformed value is a 400 that says
/// which, never silently the default.
struct SocialMapQuery {
    static let defaultPerPage = 50
    static let maxPerPage = 500

    var page = 1
    var perPage = defaultPerPage
    var search: String?
    var modifiedAfter: Date?

    init(_ req: Request) throws {
        if let raw = req.query[String.self, at: "page"] {
            guard let value = Int(raw), value >= 1 else { throw APIProblem(.badRequest, .badRequest) }
            page = value
        }
        if let raw = req.query[String.self, at: "per_page"] {
            guard let value = Int(raw), value >= 1 else { throw APIProblem(.badRequest, .badRequest) }
            perPage = min(value, Self.maxPerPage)
        }
        let text = (req.query[String.self, at: "search"] ?? "").trimmingCharacters(in: .whitespaces)
        search = text.isEmpty ? nil : String(text.prefix(100))
        if let raw = req.query[String.self, at: "modified_after"] {
            guard let date = Self.instant(raw) else { throw APIProblem(.badRequest, .badDate) }
            modifiedAfter = date
        }
    }

    /// An ISO 8601 moment (`2026-12-01T09:00:00Z`, with an offset, or with fractions) or a day (`2026-12-01`,
    /// from its start in Amsterdam).
    static func instant(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        full.formatOptions = [.withInternetDateTime]
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return full.date(from: text) ?? fractional.date(from: text) ?? LocalDate(text)?.instant(minute: 0)
    }

    func keeps(_ id: String, _ stamps: [String: Date], _ texts: [String]) -> Bool {
        if let modifiedAfter, (stamps[id] ?? .distantPast) < modifiedAfter { return false }
        guard let search else { return true }
        return texts.contains { $0.range(of: search, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }

    func page<Item: Encodable & Sendable>(_ items: [Item]) -> HSDS.Page<Item> {
        let pages = max(1, (items.count + perPage - 1) / perPage)
        let slice = Array(items.dropFirst((page - 1) * perPage).prefix(perPage))
        return HSDS.Page(
            totalItems: items.count, totalPages: pages, pageNumber: page, size: slice.count, firstPage: page == 1,
            lastPage: page >= pages, empty: items.isEmpty, contents: slice)
    }
}
