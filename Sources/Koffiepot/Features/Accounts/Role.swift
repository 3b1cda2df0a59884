/// Staff roles. Parents never have an account; ambassador parents get a light one in a later issue.
public enum Role: String, Codable, CaseIterable, Sendable {
    case admin, coordinator, advisor, teacher, ambassador

    /// Roles that can be given to a new account today (ambassador is reserved).
    static let assignable: [Role] = [.admin, .coordinator, .advisor, .teacher]
}
