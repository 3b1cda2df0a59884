import Fluent
import Foundation

/// Records feedback once per subject. The database's unique index on `subject_key` is what guarantees it;
/// two taps at once end with one row and a friendly "already given".
struct FeedbackService: Sendable {
    let db: any Database
    let secret: String
    let now: Date

    static func subjectKey(_ kind: FeedbackKind, _ id: UUID, secret: String) -> String {
        PersonalCode.hash("feedback:\(kind.rawValue):\(id.uuidString)", secret: secret)
    }

    func hasFeedback(_ kind: FeedbackKind, subject: UUID) async throws -> Bool {
        try await Feedback.query(on: db).filter(\.$subjectKey == Self.subjectKey(kind, subject, secret: secret)).count()
            > 0
    }

    func record(_ kind: FeedbackKind, subject: UUID?, locationID: UUID?, _ checked: FeedbackRules.Checked) async throws
        -> Result<Void, FeedbackError>
    {
        try await record(
            kind, key: subject.map { Self.subjectKey(kind, $0, secret: secret) }, locationID: locationID, checked)
    }

    /// Walk-in feedback has no code: its key is a keyed hash of the device and the day, so one device rates
    /// one coffee morning once a day.
    func record(_ kind: FeedbackKind, key: String?, locationID: UUID?, _ checked: FeedbackRules.Checked) async throws
        -> Result<Void, FeedbackError>
    {
        let feedback = Feedback()
        feedback.kind = kind
        feedback.subjectKey = key
        feedback.locationID = locationID
        feedback.score = checked.score
        feedback.text = checked.text
        feedback.week = LocalDate(containing: now).startOfWeek.description
        do {
            try await feedback.create(on: db)
            return .success(())
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return .failure(.alreadyGiven)
        }
    }
}
