import Testing

@testable import KoffiepotRules

@Suite struct LocationRulesTests {
    private func input(_ change: (inout LocationInput) -> Void = { _ in }) -> LocationInput {
        var input = LocationInput(
            name: " De Vlinder ", kind: "basisschool", address: "Rupsstraat 1", neighbourhood: "Strijp",
            municipality: "Eindhoven", region: "zuid", wijkcode: "wk 0772 10", buurtcode: "")
        change(&input)
        return input
    }

    @Test func aLocationIsCleanedAndItsCodesReadInCapitals() throws {
        let valid = try LocationRules.validate(input()).get()
        #expect(valid.name == "De Vlinder" && valid.kind == .primarySchool && valid.region == .south)
        #expect(valid.wijkcode == "WK077210" && valid.buurtcode == nil)
    }

    @Test func parentsNeverReadUnsafeTextFromStaff() {
        guard
            case .failure(let errors) = LocationRules.validate(
                input {
                    $0.address = "Straat 1\u{202E}"; $0.kind = "kasteel"
                })
        else { Issue.record("accepted"); return }
        #expect(errors.fields["address"] == "error.bad_text" && errors.fields["kind"] == "error.required")
    }
}
