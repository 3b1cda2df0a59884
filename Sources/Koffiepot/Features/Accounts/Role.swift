/// Staff roles. Parents never have an account; ambassador parents get a light one in a later issue.
public enum Role: String, Codable, CaseIterable, Sendable {
    case admin, coordinator, advisor, teacher, ambassador

    /// Roles an admin can give. An ambassador parent has a light account: parent-run gatherings only.
    static let assignable: [Role] = [.admin, .coordinator, .advisor, .teacher, .ambassador]
}
