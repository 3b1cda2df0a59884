import Testing
@testable import KoffiepotRules

@Suite struct CBSCodesTests {
    @Test func codesHaveTheCBSFormat() {
        #expect(CBSCodes.isWijkcode("WK077210"))
        #expect(!CBSCodes.isWijkcode("WK07721"))
        #expect(!CBSCodes.isWijkcode("BU077210"))
        #expect(!CBSCodes.isWijkcode("WK0772١٠"))  // Arabic-Indic digits are digits, but not CBS's
        #expect(CBSCodes.isBuurtcode("BU07721001"))
        #expect(!CBSCodes.isBuurtcode("BU0772100"))
        #expect(CBSCodes.normalized(" wk 0772 10 ") == "WK077210")
    }

    @Test func aBuurtMustLieInItsWijk() {
        #expect(CBSCodes.problems(wijkcode: "", buurtcode: "").isEmpty)
        #expect(CBSCodes.problems(wijkcode: "WK077210", buurtcode: "BU07721003").isEmpty)
        #expect(
            CBSCodes.problems(wijkcode: "WK077210", buurtcode: "BU07721103") == [
                "buurtcode": "error.buurtcode_outside_wijk"
            ])
        #expect(
            CBSCodes.problems(wijkcode: "Strijp", buurtcode: "BU1") == [
                "wijkcode": "error.wijkcode", "buurtcode": "error.buurtcode",
            ])
    }
}
