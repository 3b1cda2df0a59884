import Fluent
import Foundation

/// The teacher's side of the demo: at every school a planned round of 10-minute conversations with a few
/// bookings (two with the support box ticked, waiting on the advisor's desk) and look-along requests, one of
/// them already planned. Seeded after the installation secret exists, because parents' codes are keyed with it.
enum DemoConversations {
    static let families: [(parent: String, child: String, language: String)] = [
        ("Sanne", "Daan", "nl"), ("Fatima", "Yusuf", "ar"), ("Emre", "Elif", "tr"), ("Kasia", "Zofia", "pl"),
        ("Olena", "Maksym", "uk"),
    ]

    static func seed(on db: any Database, settings: Settings, catalogues: Catalogues, now: Date) async throws {
        guard let teacher = try await StaffUser.query(on: db).filter(\.$email == "leerkracht@koffiepot.test").first()
        else { return }
        let schools = try await Location.query(on: db).filter(\.$kind ~~ [.primarySchool, .spilCentre]).sort(\.$name)
            .all()
        let today = LocalDate(containing: now)
        // The Tuesday at least a week ahead, when parents still have times to choose from.
        let day = today.adding(days: 7 + (2 - today.weekday + 7) % 7)
        let conversations = ConversationService(db: db, settings: settings, catalogues: catalogues, now: now)
        let lookAlong = LookAlongService(db: db, now: now)
        for (index, school) in schools.enumerated() {
            let group = ["5B", "3A", "7C"][index % 3]
            guard
                case .success(let (round, slots)) = try await conversations.planRound(
                    locationID: school.requireID(), teacherID: teacher.requireID(), title: "Tienminutengesprekken",
                    group: group,
                    slotMinutes: 10, breakMinutes: 0,
                    days: [RoundDay(date: day.description, from: "15:00", to: "17:00")])
            else { continue }
            for (number, family) in families.enumerated() {
                let support =
                    number == 1 || number == 3
                    ? ValidSupportRequest(
                        topics: number == 1 ? [.sleep] : [.school, .feelings],
                        note: number == 1 ? "Hij slaapt slecht sinds we verhuisd zijn." : "", contactKind: .none,
                        contact: nil)
                    : nil
                let booking = ValidConversationBooking(
                    parentName: family.parent, childName: family.child, contactKind: .none, contact: nil,
                    language: family.language, support: support)
                _ = try await conversations.book(
                    roundID: round.requireID(), slotID: slots[number * 2].requireID(), booking, existingCode: nil,
                    messageLanguage: Language(rawValue: family.language) ?? .nl)
            }
            let asked = try await lookAlong.create(
                at: school.requireID(), by: teacher,
                ValidLookAlong(
                    group: group, ageYears: 8,
                    situation: "Een kind zit vaak stil in een hoek tijdens het buitenspelen en eet zijn lunch niet op.",
                    question: "Hoe kan ik het kind helpen meedoen, en wat kan ik de ouders vragen?",
                    parentAgreed: false, childName: nil))
            if index == 0, let advisor = try await school.$advisors.get(on: db).first {
                _ = try await lookAlong.plan(
                    asked.id, by: advisor, when: "\(day.adding(days: 1).description)T10:15",
                    note: "Ik kijk mee in de pauze.")
            }
        }
    }
}
