import Fluent
import Vapor

/// *Gezamenlijke scholing* in the browser: staff sign themselves up (with a waiting list); coordinators plan,
/// sign up partner professionals from the who's-who, and take attendance.
struct TrainingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped(Paths.Staff.route(.trainings)).grouped(
            RequireRole(.admin, .coordinator, .advisor, .teacher))
        staff.get(use: list)
        staff.get(":trainingID", use: show)
        staff.post(":trainingID", "signup", use: signUp)
        staff.post(":trainingID", "cancel", use: cancelMine)
        let coordinator = staff.grouped(RequireRole(.admin, .coordinator))
        coordinator.post(use: plan)
        coordinator.post(":trainingID", "professionals", use: addProfessional)
        coordinator.post(":trainingID", "signups", ":signupID", "cancel", use: cancelSignup)
        coordinator.post(":trainingID", "attendance", use: attendance)
    }

    private func service(_ req: Request) -> TrainingService { TrainingService(db: req.db, now: req.now) }

    func list(req: Request) async throws -> Response {
        try await render(req, form: FormState())
    }

    private func render(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.requireStaffUser()
        let (upcoming, past) = try await service(req).list()
        var mine: [UUID: TrainingSignup.Status] = [:]
        for signup in try await TrainingSignup.query(on: req.db).filter(\.$staffUser.$id == user.requireID()).all() {
            mine[signup.$training.id] = signup.status
        }
        let matrix =
            TrainingService.mayPlan(user)
            ? try await service(req).matrix(for: StaffScope(user, on: req.db).locations()) : nil
        return TrainingPages.list(
            req.page, user: user, upcoming: upcoming, past: past, mine: mine,
            organisations: try await NetworkService(db: req.db, now: req.now).organisations(),
            matrix: matrix, form: form, status: status)
    }

    struct PlanInput: Content {
        var title: String?, about: String?, place: String?, date: String?, from: String?, to: String?, capacity: String?
        var organisations: [String]?
    }

    func plan(req: Request) async throws -> Response {
        let input = try req.content.decode(PlanInput.self)
        let known = Set(try await NetworkService(db: req.db, now: req.now).organisations().compactMap(\.id))
        switch TrainingRules.validate(
            title: input.title ?? "", about: input.about ?? "", place: input.place ?? "", date: input.date ?? "",
            from: input.from ?? "", to: input.to ?? "", capacity: input.capacity ?? "",
            organisations: input.organisations ?? [], known: known, now: req.now)
        {
        case .success(let valid):
            let training = try await service(req).plan(valid)
            return req.redirect(
                to: Paths.Staff.training(try training.requireID(), done: "training.planned"),
                redirectType: .normal)
        case .failure(let errors):
            var values = [
                "title": input.title ?? "", "about": input.about ?? "", "place": input.place ?? "",
                "date": input.date ?? "",
                "from": input.from ?? "", "to": input.to ?? "", "capacity": input.capacity ?? "",
            ]
            for id in input.organisations ?? [] { values["organisation:\(id)"] = "yes" }
            return try await render(
                req, form: FormState(values: values, errors: errors.fields), status: .unprocessableEntity)
        }
    }

    private func training(_ req: Request) async throws -> JointTraining {
        guard
            let training = try await service(req).find(req.parameters.get("trainingID").flatMap(UUID.init(uuidString:)))
        else {
            throw Abort(.notFound)
        }
        return training
    }

    func show(req: Request) async throws -> Response {
        let training = try await training(req)
        let user = try req.requireStaffUser()
        let professionals =
            TrainingService.mayPlan(user)
            ? try await Professional.query(on: req.db).with(\.$organisation).with(\.$location).sort(\.$name).all() : []
        return TrainingPages.detail(
            req.page, training: training, user: user, signups: try await service(req).signups(of: training.requireID()),
            professionals: professionals,
            organisations: try await NetworkService(db: req.db, now: req.now).organisations(),
            now: req.now)
    }

    private func back(_ req: Request, _ training: JointTraining, _ done: String) throws -> Response {
        req.redirect(to: Paths.Staff.training(try training.requireID(), done: done), redirectType: .normal)
    }

    func signUp(req: Request) async throws -> Response {
        let training = try await training(req)
        switch try await service(req).signUp(.staff(req.requireStaffUser().requireID()), for: training.requireID()) {
        case .confirmed, .already: return try back(req, training, "training.signed_up")
        case .waitlisted: return try back(req, training, "training.waitlisted")
        case .closed: return try back(req, training, "training.closed")
        }
    }

    func cancelMine(req: Request) async throws -> Response {
        let training = try await training(req)
        let user = try req.requireStaffUser()
        if let mine = try await TrainingSignup.query(on: req.db).filter(\.$training.$id == training.requireID())
            .filter(\.$staffUser.$id == user.requireID()).first()
        {
            try await service(req).cancel(mine.requireID())
        }
        return try back(req, training, "training.cancelled")
    }

    struct ProfessionalInput: Content { var professional: String? }

    func addProfessional(req: Request) async throws -> Response {
        let training = try await training(req)
        guard let id = try req.content.decode(ProfessionalInput.self).professional.flatMap(UUID.init(uuidString:)),
            try await Professional.find(id, on: req.db) != nil
        else { throw Abort(.unprocessableEntity) }
        switch try await service(req).signUp(.professional(id), for: training.requireID()) {
        case .confirmed, .already: return try back(req, training, "training.added")
        case .waitlisted: return try back(req, training, "training.waitlisted_other")
        case .closed: return try back(req, training, "training.closed")
        }
    }

    func cancelSignup(req: Request) async throws -> Response {
        let training = try await training(req)
        guard let signupID = req.parameters.get("signupID").flatMap(UUID.init(uuidString:)),
            let signup = try await TrainingSignup.find(signupID, on: req.db), signup.$training.id == training.id
        else { throw Abort(.notFound) }
        try await service(req).cancel(signupID)
        return try back(req, training, "training.cancelled_other")
    }

    struct AttendanceInput: Content { var present: [String]? }

    func attendance(req: Request) async throws -> Response {
        let training = try await training(req)
        let present = Set(
            (try req.content.decode(AttendanceInput.self).present ?? []).compactMap(UUID.init(uuidString:)))
        guard try await service(req).takeAttendance(of: training.requireID(), present: present) else {
            throw Abort(.conflict)
        }
        return try back(req, training, "training.attendance_saved")
    }
}
