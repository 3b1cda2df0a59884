import Fluent
import Foundation
import OpenAPIRuntime
import Vapor

/// The wishes part of the public API (see `openapi.yaml`).
extension KoffiepotAPI {
    func listWishes(_ input: Operations.listWishes.Input) async throws -> Operations.listWishes.Output {
        guard let location = try await LocationQueries.find(input.query.location, on: db) else {
            return .notFound(.init(body: .application_problem_plus_json(Self.problem(404, "No location with this id."))))
        }
        let wishes = try await WishesController.openWishes(at: location.requireID(), on: db)
        return .ok(.init(body: .json(wishes.map { .init(id: $0.id!.uuidString, locationId: $0.$location.id.uuidString, topic: $0.topic?.rawValue,
                                                        text: $0.text, supports: $0.supportsShown) })))
    }

    func proposeWish(_ input: Operations.proposeWish.Input) async throws -> Operations.proposeWish.Output {
        guard case .json(let body) = input.body else { throw Abort(.badRequest) }
        guard let location = try await LocationQueries.find(body.locationId, on: db) else {
            return .notFound(.init(body: .application_problem_plus_json(Self.problem(404, "No location with this id."))))
        }
        let checked = WishRules.check(topic: body.topic?.rawValue, text: body.text)
        guard checked.errors.isEmpty else {
            let detail = checked.errors.sorted { $0.key < $1.key }.map { "\($0.key): \(app.catalogues.text($0.value, .en))" }.joined(separator: " ")
            return .unprocessableContent(.init(body: .application_problem_plus_json(Self.problem(422, detail))))
        }
        let id = try await WishService(db: db, settings: app.settings, now: clock.now())
            .propose(locationID: location.requireID(), topic: checked.topic, text: checked.text, deviceKey: deviceKey(nil),
                     contact: (.none, nil), language: .nl)
        return .created(.init(body: .json(.init(id: id.uuidString))))
    }

    func supportWish(_ input: Operations.supportWish.Input) async throws -> Operations.supportWish.Output {
        var device: String?
        if case .json(let body) = input.body { device = body.device }
        guard let id = UUID(uuidString: input.path.id) else {
            return .notFound(.init(body: .application_problem_plus_json(Self.problem(404, "No open wish with this id."))))
        }
        switch try await WishService(db: db, settings: app.settings, now: clock.now()).support(id, deviceKey: deviceKey(device), language: .nl) {
        case .success(let count):
            return .created(.init(body: .json(.init(supports: SmallCells.protect([count], withTotal: false).cells[0].display))))
        case .failure(.alreadySupported):
            return .conflict(.init(body: .application_problem_plus_json(Self.problem(409, "This device already supports this wish."))))
        case .failure: return .notFound(.init(body: .application_problem_plus_json(Self.problem(404, "No open wish with this id."))))
        }
    }

    /// The app's own device id when it sends one, else the client address — only ever stored as a keyed hash.
    private func deviceKey(_ device: String?) -> String {
        DeviceCookie.key(device.flatMap { $0.count >= 16 ? "app:\($0)" : nil } ?? "address:\(APIClient.address)", secret: app.settings.secret ?? "")
    }
}
