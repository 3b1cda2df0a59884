import Fluent
import Foundation

/// The slots and gatherings an advisor can point to from an answer, and how a pointer reads for the parent.
struct AnswerPointer: Sendable {
    let label: String
    let href: String
}

enum AnswerPointers {
    /// Free slots in the next three weeks and upcoming gatherings at these locations.
    static func options(at locationIDs: [UUID], now: Date, t: Localizer, on db: any Database) async throws
        -> (slots: [(value: String, label: String)], gatherings: [(value: String, label: String)])
    {
        let today = LocalDate(containing: now)
        var slots: [(value: String, label: String)] = []
        for id in locationIDs {
            for view in try await SlotQueries.free(
                at: id, from: today, through: today.adding(days: 21), now: now, on: db
            ).prefix(12) {
                slots.append(
                    (
                        view.id.uuidString,
                        "\(SlotText.day(view.slot, t)) \(SlotText.time(view.slot)) · \(view.advisorName)"
                    ))
            }
        }
        var gatherings: [(value: String, label: String)] = []
        for id in locationIDs {
            for gathering in try await GatheringQueries.upcoming(.init(locationID: id), from: now, on: db).prefix(12) {
                gatherings.append(
                    (gathering.id!.uuidString, "\(gathering.title) · \(GatheringText.when(gathering, t))"))
            }
        }
        return (slots, gatherings)
    }

    /// What each answer in a thread points to, keyed by message id. A slot that is gone or full is left out.
    static func resolve(_ thread: [QuestionMessage], now: Date, t: Localizer, on db: any Database) async throws
        -> [UUID: [AnswerPointer]]
    {
        var result: [UUID: [AnswerPointer]] = [:]
        for message in thread where message.fromAdvisor {
            var pointers: [AnswerPointer] = []
            if let slotID = message.slotID,
                let slot = try await ConsultationSlot.query(on: db).filter(\.$id == slotID).with(\.$advisor).first(),
                !slot.cancelled, slot.startsAt > now
            {
                pointers.append(
                    AnswerPointer(
                        label: t(
                            "question.pointer_slot",
                            ["when": "\(SlotText.day(slot, t)) \(SlotText.time(slot))", "name": slot.advisor.name]),
                        href: Paths.bookSlot(slotID)))
            }
            if let gatheringID = message.gatheringID, let gathering = try await Gathering.find(gatheringID, on: db),
                !gathering.cancelled, gathering.lastEnd > now
            {
                pointers.append(
                    AnswerPointer(
                        label: t(
                            "question.pointer_gathering",
                            ["title": gathering.title, "when": GatheringText.when(gathering, t)]),
                        href: Paths.gathering(gatheringID)))
            }
            if !pointers.isEmpty { result[message.id!] = pointers }
        }
        return result
    }
}
