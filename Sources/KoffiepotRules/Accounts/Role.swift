/// Staff roles. Parents never have an account; ambassador parents get a light one in a later issue.
public enum Role: String, Codable, CaseIterable, Sendable {
    case admin, coordinator, advisor, teacher, ambassador
    /// The privacy officer (*functionaris gegevensbescherming*, FG): reads the access log and the register of
    /// processing, and nothing else — no location, no parent's record.
    case privacyOfficer = "privacy_officer"

    /// Roles an admin can give. An ambassador parent has a light account: parent-run gatherings only.
    package static let assignable: [Role] = [.admin, .coordinator, .advisor, .teacher, .ambassador, .privacyOfficer]

    /// Everyone who works with locations: the roles that see the staff tools around a school.
    package static let locationStaff: [Role] = [.admin, .coordinator, .advisor, .teacher]
}
