import Foundation

/// Checks and clean-up for text people type. Text is always shown escaped; these rules keep out what
/// no person means to type and what could mislead a reader (bidi overrides, control characters).
package enum TextRules {
    /// A pragmatic e-mail check: one @, a dot in the domain, no spaces or control characters.
    package static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), text.count <= 254,
            !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.value > 32 && $0.value != 127 && !"<>()[],;:\\\"".unicodeScalars.contains($0)
        }
    }

    /// A phone number for SMS in international form (`+316…`), or nil. Dutch `06…` becomes `+316…`.
    package static func normalizedPhone(_ text: String) -> String? {
        let kept = text.filter { !" -().".contains($0) }
        var digits = kept.hasPrefix("+") ? String(kept.dropFirst()) : kept
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if !kept.hasPrefix("+") {
            if digits.hasPrefix("00") {
                digits = String(digits.dropFirst(2))
            } else if digits.hasPrefix("0") {
                digits = "31" + digits.dropFirst()
            } else {
                return nil
            }
        }
        guard (10...15).contains(digits.count) else { return nil }
        return "+" + digits
    }

    /// One optional contact channel: nil when it is neither an e-mail address nor a mobile number;
    /// `.none` when left empty.
    package static func contact(_ text: String) -> (kind: ContactKind, value: String?)? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return (.none, nil) }
        if isEmail(trimmed) { return (.email, trimmed.lowercased()) }
        if let phone = normalizedPhone(trimmed) { return (.sms, phone) }
        return nil
    }

    /// Bidi embedding/override/isolate controls: they can make text read differently than it is stored.
    package static let bidiControls: ClosedRange<UInt32> = 0x202A...0x202E
    package static let bidiIsolates: ClosedRange<UInt32> = 0x2066...0x2069

    /// No NUL or other control characters (newline and tab allowed) and no bidi controls.
    package static func isSafe(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let v = scalar.value
            if v == 0x0A || v == 0x09 { return true }
            if v < 0x20 || (0x7F...0x9F).contains(v) { return false }
            return !bidiControls.contains(v) && !bidiIsolates.contains(v)
        }
    }

    /// What is wrong with a required text field, as a message key: empty, longer than `maxLength` graphemes,
    /// or carrying characters we refuse (see `isSafe`); nil when it is fine.
    package static func problem(inRequired text: String, maxLength: Int) -> String? {
        if text.isEmpty { return "error.required" }
        if text.count > maxLength { return "error.too_long" }
        if !isSafe(text) { return "error.bad_text" }
        return nil
    }

    /// The same for a field that may stay empty.
    package static func problem(inOptional text: String, maxLength: Int) -> String? {
        text.isEmpty ? nil : problem(inRequired: text, maxLength: maxLength)
    }

    /// Trimmed, inner runs of white space folded to one space.
    package static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Trimmed, line endings made `\n`.
    package static func multiLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// The invalid fields of a form or JSON body: field → catalogue key of what is wrong. The same shape for the
/// page (shown beside each field) and the API (a 422 naming each field).
package struct FieldErrors: Error, Sendable, Equatable {
    package var fields: [String: String]
    package init(_ fields: [String: String]) { self.fields = fields }
}
