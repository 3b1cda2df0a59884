import Fluent
import SQLKit
import Vapor

/// Publishing an answered question to the library, as one change: the question is marked published by a
/// compare-and-set and the entry is written in the same transaction. Two advisors confirming the same question
/// at the same moment give one entry; the second is told it is already in the library.
struct LibraryPublishing {
    let db: any Database

    /// False when the question was published already (by someone else, a moment ago).
    func publish(_ questionID: UUID, as entry: LibraryEntry) async throws -> Bool {
        try await WriteTransaction.run(on: db) { tx in
            let marked = try await tx.sql.raw(
                """
                UPDATE questions SET published = \(bind: true)
                WHERE id = \(bind: questionID) AND published = \(bind: false) RETURNING id
                """
            ).all()
            guard marked.count == 1 else { return false }
            try await entry.create(on: tx)
            return true
        }
    }
}
