import Fluent
import Vapor

/// Which questions an advisor may see: those asked at their locations, and those asked without a location
/// (the municipality's). Every desk page goes through here.
enum DeskAccess {
    static func locationIDs(_ req: Request) async throws -> [UUID] {
        try await req.staffScope.locationIDs()
    }

    static func visible(_ req: Request) async throws -> QueryBuilder<Question> {
        visible(req, locations: try await locationIDs(req))
    }

    /// The same, for a page that already looked up the advisor's locations.
    static func visible(_ req: Request, locations mine: [UUID]) -> QueryBuilder<Question> {
        Question.query(on: req.db).group(.or) { $0.filter(\.$location.$id ~~ mine).filter(\.$location.$id == nil) }
    }

    static func question(_ req: Request) async throws -> Question {
        guard let id = req.parameters.get("questionID").flatMap(UUID.init(uuidString:)),
            let question = try await visible(req).filter(\.$id == id).first()
        else { throw Abort(.notFound) }
        return question
    }
}

/// The advisors' question desk: the queue (oldest first, filtered), claim, answer with a pointer to a slot or
/// gathering, standard replies, close. Every read is logged.
struct DeskController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let desk = routes.grouped(Paths.Staff.route(.questions)).grouped(RequireRole(.advisor))
        desk.get(use: queue)
        desk.get(":questionID", use: show)
        desk.post(":questionID", "answer", use: answer)
        desk.post(":questionID", "standard", use: standard)
        desk.post(":questionID", "close", use: close)
    }

    func queue(req: Request) async throws -> Response {
        let filter = DeskFilter(query: req.page.query)
        let mine = try await DeskAccess.locationIDs(req)
        var query = DeskAccess.visible(req, locations: mine).filter(\.$status ~~ [.open, .claimed]).with(\.$location)
            .sort(\.$createdAt)
        if let location = filter.location {
            if location == "municipality" {
                query = query.filter(\.$location.$id == nil)
            } else if let id = UUID(uuidString: location) {
                query = query.filter(\.$location.$id == id)
            }
        }
        if let topic = filter.topic { query = query.filter(\.$topic == topic) }
        if let language = filter.language { query = query.filter(\.$language == language) }
        if let age = filter.ageGroup { query = query.filter(\.$ageGroup == age) }
        switch filter.waiting {
        case .any: break
        case .day: query = query.filter(\.$createdAt < req.now.addingTimeInterval(-86400))
        case .overdue: query = query.filter(\.$dueAt < req.now)
        }
        let waiting = try await query.all()
        let since = req.now.addingTimeInterval(-30 * 86400)
        let answered = try await DeskAccess.visible(req, locations: mine).filter(\.$firstAnsweredAt >= since).all()
        let times = ResponseTimes.summary(
            answered.compactMap { q in q.firstAnsweredAt.map { (q.createdAt, $0, q.dueAt) } })
        let ready = try await DeskAccess.visible(req, locations: mine).filter(\.$consentPublish == true).filter(
            \.$published == false
        )
        .filter(\.$firstAnsweredAt != nil).sort(\.$createdAt).all()
        let locations = try await Location.query(on: req.db).filter(\.$id ~~ mine).sort(\.$name).all()
        try await AccessLog.record(
            ["questions.queue"] + (waiting + ready).compactMap(\.id).map(RecordSubject.question), on: req)
        return DeskPages.queue(
            req.page, .init(questions: waiting, ready: ready, times: times, locations: locations, filter: filter),
            now: req.now)
    }

    func show(req: Request) async throws -> Response {
        let question = try await DeskAccess.question(req)
        if question.status == .open {
            question.status = .claimed
            question.claimedBy = req.staff?.user.id
            try await question.save(on: req.db)
        }
        return try await answerPage(req, question, form: FormState())
    }

    private func answerPage(_ req: Request, _ question: Question, form: FormState, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let thread = try await QuestionMessage.query(on: req.db).filter(\.$question.$id == question.requireID()).sort(
            \.$createdAt
        ).all()
        let places = try await Self.places(for: question, req)
        let options = try await AnswerPointers.options(at: places, now: req.now, t: req.t, on: req.db)
        try await AccessLog.record(RecordSubject.question(try question.requireID()), on: req)
        return DeskPages.answer(
            req.page, .init(question: question, thread: thread, slots: options.slots, gatherings: options.gatherings),
            form: form, status: status)
    }

    /// Where the desk looks for slots and gatherings to point to: the question's location, else the advisor's.
    private static func places(for question: Question, _ req: Request) async throws -> [UUID] {
        if let id = question.$location.id { return [id] }
        return try await DeskAccess.locationIDs(req)
    }

    struct AnswerInput: Content { var text: String?, slot: String?, gathering: String?, reply: String? }

    func answer(req: Request) async throws -> Response {
        let question = try await DeskAccess.question(req)
        let input = try req.content.decode(AnswerInput.self)
        var form = FormState(values: [
            "text": input.text ?? "", "slot": input.slot ?? "", "gathering": input.gathering ?? "",
        ])
        let text: String
        switch DeskRules.validateAnswer(form["text"]) {
        case .success(let valid): text = valid
        case .failure(let errors):
            form.errors = errors.fields
            return try await answerPage(req, question, form: form, status: .unprocessableEntity)
        }
        let me = try req.requireStaffUser()
        // Only slots and gatherings the desk offered may be pointed to.
        let places = try await Self.places(for: question, req)
        let options = try await AnswerPointers.options(at: places, now: req.now, t: req.t, on: req.db)
        let pointer = QuestionService.Pointer(
            slotID: options.slots.first { $0.value == input.slot }.flatMap { UUID(uuidString: $0.value) },
            gatheringID: options.gatherings.first { $0.value == input.gathering }.flatMap { UUID(uuidString: $0.value) }
        )
        try await QuestionService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now
        )
        .answer(question, by: me, text: text, pointer: pointer)
        return req.redirect(to: Paths.Staff.page(.questions, done: "desk.answered"), redirectType: .normal)
    }

    /// Adds a standard reply to what the advisor has typed, in the language the parent asked in.
    func standard(req: Request) async throws -> Response {
        let question = try await DeskAccess.question(req)
        let input = try req.content.decode(AnswerInput.self)
        guard let reply = input.reply.flatMap(StandardReply.init(rawValue:)) else { throw Abort(.badRequest) }
        let typed = TextRules.multiLine(input.text ?? "")
        let language = Language(rawValue: question.language) ?? .nl
        let added = req.application.catalogues.text(reply.textKey, language)
        return try await answerPage(
            req, question,
            form: FormState(values: [
                "text": typed.isEmpty ? added : typed + "\n\n" + added,
                "slot": input.slot ?? "", "gathering": input.gathering ?? "",
            ]))
    }

    func close(req: Request) async throws -> Response {
        let question = try await DeskAccess.question(req)
        question.status = .closed
        try await question.save(on: req.db)
        return req.redirect(to: Paths.Staff.page(.questions, done: "desk.closed"), redirectType: .normal)
    }
}
