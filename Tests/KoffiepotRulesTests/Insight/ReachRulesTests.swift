import Testing

@testable import KoffiepotRules

@Suite struct ReachRulesTests {
    private func school(_ families: Int, _ shares: [String: Int]) -> SchoolFamilies {
        SchoolFamilies(families: families, shares: shares)
    }

    @Test func aSchoolYearRunsFromAugustToJuly() {
        #expect(SchoolYear(containing: LocalDate(year: 2026, month: 12, day: 6)).description == "2026-2027")
        #expect(SchoolYear(containing: LocalDate(year: 2027, month: 7, day: 31)).description == "2026-2027")
        #expect(SchoolYear(containing: LocalDate(year: 2027, month: 8, day: 1)).description == "2027-2028")
        #expect(SchoolYear("2026-2027")?.firstWeek == "2026-08-01")
        #expect(SchoolYear("2026-2027")?.endWeek == "2027-08-01")
        #expect(SchoolYear("2026-2028") == nil)
        #expect(SchoolYear("٢٠٢٦-2027") == nil)
        #expect(SchoolYear("2026") == nil)
    }

    @Test func theFormTakesWholePercentagesThatFitInOneHundred() {
        #expect(
            ReachRules.validate(families: "240", shares: ["nl": "60", "tr": " 22 ", "ar": ""])
                == .success(school(240, ["nl": 60, "tr": 22])))
        guard case .failure(let broken) = ReachRules.validate(families: "0", shares: ["tr": "22.5", "ar": "-1"])
        else { Issue.record("accepted"); return }
        #expect(
            broken.fields == ["families": "error.families", "share_tr": "error.percent", "share_ar": "error.percent"])
        guard case .failure(let tooMuch) = ReachRules.validate(families: "100", shares: ["nl": "80", "tr": "30"])
        else { Issue.record("accepted"); return }
        #expect(tooMuch.fields == ["shares": "error.shares_sum"])
        guard case .failure(let huge) = ReachRules.validate(families: "5001", shares: [:]) else {
            Issue.record("accepted"); return
        }
        #expect(huge.fields == ["families": "error.families"])
    }

    @Test func theLargestGapIsTheLanguageTheContactsReachLeast() {
        // Turkish: 22 % of the school, 6 of 100 contacts; Arabic 10 % and 9 %; Dutch over-reached.
        let comparison = ReachRules.compare(
            [.init(school: school(300, ["nl": 60, "tr": 22, "ar": 10]), contacts: ["nl": 85, "tr": 6, "ar": 9])],
            languages: ["nl", "tr", "ar", "pl"])
        #expect(comparison.total == .count(100))
        #expect(comparison.rows.map(\.language) == ["nl", "tr", "ar"])
        let turkish = comparison.rows[1]
        #expect(turkish.schoolShare == 22 && turkish.contactShare == 6 && turkish.gap == 16)
        #expect(comparison.largestGap?.language == "tr")
    }

    @Test func fewContactsAreNeverShownButTheGapIsStillNamed() {
        // Three Turkish-speaking contacts out of 100: hidden, with a partner hidden so the total cannot give it away.
        let comparison = ReachRules.compare(
            [.init(school: school(300, ["nl": 60, "tr": 22, "ar": 10]), contacts: ["nl": 88, "tr": 3, "ar": 9])],
            languages: ["nl", "tr", "ar"])
        let turkish = comparison.rows.first { $0.language == "tr" }!
        #expect(turkish.contacts == .suppressed && turkish.contactShare == nil && turkish.fewContacts)
        // At most four of 100 contacts: the gap is at least 22 − 4.
        #expect(turkish.gap == 18)
        let arabic = comparison.rows.first { $0.language == "ar" }!
        #expect(arabic.contacts == .suppressed && !arabic.fewContacts && arabic.gap == nil)
        #expect(comparison.largestGap?.language == "tr")
    }

    @Test func aShareOfFewerThanFiveFamiliesIsNotShown() {
        let comparison = ReachRules.compare(
            [.init(school: school(80, ["nl": 90, "so": 5]), contacts: ["nl": 40])], languages: ["nl", "so"])
        let somali = comparison.rows.first { $0.language == "so" }!
        #expect(somali.schoolShare == nil && somali.gap == nil)  // 5 % of 80 = 4 families
    }

    @Test func aSumOverSchoolsNeverRevealsWhatOneSchoolHides() {
        // School A has 3 Turkish-speaking contacts (hidden), school B 10. Shown as a sum (13) beside B's 10,
        // the difference would give A's 3 away: the sum is hidden, and so is a partner, so the total cannot
        // give the sum back.
        let a = ReachRules.Part(school: school(200, ["nl": 70, "tr": 20]), contacts: ["nl": 50, "tr": 3, "ar": 6])
        let b = ReachRules.Part(school: school(200, ["nl": 70, "tr": 20]), contacts: ["nl": 60, "tr": 10, "ar": 7])
        let both = ReachRules.compare([a, b], languages: ["nl", "tr", "ar"])
        let turkish = both.rows.first { $0.language == "tr" }!
        #expect(turkish.contacts == .suppressed && !turkish.fewContacts && turkish.gap == nil)
        let hidden = both.rows.filter { $0.contacts == .suppressed }.count
        #expect(hidden >= 2 || both.total == .suppressed)
        // Alone, school B shows its own figures.
        #expect(
            ReachRules.compare([b], languages: ["nl", "tr", "ar"]).rows.first { $0.language == "tr" }?.contacts
                == .count(10))
    }

    @Test func newFamiliesAreCountedOnlyFromFive() {
        let few = ReachRules.newFamilies(firstContacts: 4, families: 200)
        #expect(few.cell == .suppressed && few.share == nil)
        let many = ReachRules.newFamilies(firstContacts: 30, families: 200)
        #expect(many.cell == .count(30) && many.share == 15)
    }

    @Test func theFirstContactAnswerIsYesNoOrSkipped() throws {
        #expect(try FirstContact.read("yes").get() == true)
        #expect(try FirstContact.read("no").get() == false)
        #expect(try FirstContact.read("").get() == nil)
        guard case .failure(let problem) = FirstContact.read("maybe") else { Issue.record("accepted"); return }
        #expect(problem.fields == ["first_contact": "error.required"])
        #expect(FirstContact.formValue(true) == "yes" && FirstContact.formValue(nil) == "")
    }
}
