import Fluent
import Foundation
import OpenAPIRuntime
import Vapor

/// The wishes part of the public API (see `openapi.yaml`).
extension KoffiepotAPI {
    func listWishes(_ input: Operations.listWishes.Input) async throws -> Operations.listWishes.Output {
        guard let location = try await LocationQueries.find(input.query.location, on: db) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownLocation))))
        }
        let wishes = try await WishesController.openWishes(at: location.requireID(), on: db)
        return .ok(
            .init(
                body: .json(
                    wishes.map {
                        .init(
                            id: $0.id!.uuidString, locationId: $0.$location.id.uuidString, topic: $0.topic?.rawValue,
                            text: $0.text, supports: $0.supportsShown)
                    })))
    }

    func proposeWish(_ input: Operations.proposeWish.Input) async throws -> Operations.proposeWish.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        guard let location = try await LocationQueries.find(body.locationId, on: db) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownLocation))))
        }
        let checked: ValidWish
        switch WishRules.validate(topic: body.topic?.rawValue, text: body.text) {
        case .success(let valid): checked = valid
        case .failure(let errors):
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(invalidFields: errors.fields))))
        }
        let id = try await WishService(db: db, settings: app.settings, now: clock.now())
            .propose(
                locationID: location.requireID(), topic: checked.topic, text: checked.text, deviceKey: deviceKey(nil),
                contact: (.none, nil), language: .nl)
        return .created(.init(body: .json(.init(id: id.uuidString))))
    }

    func supportWish(_ input: Operations.supportWish.Input) async throws -> Operations.supportWish.Output {
        var device: String?
        if case .json(let body) = input.body { device = body.device }
        guard let id = UUID(uuidString: input.path.id) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownWish))))
        }
        switch try await WishService(db: db, settings: app.settings, now: clock.now()).support(
            id, deviceKey: deviceKey(device), language: .nl)
        {
        case .success(let count):
            return .created(.init(body: .json(.init(supports: SmallCells.shown(count)))))
        case .failure(.alreadySupported):
            return .conflict(.init(body: .application_problem_plus_json(problem(.conflict, .alreadySupported))))
        case .failure: return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownWish))))
        }
    }

    /// The app's own device id when it sends one, else the client address — only ever stored as a keyed hash.
    func deviceKey(_ device: String?) -> String {
        DeviceCookie.key(
            device.flatMap { $0.count >= 16 ? "app:\($0)" : nil } ?? "address:\(APIClient.address)",
            secret: app.settings.secret ?? "")
    }
}
