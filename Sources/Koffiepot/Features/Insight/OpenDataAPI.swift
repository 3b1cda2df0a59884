import Foundation
import OpenAPIRuntime

/// The open-data export in the JSON API (see `openapi.yaml`).
extension KoffiepotAPI {
    func getOpenData(_ input: Operations.getOpenData.Input) async throws -> Operations.getOpenData.Output {
        if !app.settings.openDataPublic { _ = try staff([.coordinator, .admin]) }
        let rows = try await OpenData.rows(year: input.query.year, on: db)
        if input.query.format == .csv { return .ok(.init(body: .csv(HTTPBody(OpenData.csv(rows))))) }
        return .ok(
            .init(
                body: .json(
                    .init(
                        year: input.query.year, threshold: SmallCells.threshold,
                        dictionary: OpenData.dictionary.map {
                            .init(name: $0.name, _type: $0.type, description: $0.description)
                        },
                        rows: rows.map {
                            .init(
                                wijkcode: $0.wijkcode, month: $0.month, consultationsHeld: $0.consultationsHeld,
                                gatheringVisits: $0.gatheringVisits, questionsAnswered: $0.questionsAnswered,
                                ratings: $0.ratings, satisfactionMean: $0.satisfactionMean)
                        }))))
    }
}
