import Fluent
import Vapor

/// The one ordered list of migrations. A landed migration is never edited; add a new one.
enum Migrations {
    static let all: [any Migration] = [
        M001_CreateStaff(),
        M002_CreateLocations(),
        M003_CreatePresence(),
        M004_CreatePrivacyTables(),
        M005_CreateConsultations(),
        M006_DropLoginFailures(),
        M007_CreateGatherings(),
        M008_CreateAttendance(),
        M009_CreateInvitations(),
        M010_ParentRunGatherings(),
        M011_CreateQuestions(),
        M012_QuestionDeskAndLibrary(),
        M013_CreateFeedback(),
        M014_CreateInsightAndWishes(),
        M015_OutboxWishSupportSubject(),
        M016_CreateAPITokens(),
        M017_CreateConversations(),
        M018_OutboxConversationSubject(),
        M019_SupportRequestAnswers(),
        M020_CreateLookAlongRequests(),
        M021_CreateTeacherReferrals(),
        M022_OutboxSupportRequestSubject(),
        M023_CreateLocationTeachers(),
        M024_CreateNetwork(),
        M025_CreateDirectoryStamps(),
        M026_CreateJointTrainings(),
        M027_CreateHomeThemes(),
        M028_BookingVia(),
        M029_KnownDevices(),
        M030_CreateIdempotencyKeys(),
        M031_ConversationBookingKey(),
        M032_PublicStamp(),
        M033_SlotStamp(),
        M034_LocationCBSCodes(),
        M035_SchoolFamilies(),
    ]

    static func register(on app: Application) {
        app.migrations.add(all)
    }
}
