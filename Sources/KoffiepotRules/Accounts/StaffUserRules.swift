import Foundation

package struct ValidStaffUser: Sendable, Equatable {
    package var name: String, email: String, role: Role, password: String
}

/// Checks for a new staff account: a name parents may read, a working address, a role an admin may give and a
/// password of twelve characters or more (a passphrase, not a rule about symbols).
package enum StaffUserRules {
    package static let shortestPassword = 12

    package static func validate(name: String, email: String, role: String, password: String) -> Result<
        ValidStaffUser, FieldErrors
    > {
        var errors: [String: String] = [:]
        let name = TextRules.singleLine(name)
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let role = Role(rawValue: role).flatMap { Role.assignable.contains($0) ? $0 : nil }
        errors["name"] = TextRules.problem(inRequired: name, maxLength: 100)
        if !TextRules.isEmail(email) { errors["email"] = "error.email" }
        if role == nil { errors["role"] = "error.required" }
        if password.count < shortestPassword { errors["password"] = "error.password_short" }
        guard errors.isEmpty, let role else { return .failure(FieldErrors(errors)) }
        return .success(ValidStaffUser(name: name, email: email, role: role, password: password))
    }
}
