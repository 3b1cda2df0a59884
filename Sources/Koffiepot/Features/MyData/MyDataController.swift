import Vapor

/// *Mijn gegevens* (`/mijn-gegevens`): a parent types any personal code she holds and sees everything kept under
/// it, takes it with her (a JSON file, a printable page), erases it after one confirmation, and sees which staff
/// roles read it. The code travels in the form body only, never in a URL; every look-up counts against the
/// same per-client limit as the other code look-ups.
struct MyDataController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let page = routes.grouped(Paths.route(Paths.myData))
        page.get(use: form)
        page.post(use: show)
        page.post("export", use: export)
        page.post("wissen", use: erase)
        page.post("apparaat", "wissen", use: eraseDevice)
    }

    struct Input: Content {
        var code: String?
        var confirm: String?
    }

    private func service(_ req: Request) -> MyDataService {
        MyDataService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
    }

    /// The code form, and what this device left without a code (a contact with a wish), if anything.
    func form(req: Request) async throws -> Response {
        MyDataPages.form(req.page, form: FormState(), onDevice: try await deviceItems(req))
    }

    private func deviceKey(_ req: Request) -> String? {
        guard let id = req.cookies[DeviceCookie.name]?.string, id.count >= 32 else { return nil }
        return DeviceCookie.key(id, secret: req.application.settings.secret ?? "")
    }

    private func deviceItems(_ req: Request) async throws -> [MyDataItem] {
        guard let key = deviceKey(req) else { return [] }
        return try await service(req).wishContacts(deviceKey: key)
    }

    func eraseDevice(req: Request) async throws -> Response {
        guard let key = deviceKey(req) else { return MyDataPages.erased(req.page, count: 0) }
        return MyDataPages.erased(req.page, count: try await service(req).eraseWishContacts(deviceKey: key))
    }

    /// Answers with `page` for the holding behind the posted code, or with the form again and "not found" (the same
    /// for unknown and erased codes). Every look-up goes through `CodeGuard`.
    private func withHolding(_ req: Request, _ page: (String, Holding) async throws -> Response) async throws
        -> Response
    {
        let code = String((try req.content.decode(Input.self).code ?? "").prefix(40))
        guard try await CodeGuard.mayTry(req) else { throw Abort(.tooManyRequests) }
        guard let holding = try await service(req).find(code) else {
            try await CodeGuard.failed(req)
            return MyDataPages.form(
                req.page, form: FormState(values: ["code": code], errors: ["code": "mydata.not_found"]),
                status: .notFound)
        }
        let response = try await page(code, holding)
        try await CodeGuard.succeeded(req, response)
        return response
    }

    func show(req: Request) async throws -> Response {
        try await withHolding(req) { code, holding in
            let items = try await service(req).items(holding)
            return MyDataPages.show(req.page, code: code, items: items, reads: try await service(req).reads(of: items))
        }
    }

    /// The same document the API answers, as a file to keep.
    func export(req: Request) async throws -> Response {
        try await withHolding(req) { _, holding in try await exportFile(req, holding) }
    }

    private func exportFile(_ req: Request, _ holding: Holding) async throws -> Response {
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
        return try await withHolding(req) { code, holding in
            guard confirmed else { return MyDataPages.confirm(req.page, code: code) }
            return MyDataPages.erased(req.page, count: try await service(req).erase(holding))
        }
    }
}
