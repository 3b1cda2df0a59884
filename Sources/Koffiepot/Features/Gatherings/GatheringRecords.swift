import Fluent
import Foundation

/// What staff write about a gathering, each as one change: planning it (and the wish it answers) and the
/// tally of a session (and the contact fact the reach figures count). A failure leaves neither half behind.
struct GatheringRecords {
    let db: any Database
    let settings: Settings
    let now: Date

    /// Plans the gathering; when it answers a parents' wish, the wish is marked planned and its supporters are
    /// told in the same transaction, so a gathering never exists with its wish still open.
    func plan(_ gathering: Gathering, answering wishID: UUID?) async throws {
        try await WriteTransaction.run(on: db) { tx in
            try await gathering.create(on: tx)
            if let wishID {
                try await WishService(db: tx, settings: settings, now: now).plan(wishID, gathering: gathering)
            }
        }
    }

    struct Tally: Sendable {
        var session: Int
        var adults: Int
        var children: Int
        var languages: [String]
    }

    /// The tally of one session with the fact it feeds; typed again, both are replaced. Two colleagues typing
    /// the same session at once queue up on the gathering's row and the last one counts.
    func record(_ input: Tally, of gathering: Gathering) async throws {
        let gatheringID = try gathering.requireID()
        let secret = settings.secret ?? ""
        try await WriteTransaction.run(on: db) { tx in
            try await RowLock.lock(Gathering.schema, id: gatheringID, on: tx)
            let tally =
                try await AttendanceTally.query(on: tx).filter(\.$gathering.$id == gatheringID)
                .filter(\.$session == input.session).first() ?? AttendanceTally()
            tally.$gathering.id = gatheringID
            tally.session = input.session
            tally.adults = input.adults
            tally.children = input.children
            tally.languages = input.languages.joined(separator: ",")
            tally.recordedAt = now
            try await tally.save(on: tx)
            let starts = gathering.sessionStarts
            try await ContactFacts.record(
                .init(
                    kind: gathering.kind == .walkIn ? .walkIn : .gathering, outcome: .attended,
                    at: starts.indices.contains(input.session) ? starts[input.session] : gathering.startsAt,
                    locationID: gathering.$location.id, language: input.languages.first, channel: nil,
                    topic: gathering.topics.first?.rawValue, people: input.adults),
                subject: "tally:\(try tally.requireID())", secret: secret, on: tx)
        }
    }
}
