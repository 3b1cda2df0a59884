import Fluent
import Foundation
import SQLKit

/// Plans joint trainings and keeps their places and waiting lists, with the gatherings' rules: one write
/// transaction per change that locks the training, places taken by a conditional UPDATE (the CHECK constraint
/// refuses anything beyond capacity), and freed places going to the waiting list first come, first served.
struct TrainingService: Sendable {
    let db: any Database
    let now: Date

    static func mayPlan(_ user: StaffUser) -> Bool { user.role == .coordinator || user.role == .admin }

    func plan(_ valid: ValidTraining) async throws -> JointTraining {
        let training = JointTraining()
        training.title = valid.title
        training.about = valid.about
        training.place = valid.place
        training.startsAt = valid.startsAt
        training.endsAt = valid.endsAt
        training.capacity = valid.capacity
        training.taken = 0
        training.organisationIDs = valid.organisations.map(\.uuidString).joined(separator: ",")
        training.createdAt = now
        try await training.create(on: db)
        return training
    }

    /// Upcoming first (soonest first), then those of the last year (latest first).
    func list() async throws -> (upcoming: [JointTraining], past: [JointTraining]) {
        let all = try await JointTraining.query(on: db).filter(
            \.$startsAt >= now.addingTimeInterval(-TrainingRules.lookBackDays * 86400)
        )
        .sort(\.$startsAt).all()
        return (all.filter { $0.startsAt > now }, all.filter { $0.startsAt <= now }.reversed())
    }

    func find(_ id: UUID?) async throws -> JointTraining? {
        guard let id else { return nil }
        return try await JointTraining.find(id, on: db)
    }

    func signups(of trainingID: UUID) async throws -> [TrainingSignup] {
        try await TrainingSignup.query(on: db).filter(\.$training.$id == trainingID).filter(\.$status != .cancelled)
            .with(\.$staffUser).with(\.$professional) { $0.with(\.$organisation) }.sort(\.$seq).all()
    }

    enum Person: Sendable { case staff(UUID), professional(UUID) }
    enum SignupOutcome: Equatable, Sendable { case confirmed, waitlisted(position: Int), already, closed }

    func signUp(_ person: Person, for trainingID: UUID) async throws -> SignupOutcome {
        try await WriteTransaction.run(on: db) { tx in
            try await RowLock.lock(JointTraining.schema, id: trainingID, on: tx)
            guard let training = try await JointTraining.find(trainingID, on: tx), training.startsAt > now else {
                return .closed
            }
            let mine = TrainingSignup.query(on: tx).filter(\.$training.$id == trainingID)
            switch person {
            case .staff(let id): mine.filter(\.$staffUser.$id == id)
            case .professional(let id): mine.filter(\.$professional.$id == id)
            }
            let earlier = try await mine.first()
            if let earlier, earlier.status != .cancelled { return .already }
            let waiting = try await TrainingSignup.query(on: tx).filter(\.$training.$id == trainingID).filter(
                \.$status == .waitlisted
            ).count()
            let placement = WaitingList.place(
                adults: 1, capacity: training.capacity, taken: training.taken, anyoneWaiting: waiting > 0)
            var status = TrainingSignup.Status.waitlisted
            if placement == .confirmed, try await takePlace(trainingID, on: tx) { status = .confirmed }
            // Someone who cancelled and comes back joins at the end of the queue, on her old row.
            let signup = earlier ?? TrainingSignup()
            signup.$training.id = trainingID
            switch person {
            case .staff(let id): signup.$staffUser.id = id
            case .professional(let id): signup.$professional.id = id
            }
            signup.seq =
                (try await TrainingSignup.query(on: tx).filter(\.$training.$id == trainingID).max(\.$seq) ?? 0) + 1
            signup.status = status
            signup.attended = false
            signup.createdAt = now
            try await signup.save(on: tx)
            return status == .confirmed ? .confirmed : .waitlisted(position: waiting + 1)
        }
    }

    /// Cancels once; a freed place goes to the first in line.
    @discardableResult
    func cancel(_ signupID: UUID) async throws -> Bool {
        try await WriteTransaction.run(on: db) { tx in
            guard let signup = try await TrainingSignup.find(signupID, on: tx), signup.status != .cancelled else {
                return false
            }
            let trainingID = signup.$training.id
            try await RowLock.lock(JointTraining.schema, id: trainingID, on: tx)
            let wasConfirmed = signup.status == .confirmed
            signup.status = .cancelled
            try await signup.save(on: tx)
            guard wasConfirmed else { return true }
            try await PlaceCounter.jointTrainings.release(of: trainingID, on: tx)
            guard let training = try await JointTraining.find(trainingID, on: tx), training.startsAt > now else {
                return true
            }
            let queue = try await TrainingSignup.query(on: tx).filter(\.$training.$id == trainingID).filter(
                \.$status == .waitlisted
            ).sort(\.$seq).all()
            let chosen = Set(
                WaitingList.promotions(free: training.capacity - training.taken, queue: queue.map { ($0.seq, 1) }))
            for next in queue where chosen.contains(next.seq) {
                guard try await takePlace(trainingID, on: tx) else { break }
                next.status = .confirmed
                try await next.save(on: tx)
            }
            return true
        }
    }

    /// The coordinator takes attendance once the training has begun: who was there.
    func takeAttendance(of trainingID: UUID, present: Set<UUID>) async throws -> Bool {
        guard let training = try await JointTraining.find(trainingID, on: db), training.startsAt <= now else {
            return false
        }
        for signup in try await signups(of: trainingID) where signup.status == .confirmed {
            let was = present.contains(try signup.requireID())
            if signup.attended != was {
                signup.attended = was
                try await signup.save(on: db)
            }
        }
        return true
    }

    private func takePlace(_ id: UUID, on tx: any Database) async throws -> Bool {
        try await PlaceCounter.jointTrainings.take(of: id, now: now, on: tx)
    }

    /// Who met whom around each location this staff member works with, from attendance of the last year.
    func matrix(for locations: [Location]) async throws -> MeetingMatrix {
        let ids = locations.compactMap(\.id)
        let cjg = MeetingMatrix.Party(key: "cjg", label: "CJG"),
            school = MeetingMatrix.Party(key: "school", label: "School")
        var around: [(location: UUID, party: MeetingMatrix.Party)] = []
        let advisors = try await LocationAdvisor.query(on: db).filter(\.$location.$id ~~ ids).all()
        let teachers = try await LocationTeacher.query(on: db).filter(\.$location.$id ~~ ids).all()
        let people = try await Professional.query(on: db).filter(\.$location.$id ~~ ids).with(\.$organisation).all()
        around += advisors.map { ($0.$location.id, cjg) } + teachers.map { ($0.$location.id, school) }
        around += people.map {
            ($0.$location.id, MeetingMatrix.Party(key: $0.$organisation.id.uuidString, label: $0.organisation.name))
        }

        let since = now.addingTimeInterval(-TrainingRules.lookBackDays * 86400)
        let attended = try await TrainingSignup.query(on: db).filter(\.$attended == true)
            .join(JointTraining.self, on: \TrainingSignup.$training.$id == \JointTraining.$id)
            .filter(JointTraining.self, \.$startsAt >= since).filter(JointTraining.self, \.$startsAt <= now).all()
        var met: [(location: UUID, party: MeetingMatrix.Party, person: String)] = []
        for signup in attended {
            if let professionalID = signup.$professional.id,
                let person = people.first(where: { $0.id == professionalID })
            {
                met.append(
                    (
                        person.$location.id,
                        MeetingMatrix.Party(key: person.$organisation.id.uuidString, label: person.organisation.name),
                        professionalID.uuidString
                    ))
            } else if let staffID = signup.$staffUser.id {
                met += advisors.filter { $0.$advisor.id == staffID }.map { ($0.$location.id, cjg, staffID.uuidString) }
                met += teachers.filter { $0.$teacher.id == staffID }.map {
                    ($0.$location.id, school, staffID.uuidString)
                }
            }
        }
        return MeetingMatrix(locations: locations.map { ($0.id!, $0.name) }, around: around, attended: met)
    }
}
