import Fluent
import Foundation
import Vapor

/// A purge that enforces a retention limit. Each feature adds its own to `RetentionJobs.all`.
struct RetentionJob: Sendable {
    var name: String
    var run: @Sendable (_ db: any Database, _ now: Date, _ settings: Settings) async throws -> Int
}

enum RetentionJobs {
    static let accessLogDays = 365

    static let all: [RetentionJob] = [
        RetentionJob(name: "staff_sessions") { db, now, settings in
            let idle = now.addingTimeInterval(-Double(settings.sessionIdleSeconds))
            let absolute = now.addingTimeInterval(-Double(settings.sessionAbsoluteSeconds))
            return try await deleteCounting(
                StaffSession.query(on: db).group(.or) {
                    $0.filter(\.$lastSeenAt < idle).filter(\.$createdAt < absolute)
                })
        },
        RetentionJob(name: "access_log") { db, now, _ in
            try await deleteCounting(
                AccessLogEntry.query(on: db)
                    .filter(\.$at < now.addingTimeInterval(-Double(accessLogDays) * 86400)))
        },
        RetentionJob(name: "bookings") { db, now, _ in
            try await deleteCounting(Booking.query(on: db).filter(\.$purgeAfter < now))
        },
        // A round goes a month after its last conversation, with its bookings; a code when all it held is gone.
        RetentionJob(name: "conversation_rounds") { db, now, _ in
            try await deleteCounting(ConversationRound.query(on: db).filter(\.$purgeAfter < now))
        },
        RetentionJob(name: "support_requests") { db, now, _ in
            try await deleteCounting(SupportRequest.query(on: db).filter(\.$purgeAfter < now))
        },
        RetentionJob(name: "look_along_requests") { db, now, _ in
            try await deleteCounting(LookAlongRequest.query(on: db).filter(\.$purgeAfter < now))
        },
        // Who attended a joint training counts for "who met whom" for a year; then the training and its list go.
        RetentionJob(name: "joint_trainings") { db, now, _ in
            try await deleteCounting(
                JointTraining.query(on: db).filter(
                    \.$endsAt < now.addingTimeInterval(-(TrainingRules.lookBackDays + 31) * 86400)))
        },
        RetentionJob(name: "conversation_codes") { db, now, _ in
            try await deleteCounting(ConversationCode.query(on: db).filter(\.$purgeAfter < now))
        },
        RetentionJob(name: "questions") { db, now, _ in
            try await deleteCounting(Question.query(on: db).filter(\.$purgeAfter < now))
        },
        RetentionJob(name: "registrations") { db, now, _ in
            try await deleteCounting(Registration.query(on: db).filter(\.$purgeAfter < now))
        },
        RetentionJob(name: "outbox_messages") { db, now, _ in
            try await deleteCounting(
                OutboxMessage.query(on: db).group(.or) {
                    $0.group(.and) {
                        $0.filter(\.$status ~~ [.sent, .cancelled]).filter(
                            \.$createdAt < now.addingTimeInterval(-7 * 86400))
                    }
                    $0.filter(\.$createdAt < now.addingTimeInterval(-30 * 86400))
                })
        },
        RetentionJob(name: "rate_limit_events") { db, now, settings in
            let longest = max(RateLimiter.window, Double(settings.loginWindowSeconds))
            return try await deleteCounting(
                RateLimitEvent.query(on: db).filter(\.$at < now.addingTimeInterval(-longest)))
        },
        // The statistics stay; what parents wrote in "what could be better?" goes after a year.
        RetentionJob(name: "feedback_text") { db, now, _ in
            let cutoff = LocalDate(containing: now.addingTimeInterval(-365 * 86400)).startOfWeek.description
            let query = Feedback.query(on: db).filter(\.$week < cutoff).filter(\.$text != nil)
            let count = try await query.copy().count()
            if count > 0 { try await query.set(\.$text, to: nil).update() }
            return count
        },
        // A contact left with a wish that never became a gathering is not kept for ever.
        RetentionJob(name: "wish_contacts") { db, now, _ in
            let cutoff = LocalDate(containing: now.addingTimeInterval(-365 * 86400)).startOfWeek.description
            let query = WishSupport.query(on: db).filter(\.$week < cutoff).filter(\.$contact != nil)
            let count = try await query.copy().count()
            if count > 0 { try await query.set(\.$contact, to: nil).set(\.$contactKind, to: .none).update() }
            return count
        },
        RetentionJob(name: "idempotency_keys") { db, now, _ in
            try await deleteCounting(
                IdempotencyRecord.query(on: db).filter(
                    \.$createdAt < now.addingTimeInterval(-IdempotencyRecord.keepSeconds)))
        },
        RetentionJob(name: "known_devices") { db, now, _ in
            try await deleteCounting(
                KnownDevice.query(on: db).filter(
                    \.$createdAt < now.addingTimeInterval(-CodeGuard.knownDeviceDays * 86400)))
        },
        RetentionJob(name: "job_runs") { db, now, _ in
            try await deleteCounting(JobRun.query(on: db).filter(\.$ranAt < now.addingTimeInterval(-30 * 86400)))
        },
    ]

    private static func deleteCounting<M: Model>(_ query: QueryBuilder<M>) async throws -> Int {
        let count = try await query.copy().count()
        if count > 0 { try await query.delete() }
        return count
    }
}

/// Marks that a periodic job ran for a tick. The unique (job, tick) index makes a tick run exactly
/// once even when several app instances share the database.
final class JobRun: Model, @unchecked Sendable {
    static let schema = "job_runs"

    @ID(key: .id) var id: UUID?
    @Field(key: "job") var job: String
    @Field(key: "tick") var tick: Int
    @Field(key: "ran_at") var ranAt: Date

    init() {}
    init(job: String, tick: Int, ranAt: Date) {
        self.job = job
        self.tick = tick
        self.ranAt = ranAt
    }
}

enum PurgeRunner {
    /// When the next purge tick starts: ticks are whole multiples of the interval since 1970, shared by all instances.
    static func nextRun(after now: Date, interval: Int) -> Date {
        let step = max(interval, 1)
        return Date(timeIntervalSince1970: Double((Int(now.timeIntervalSince1970) / step + 1) * step))
    }

    /// Runs every retention job for the tick that contains `now`, unless another instance already
    /// claimed that tick. Returns whether this call did the work.
    @discardableResult
    static func runTick(db: any Database, now: Date, settings: Settings, interval: Int, logger: Logger) async throws
        -> Bool
    {
        let tick = Int(now.timeIntervalSince1970) / max(interval, 1)
        do {
            try await JobRun(job: "retention", tick: tick, ranAt: now).create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return false
        }
        for job in RetentionJobs.all {
            let removed = try await job.run(db, now, settings)
            if removed > 0 {
                logger.info(
                    "retention purge", metadata: ["job": .string(job.name), "removed": .stringConvertible(removed)])
            }
        }
        return true
    }
}
