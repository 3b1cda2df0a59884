import Foundation
import OpenAPIRuntime

/// *Mijn gegevens* through the public API (see `openapi.yaml`): the code in the body, rate-limited as a lookup.
extension KoffiepotAPI {
    private var myData: MyDataService {
        MyDataService(db: db, settings: app.settings, catalogues: app.catalogues, now: clock.now())
    }

    func getMyData(_ input: Operations.getMyData.Input) async throws -> Operations.getMyData.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        guard let holding = try await myData.find(String(body.code.prefix(40))) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownCode))))
        }
        let items = try await myData.items(holding)
        return .ok(.init(body: .json(try MyDataJSON.document(items: items, reads: try await myData.reads(of: items)))))
    }

    func eraseMyData(_ input: Operations.eraseMyData.Input) async throws -> Operations.eraseMyData.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        guard let holding = try await myData.find(String(body.code.prefix(40))) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownCode))))
        }
        return .ok(.init(body: .json(.init(erased: try await myData.erase(holding)))))
    }
}

/// One JSON shape for the API and the page's download, so an export is exactly what the API answers.
enum MyDataJSON {
    static func document(items: [MyDataItem], reads: [MyDataRead]) throws -> Components.Schemas.MyData {
        try .init(
            items: items.map { item in
                try .init(
                    kind: .init(rawValue: item.kind) ?? .booking, createdAt: item.createdAt,
                    erasedAfter: item.erasedAfter,
                    visibleTo: item.visibleTo.compactMap { .init(rawValue: $0.rawValue) },
                    data: .init(
                        additionalProperties: .init(
                            unvalidatedValue: Dictionary(
                                uniqueKeysWithValues: item.data.map { ($0.key, json($0.value)) }))))
            },
            reads: reads.map { .init(at: $0.at, role: .init(rawValue: $0.role.rawValue) ?? .admin) })
    }

    private static func json(_ value: MyDataItem.Value) -> (any Sendable)? {
        switch value {
        case .text(let text): text
        case .time(let date): date.formatted(.iso8601)
        case .number(let number): number
        case .flag(let flag): flag
        case .codes(_, let codes): codes
        }
    }
}
