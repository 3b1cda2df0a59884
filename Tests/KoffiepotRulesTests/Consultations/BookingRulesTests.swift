import Foundation
import Testing
@testable import KoffiepotRules

@Suite struct BookingRulesTests {
    func check(_ change: (inout BookingInput) -> Void) -> Result<ValidBooking, FieldErrors> {
        var input = BookingInput(name: "Fatima")
        change(&input)
        return BookingRules.validate(input)
    }

    func errors(_ change: (inout BookingInput) -> Void) -> [String: String] {
        if case .failure(let errors) = check(change) { return errors.fields }
        return [:]
    }

    @Test func aFirstNameIsAllThatIsNeeded() {
        guard case .success(let booking) = check({ _ in }) else { Issue.record("not valid"); return }
        #expect(booking.name == "Fatima")
        #expect(booking.contactKind == .none)
        #expect(booking.participants == .alone)
    }

    @Test func contactIsAnEmailOrAMobileNumber() {
        guard case .success(let email) = check({ $0.contact = " Ouder@Example.NL " }) else {
            Issue.record("email"); return
        }
        #expect(email.contactKind == .email)
        #expect(email.contact == "ouder@example.nl")
        guard case .success(let phone) = check({ $0.contact = "06 12 34 56 78" }) else { Issue.record("phone"); return }
        #expect(phone.contactKind == .sms)
        #expect(phone.contact == "+31612345678")
        #expect(TextRules.normalizedPhone("+32 470 12 34 56") == "+32470123456")
        #expect(errors { $0.contact = "call me maybe" }["contact"] == "error.contact")
        #expect(errors { $0.contact = "12345" }["contact"] == "error.contact")
    }

    @Test func hostileTextIsRefusedOrKeptAsText() {
        #expect(errors { $0.name = "" }["name"] == "error.required")
        #expect(errors { $0.name = String(repeating: "a", count: 41) }["name"] == "error.too_long")
        #expect(errors { $0.name = "Ali\u{202E}gnp.exe" }["name"] == "error.bad_text")
        #expect(errors { $0.about = "a\u{0}b" }["about"] == "error.bad_text")
        #expect(errors { $0.about = String(repeating: "x", count: 301) }["about"] == "error.too_long")
        // Script tags and emoji are just text: stored as typed and always shown escaped.
        guard case .success(let booking) = check({ $0.about = "<script>alert(1)</script> 😴 slaapt slecht" }) else {
            Issue.record("text"); return
        }
        #expect(booking.about.contains("<script>"))
        // Zero-width joiners are part of emoji and of Persian writing; they stay.
        guard case .success = check({ $0.name = "👩‍👧 مینا‌جان" }) else { Issue.record("zwj"); return }
    }

    @Test func choicesMustBeKnown() {
        #expect(errors { $0.participants = "everyone" }["participants"] == "error.required")
        #expect(errors { $0.booker = "principal" }["booker"] == "error.required")
        #expect(errors { $0.language = "xx" }["language"] == "error.required")
        #expect(errors { $0.topics = ["sleep", "taxes"] }["topics"] == "error.required")
    }

    @Test func slotsAreCutFromPresenceMoments() {
        let advisor = UUID(), other = UUID()
        let day = LocalDate("2026-12-03")!
        func moment(_ who: UUID, _ start: Int, _ end: Int, _ status: PresenceOccurrence.Status = .regular)
            -> PresenceOccurrence
        {
            PresenceOccurrence(
                date: day, advisorID: who, ruleID: nil, startMinute: start, endMinute: end, room: "Kamer 1",
                mode: .appointment, status: status, start: day.instant(minute: start)!, end: day.instant(minute: end)!)
        }
        let plan = SlotGeneration.plan(
            from: [moment(advisor, 780, 900), moment(other, 780, 900), moment(advisor, 600, 660, .cancelled)],
            advisorID: advisor, length: 20, gap: 10)
        #expect(plan.map(\.startMinute) == [780, 810, 840, 870])
        #expect(plan.allSatisfy { $0.endMinute - $0.startMinute == 20 && $0.room == "Kamer 1" })
        #expect(SlotGeneration.plan(from: [moment(advisor, 780, 790)], advisorID: advisor, length: 20, gap: 0).isEmpty)
        #expect(SlotGeneration.isVideoLink("https://meet.example.nl/koffie"))
        #expect(!SlotGeneration.isVideoLink("javascript:alert(1)"))
        #expect(!SlotGeneration.isVideoLink("http://meet.example.nl"))
    }

    @Test func codesFollowFromTheLinkAndSealedLinksOpenOnlyWithTheKey() throws {
        let token = PersonalCode.randomToken()
        let a = PersonalCode.code(forLink: token, secret: "s"), b = PersonalCode.code(forLink: token, secret: "s")
        #expect(a == b)
        #expect(a.typed.count == 12)
        #expect(PersonalCode.code(forLink: token, secret: "other") != a)
        let sealed = try PersonalCode.seal(token, secret: "s")
        #expect(!sealed.contains(token))
        #expect(PersonalCode.unseal(sealed, secret: "s") == token)
        #expect(PersonalCode.unseal(sealed, secret: "wrong") == nil)
        #expect(
            PersonalCode.linkToken(idempotencyKey: "k-1234567890abcdef", secret: "s")
                == PersonalCode.linkToken(idempotencyKey: "k-1234567890abcdef", secret: "s"))
    }
}
