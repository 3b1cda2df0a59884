import Foundation

/// The staff side of the JSON API, reached with a personal API token.
extension KoffiepotAPI {
    func getMe(_ input: Operations.getMe.Input) async throws -> Operations.getMe.Output {
        let user = try staff(Set(Role.allCases))
        let locations = try await StaffScope(user, on: db).locations().map { location in
            Components.Schemas.StaffMe.locationsPayloadPayload(id: location.id?.uuidString ?? "", name: location.name)
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        id: try user.requireID().uuidString, name: user.name,
                        role: .init(rawValue: user.role.rawValue) ?? .teacher, locations: locations))))
    }
}
