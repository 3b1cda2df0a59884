import Vapor

/// *Mijn gegevens* (`/mijn-gegevens`): a parent types any personal code she holds and sees everything kept under
/// it, takes it with her (a JSON file, a printable page), erases it after one confirmation, and sees which staff
/// roles read it. The code travels in the form body only, never in a URL; every look-up counts against the
/// same per-client limit as the other code look-ups.
struct MyDataController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let page = routes.grouped("mijn-gegevens")
        page.get(use: form)
        page.post(use: show)
        page.post("export", use: export)
        page.post("wissen", use: erase)
    }

    struct Input: Content {
        var code: String?
        var confirm: String?
    }

    private func service(_ req: Request) -> MyDataService {
        MyDataService(db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
    }

    func form(req: Request) async throws -> Response {
        MyDataPages.form(req.page, form: FormState())
    }

    /// The holding behind the posted code, or the form again with "not found" (the same for unknown and erased codes).
    private func lookUp(_ req: Request) async throws -> (code: String, holding: Holding?) {
        let code = String((try req.content.decode(Input.self).code ?? "").prefix(40))
        guard try await RateLimiter.allow("lookup", req: req) else { throw Abort(.tooManyRequests) }
        return (code, try await service(req).find(code))
    }

    private func notFound(_ req: Request, _ code: String) -> Response {
        MyDataPages.form(req.page, form: FormState(values: ["code": code], errors: ["code": "mydata.not_found"]), status: .notFound)
    }

    func show(req: Request) async throws -> Response {
        let (code, holding) = try await lookUp(req)
        guard let holding else { return notFound(req, code) }
        let items = try await service(req).items(holding)
        return MyDataPages.show(req.page, code: code, items: items, reads: try await service(req).reads(of: items))
    }

    /// The same document the API answers, as a file to keep.
    func export(req: Request) async throws -> Response {
        let (code, holding) = try await lookUp(req)
        guard let holding else { return notFound(req, code) }
        let items = try await service(req).items(holding)
        let document = try MyDataJSON.document(items: items, reads: try await service(req).reads(of: items))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"koffiepot-mijn-gegevens.json\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(document)))
    }

    /// First a question ("are you sure?"), then — with `confirm=yes` — everything goes at once.
    func erase(req: Request) async throws -> Response {
        let confirmed = try req.content.decode(Input.self).confirm == "yes"
        let (code, holding) = try await lookUp(req)
        guard let holding else { return notFound(req, code) }
        guard confirmed else { return MyDataPages.confirm(req.page, code: code) }
        return MyDataPages.erased(req.page, count: try await service(req).erase(holding))
    }
}
