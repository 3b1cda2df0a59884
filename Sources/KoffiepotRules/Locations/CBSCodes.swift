import Foundation

/// The CBS codes of the "Wijk- en buurtkaart": a *wijkcode* is `WK` + the municipality's four digits + two for
/// the district, a *buurtcode* is `BU` + the wijk's six digits + two for the neighbourhood.
package enum CBSCodes {
    package static func isWijkcode(_ text: String) -> Bool { matches(text, prefix: "WK", digits: 6) }
    package static func isBuurtcode(_ text: String) -> Bool { matches(text, prefix: "BU", digits: 8) }

    /// What is wrong with the pair a form gives (both optional), as field → catalogue key. Codes are read in
    /// capitals without spaces (`wk 0772 10` is `WK077210`); a buurt must lie in the wijk given with it.
    package static func problems(wijkcode: String, buurtcode: String) -> [String: String] {
        var errors: [String: String] = [:]
        if !wijkcode.isEmpty, !isWijkcode(wijkcode) { errors["wijkcode"] = "error.wijkcode" }
        if !buurtcode.isEmpty, !isBuurtcode(buurtcode) {
            errors["buurtcode"] = "error.buurtcode"
        } else if isWijkcode(wijkcode), isBuurtcode(buurtcode),
            buurtcode.dropFirst(2).prefix(6) != wijkcode.dropFirst(2)
        {
            errors["buurtcode"] = "error.buurtcode_outside_wijk"
        }
        return errors
    }

    /// Capitals, no spaces: how codes are stored and compared.
    package static func normalized(_ text: String) -> String {
        text.uppercased().filter { !$0.isWhitespace }
    }

    private static func matches(_ text: String, prefix: String, digits: Int) -> Bool {
        text.count == prefix.count + digits && text.hasPrefix(prefix)
            && text.dropFirst(prefix.count).allSatisfy { $0.isASCII && $0.isNumber }
    }
}
