import Foundation

/// What one personal code opens (*mijn gegevens*): a booking, a registration, a question, or the conversation
/// code with its 10-minute conversations and support requests.
enum Holding: Sendable {
    case booking(Booking)
    case registration(Registration)
    case question(Question)
    case conversations(ConversationCode)
}

/// One stored record as the parent sees it: what it is, since when, until when, who on staff can see it,
/// and every value it holds.
struct MyDataItem: Sendable {
    enum Value: Sendable, Equatable {
        case text(String)
        case time(Date)
        case number(Int)
        case flag(Bool)
        /// Stable codes (topics, status); the page shows `<prefix>.<code>` from the catalogue, the export the codes.
        case codes(prefix: String, [String])
    }

    /// `booking`, `registration`, `question`, `question_message`, `conversation_code`, `conversation`, `support_request`.
    let kind: String
    let createdAt: Date
    let erasedAfter: Date
    /// From `DataInventory`: the roles that see this table's personal columns, so it cannot drift from the register.
    let visibleTo: [Role]
    let data: [(key: String, value: Value)]
    /// The access-log subjects under which a staff read of this record is written.
    let logSubjects: [String]

    init(
        kind: String, table: String, createdAt: Date, erasedAfter: Date, data: [(String, Value?)],
        logSubjects: [String] = []
    ) {
        self.kind = kind
        self.createdAt = createdAt
        self.erasedAfter = erasedAfter
        visibleTo = DataInventory.visibleTo(table: table)
        self.data = data.compactMap { key, value in value.map { (key, $0) } }
        self.logSubjects = logSubjects
    }
}

/// A staff read of the parent's record: the role and the moment, never the staff member's name.
struct MyDataRead: Sendable, Equatable {
    let at: Date
    let role: Role
}

/// The access-log subject of each kind of record a parent holds; the staff pages write these when they show one.
enum RecordSubject {
    static func booking(_ id: UUID) -> String { "booking:\(id.uuidString)" }
    static func registration(_ id: UUID) -> String { "registration:\(id.uuidString)" }
    static func question(_ id: UUID) -> String { "question:\(id.uuidString)" }
    static func conversation(_ id: UUID) -> String { "conversation:\(id.uuidString)" }
    static func supportRequest(_ id: UUID) -> String { "support_request:\(id.uuidString)" }
}
