import Foundation

/// Who joins the conversation: two-way, or three-way with the teacher.
public enum Participants: String, Codable, CaseIterable, Sendable {
    case alone, withTeacher = "with_teacher", threeWay = "three_way"
    package var labelKey: String { "participants.\(rawValue)" }
}

/// Who books: a parent, a youth (12+) or a teacher — none of them needs an account.
public enum Booker: String, Codable, CaseIterable, Sendable {
    case parent, youth, teacher
    package var labelKey: String { "booker.\(rawValue)" }
}

/// How a *spreekuur* slot is held: at school, by phone or by video (the link is shown to the booker only).
public enum SlotMode: String, Codable, CaseIterable, Sendable {
    case inPerson = "in_person", phone, video
    package var labelKey: String { "slotmode.\(rawValue)" }
}

public enum BookingStatus: String, Codable, Sendable {
    case booked, cancelled, held, noShow = "no_show"
}

public enum ContactKind: String, Codable, Sendable {
    case none, email, sms
}
