import Foundation

/// Values typed into a form plus the errors per field; a failed form re-renders with both (422)
/// so nothing a person typed is lost.
package struct FormState: Sendable {
    package var values: [String: String] = [:]
    package var errors: [String: String] = [:]  // field → message key

    package init(values: [String: String] = [:], errors: [String: String] = [:]) {
        self.values = values
        self.errors = errors
    }

    package subscript(_ field: String) -> String { values[field] ?? "" }
    package var isValid: Bool { errors.isEmpty }
}
