import Foundation
import OpenAPIRuntime

/// The library part of the public API (see `openapi.yaml`).
extension KoffiepotAPI {
    func searchLibrary(_ input: Operations.searchLibrary.Input) async throws -> Operations.searchLibrary.Output {
        let query = input.query
        let filter = LibrarySearch.Filter(
            text: TextRules.singleLine(query.q ?? ""), topic: query.topic.flatMap { Topic(rawValue: $0.rawValue) },
            ageGroup: query.age.flatMap { AgeGroup(rawValue: $0.rawValue) }, matchAll: query.match != .any,
            limit: min(max(query.limit ?? 50, 1), 50))
        let entries = try await LibrarySearch.find(filter, on: db)
        return .ok(
            .init(
                body: .json(
                    entries.map { entry in
                        .init(
                            id: entry.id!.uuidString, question: entry.questionText, answer: entry.answerText,
                            topic: entry.topic?.rawValue,
                            ageGroup: entry.ageGroup?.rawValue, language: entry.language,
                            publishedAt: LocalTimestamp.format(entry.publishedAt))
                    })))
    }
}
