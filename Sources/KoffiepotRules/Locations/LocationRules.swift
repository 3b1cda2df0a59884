import Foundation

/// What an admin typed for a location, before it is checked.
package struct LocationInput: Sendable {
    package var name = "", kind = "", address = "", neighbourhood = "", municipality = "", region = ""
    package var wijkcode = "", buurtcode = ""

    package init(
        name: String, kind: String, address: String, neighbourhood: String, municipality: String, region: String,
        wijkcode: String, buurtcode: String
    ) {
        (self.name, self.kind, self.address, self.neighbourhood) = (name, kind, address, neighbourhood)
        (self.municipality, self.region, self.wijkcode, self.buurtcode) = (municipality, region, wijkcode, buurtcode)
    }
}

package struct ValidLocation: Sendable, Equatable {
    package var name: String, kind: LocationKind, address: String, neighbourhood: String, municipality: String
    package var region: HolidayRegion
    package var wijkcode: String?, buurtcode: String?
}

/// Pure checks for a location. Parents read its name, address, neighbourhood and municipality on the location page
/// and in messages, so they pass the same text rules as their own words; CBS codes are read in capitals.
package enum LocationRules {
    package static func validate(_ input: LocationInput) -> Result<ValidLocation, FieldErrors> {
        let clean = { (s: String) in s.trimmingCharacters(in: .whitespacesAndNewlines) }
        let (name, address) = (clean(input.name), clean(input.address))
        let (neighbourhood, municipality) = (clean(input.neighbourhood), clean(input.municipality))
        let wijkcode = CBSCodes.normalized(input.wijkcode), buurtcode = CBSCodes.normalized(input.buurtcode)
        var errors: [String: String] = [:]
        for (field, text) in [
            ("name", name), ("address", address), ("neighbourhood", neighbourhood), ("municipality", municipality),
        ] {
            errors[field] = TextRules.problem(inRequired: text, maxLength: 120)
        }
        let kind = LocationKind(rawValue: clean(input.kind)), region = HolidayRegion(rawValue: clean(input.region))
        if kind == nil { errors["kind"] = "error.required" }
        if region == nil { errors["region"] = "error.required" }
        errors.merge(CBSCodes.problems(wijkcode: wijkcode, buurtcode: buurtcode)) { first, _ in first }
        guard errors.isEmpty, let kind, let region else { return .failure(FieldErrors(errors)) }
        return .success(
            ValidLocation(
                name: name, kind: kind, address: address, neighbourhood: neighbourhood, municipality: municipality,
                region: region, wijkcode: wijkcode.isEmpty ? nil : wijkcode,
                buurtcode: buurtcode.isEmpty ? nil : buurtcode))
    }
}

/// A school holiday as an admin typed it; its name goes into parents' messages ("cancelled: autumn holiday").
package struct ValidHoliday: Sendable, Equatable {
    package var name: String, region: HolidayRegion, first: LocalDate, last: LocalDate
}

package enum HolidayRules {
    package static func validate(name rawName: String, region: String, first: String, last: String) -> Result<
        ValidHoliday, FieldErrors
    > {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [String: String] = [:]
        errors["name"] = TextRules.problem(inRequired: name, maxLength: 80)
        let region = HolidayRegion(rawValue: region)
        let first = LocalDate(first), last = LocalDate(last)
        if region == nil { errors["region"] = "error.required" }
        if first == nil { errors["first"] = "error.date_format" }
        if last == nil { errors["last"] = "error.date_format" }
        if let first, let last, last < first { errors["last"] = "error.end_before_start" }
        guard errors.isEmpty, let region, let first, let last else { return .failure(FieldErrors(errors)) }
        return .success(ValidHoliday(name: name, region: region, first: first, last: last))
    }
}
