import Fluent
import Vapor

/// *Thuis*: the public theme page and home letter, "we did this" without an account, pictures, and the staff
/// pages to write, copy and illustrate themes.
struct HomeThemeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("locations", ":id", "thuis", use: page)
        routes.get("locations", ":id", "thuis", "brief", use: letter)
        routes.post("locations", ":id", "thuis", "activities", ":activityID", "done", use: done)
        routes.get("pictures", ":pictureID", use: picture)
        let staff = routes.grouped(Paths.Staff.route(.homeThemes)).grouped(
            RequireRole(.admin, .coordinator, .advisor, .teacher))
        staff.get(use: list)
        staff.post(use: create)
        staff.post("copy", use: copy)
        staff.get(":themeID", use: show)
        // A photo of a drawing is larger than a form: up to 2 MB plus the form around it.
        staff.on(.POST, ":themeID", "activities", ":activityID", "picture", body: .collect(maxSize: "3mb"), use: upload)
    }

    private func service(_ req: Request) -> HomeThemeService { HomeThemeService(db: req.db, now: req.now) }

    private func location(_ req: Request) async throws -> Location {
        guard let location = try await LocationQueries.find(req.parameters.get("id"), on: req.db) else {
            throw Abort(.notFound)
        }
        return location
    }

    func page(req: Request) async throws -> Response {
        let location = try await location(req)
        return HomeThemePages.page(
            req.page, location: location, themes: try await service(req).current(at: location.requireID()),
            publicURL: req.application.settings.publicURL)
    }

    func letter(req: Request) async throws -> Response {
        let location = try await location(req)
        let home = Localizer(language: req.language, catalogues: req.application.catalogues)
        let dutch = Localizer(language: .nl, catalogues: req.application.catalogues)
        return HomeThemePages.letter(
            req.page, location: location, themes: try await service(req).current(at: location.requireID()),
            localizers: req.language == .nl ? [dutch] : [dutch, home],
            url: "\(req.application.settings.publicURL)/locations/\(try location.requireID().uuidString)/thuis")
    }

    /// The no-JavaScript "we did this": one per device, like supporting a wish.
    func done(req: Request) async throws -> Response {
        let location = try await location(req)
        let device = DeviceCookie.id(req)
        let activityID = req.parameters.get("activityID").flatMap(UUID.init(uuidString:))
        guard let activityID,
            let activity = try await HomeActivity.query(on: req.db).filter(\.$id == activityID).with(\.$theme).first(),
            activity.theme.$location.id == location.id
        else { throw Abort(.notFound) }
        let outcome = try await service(req).markDone(
            activityID, deviceKey: DeviceCookie.key(device, secret: req.application.settings.secret ?? ""))
        let response = req.redirect(
            to:
                Paths.location(try location.requireID(), "/thuis")
                + "?done=\(outcome == .counted ? "theme.thanks" : "theme.thanks_again")#a-\(activityID.uuidString)",
            redirectType: .normal)
        DeviceCookie.set(device, on: response, req)
        return response
    }

    func picture(req: Request) async throws -> Response {
        guard let id = req.parameters.get("pictureID").flatMap(UUID.init(uuidString:)),
            let picture = try await ThemePicture.find(id, on: req.db)
        else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: picture.contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: picture.bytes))
    }

    // MARK: staff

    func list(req: Request) async throws -> Response {
        try await render(req, form: FormState(), copyForm: FormState())
    }

    private func render(_ req: Request, form: FormState, copyForm: FormState, status: HTTPStatus = .ok) async throws
        -> Response
    {
        let user = try req.requireStaffUser()
        let locations = try await StaffScope(user, on: req.db).locations()
        let mine = try await service(req).themes(at: locations.compactMap(\.id))
        // Any theme of the municipality can be copied: another location's, or last year's.
        let all = try await service(req).themes(at: try await Location.query(on: req.db).all().compactMap(\.id))
        return HomeThemePages.staffList(
            req.page, themes: mine, families: try await service(req).families(of: mine), copyable: all,
            locations: locations, form: form, copyForm: copyForm, status: status)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireStaffUser()
        // The eight activity blocks are read by name from the form: one shape for all of them.
        let values = try req.content.decode([String: String].self)
        var form = FormState(values: values)
        let input = HomeThemeInput(
            group: form["group"], title: form["title"], firstDay: form["firstDay"], lastDay: form["lastDay"],
            intro: form["intro"], rhyme: form["rhyme"],
            activities: (1...HomeThemeRules.activityCount.upperBound).map { n in
                HomeActivityInput(
                    title: form["a\(n)title"], steps: form["a\(n)steps"], materials: form["a\(n)materials"],
                    pictogram: form["a\(n)pictogram"])
            },
            words: HomeThemeRules.parseWords(form["words"]))
        let locationID = try await StaffScope(user, on: req.db).location(form["location"])
        switch HomeThemeRules.validate(input) {
        case .success(let valid) where locationID != nil:
            let theme = try await service(req).create(at: locationID!, valid)
            return req.redirect(
                to: Paths.Staff.homeTheme(try theme.requireID(), done: "theme.saved"), redirectType: .normal)
        case .success:
            form.errors = ["location": "error.required"]
        case .failure(let errors):
            // Activity errors are named by block ("activity2.title") and shown beside that block's field.
            form.errors = errors.fields.reduce(into: [:]) {
                $0[$1.key.replacingOccurrences(of: "activity", with: "a").replacingOccurrences(of: ".", with: "")] =
                    $1.value
            }
            if locationID == nil { form.errors["location"] = "error.required" }
        }
        return try await render(req, form: form, copyForm: FormState(), status: .unprocessableEntity)
    }

    struct CopyForm: Content {
        var theme: String?, copyLocation: String?, copyGroup: String?, copyFirstDay: String?, copyLastDay: String?
    }

    func copy(req: Request) async throws -> Response {
        let user = try req.requireStaffUser()
        let input = try req.content.decode(CopyForm.self)
        var form = FormState(values: [
            "theme": input.theme ?? "", "copyLocation": input.copyLocation ?? "", "copyGroup": input.copyGroup ?? "",
            "copyFirstDay": input.copyFirstDay ?? "", "copyLastDay": input.copyLastDay ?? "",
        ])
        let source = try await service(req).find(input.theme.flatMap(UUID.init(uuidString:)))
        let locationID = try await StaffScope(user, on: req.db).location(input.copyLocation)
        // The same rules as writing a theme; the copy form's fields carry a "copy" prefix.
        let placed = HomeThemeRules.groupAndPeriod(
            group: form["copyGroup"], firstDay: form["copyFirstDay"], lastDay: form["copyLastDay"])
        var errors = placed.errors.reduce(into: [String: String]()) {
            $0["copy" + $1.key.prefix(1).uppercased() + $1.key.dropFirst()] = $1.value
        }
        if source == nil { errors["theme"] = "error.required" }
        if locationID == nil { errors["copyLocation"] = "error.required" }
        let group = placed.group
        guard errors.isEmpty, let source, let locationID, let first = placed.first, let last = placed.last else {
            form.errors = errors
            return try await render(req, form: FormState(), copyForm: form, status: .unprocessableEntity)
        }
        let theme = try await service(req).copy(source, to: locationID, group: group, firstDay: first, lastDay: last)
        return req.redirect(
            to: Paths.Staff.homeTheme(try theme.requireID(), done: "theme.copied"), redirectType: .normal)
    }

    private func theme(_ req: Request) async throws -> HomeTheme {
        let user = try req.requireStaffUser()
        let scope = try await StaffScope(user, on: req.db).locations().compactMap(\.id)
        guard let theme = try await service(req).find(req.parameters.get("themeID").flatMap(UUID.init(uuidString:))),
            scope.contains(theme.$location.id)
        else { throw Abort(.notFound) }
        return theme
    }

    func show(req: Request) async throws -> Response {
        let theme = try await theme(req)
        return HomeThemePages.staffTheme(
            req.page, theme: theme, families: try await service(req).families(of: [theme])[theme.id!] ?? 0)
    }

    struct Upload: Content { var picture: File? }

    func upload(req: Request) async throws -> Response {
        let theme = try await theme(req)
        guard
            let activity = theme.activities.first(where: {
                $0.id?.uuidString == req.parameters.get("activityID")?.uppercased()
            })
        else { throw Abort(.notFound) }
        let file = try req.content.decode(Upload.self).picture
        let data = file.map { Data(buffer: $0.data) } ?? Data()
        let outcome = data.isEmpty ? .failure(.notAPicture) : try await service(req).setPicture(activity, upload: data)
        switch outcome {
        case .success:
            return req.redirect(
                to: Paths.Staff.homeTheme(theme.id!, done: "theme.picture_saved") + "#a-\(activity.id!.uuidString)",
                redirectType: .normal)
        case .failure(let failure):
            let key = failure == .tooLarge ? "theme.error.picture_large" : "theme.error.picture_type"
            return HomeThemePages.staffTheme(
                req.page, theme: theme, families: try await service(req).families(of: [theme])[theme.id!] ?? 0,
                pictureError: (activity.id!, key),
                status: failure == .tooLarge ? .payloadTooLarge : .unsupportedMediaType)
        }
    }
}
