import Fluent
import Plot
import Vapor

/// The advisor's desk of support requests that came in through the 10-minute conversations: what the parent
/// would like to talk about, how to reach her, and an answer she reads under her code.
struct SupportDeskController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let desk = routes.grouped(Paths.Staff.route(.support)).grouped(RequireRole(.advisor))
        desk.get(use: list)
        desk.get(":requestID", use: show)
        desk.post(":requestID", "answer", use: answer)
    }

    private func service(_ req: Request) -> SupportRequestService {
        SupportRequestService(db: req.db, settings: req.application.settings, now: req.now)
    }

    func list(req: Request) async throws -> Response {
        let requests = try await service(req).requests(for: req.requireStaffUser())
        try await AccessLog.record(requests.compactMap(\.id).map(RecordSubject.supportRequest), on: req)
        return SupportDeskPages.list(req.page, requests: requests)
    }

    /// One request of the advisor's own locations; any other does not exist for her.
    private func request(_ req: Request) async throws -> SupportRequest {
        guard let id = req.parameters.get("requestID").flatMap(UUID.init(uuidString:)),
            let request = try await service(req).requests(for: req.requireStaffUser()).first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        return request
    }

    func show(req: Request) async throws -> Response {
        let request = try await request(req)
        try await AccessLog.record([RecordSubject.supportRequest(try request.requireID())], on: req)
        return SupportDeskPages.request(req.page, request, form: FormState())
    }

    struct AnswerInput: Content { var answer: String?, offer: String? }

    func answer(req: Request) async throws -> Response {
        let request = try await request(req)
        let input = try req.content.decode(AnswerInput.self)
        switch try await service(req).answer(
            request.requireID(), by: req.requireStaffUser(), text: input.answer ?? "",
            offersConsultation: input.offer == "yes")
        {
        case .answered:
            return req.redirect(to: Paths.Staff.page(.support, done: "support.answered"), redirectType: .normal)
        case .notFound:
            throw Abort(.notFound)
        case .invalid(let errors):
            let form = FormState(
                values: ["answer": input.answer ?? "", "offer": input.offer ?? ""], errors: errors.fields)
            return SupportDeskPages.request(req.page, request, form: form, status: .unprocessableEntity)
        }
    }
}

enum SupportDeskPages {
    static func list(_ ctx: PageContext, requests: [SupportRequest]) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("support.title")) {
            Confirmation(ctx, allowed: ["support.answered"])
            Tag("h1") { Txt(t("support.title")) }
            Tag("p") { Txt(t("support.intro")) }.cls("lead")
            if requests.isEmpty { Tag("p") { Txt(t("support.none")) }.cls("notice") }
            for request in requests {
                Tag("section") {
                    summary(t, request)
                    if request.status == .open {
                        Tag("p") { A(Paths.Staff.supportRequest(request.id!)) { Txt(t("support.answer")) } }
                    }
                }.cls("card stacked")
            }
        }
    }

    static func request(_ ctx: PageContext, _ request: SupportRequest, form: FormState, status: HTTPStatus = .ok)
        -> Response
    {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("support.answer"), status: status) {
            Tag("h1") { Txt(t("support.answer")) }
            Tag("section") { summary(t, request) }.cls("card stacked")
            if request.status == .open {
                ErrorSummary(form, t)
                Tag("form") {
                    CSRFField(ctx)
                    TextAreaField(
                        name: "answer", label: t("support.answer_label"), hint: t("support.answer_hint"),
                        maxLength: SupportRequestService.maxAnswer
                    ).render(form, t)
                    CheckBox(name: "offer", label: t("support.offer")).render(form)
                    Tag("button") { Txt(t("support.send")) }.attr("type", "submit")
                }.attr("method", "post").attr("action", Paths.Staff.supportRequest(request.id!, "/answer")).cls(
                    "stack")
            }
            Tag("p") { A(Paths.Staff.page(.support)) { Txt(t("support.back")) } }
        }
    }

    /// What the parent asked for, and how she would like to be reached. Never her child's name or the teacher.
    private static func summary(_ t: Localizer, _ request: SupportRequest) -> Component {
        ComponentGroup {
            Tag("h2") { Txt("\(request.location.name) · \(t.dayTitle(LocalDate(containing: request.createdAt)))") }
            Tag("p") { Txt(t(request.status == .open ? "support.open" : "support.handled")) }.cls("eyebrow")
            if !request.topics.isEmpty { Tag("p") { TopicLabels(request.topics, t) } }
            if !request.note.isEmpty { Tag("blockquote") { Txt(request.note) } }
            Tag("p") { Txt(request.contact.map { t("support.reach", ["contact": $0]) } ?? t("support.reach_code")) }
            if let answer = request.answer { Tag("p") { Txt(t("support.your_answer", ["answer": answer])) } }
            if request.offersConsultation { Tag("p") { Txt(t("support.offered")) } }
        }
    }
}
