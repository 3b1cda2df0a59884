import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// `Paths` builds every link, form action and redirect; these checks hold it to the routes the app serves, so a
/// renamed route cannot leave links pointing nowhere.
@Suite struct PathsTests {
    static func routes(_ app: Application) -> Set<String> {
        Set(app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") })
    }

    @Test func everyStaffAreaIsServed() async throws {
        try await withTestApp { app, _ in
            let served = Self.routes(app)
            for area in Paths.Staff.Area.allCases {
                let page = Paths.Staff.page(area)
                #expect(served.contains { $0 == page || $0.hasPrefix(page + "/") }, "nothing served at \(page)")
            }
            #expect(served.contains(Paths.Staff.home))
        }
    }

    @Test func everyFixedParentPageIsServed() async throws {
        try await withTestApp { app, _ in
            let served = Self.routes(app)
            for path in [
                Paths.ask, Paths.library, Paths.programmes, Paths.myAppointment, Paths.myData, Paths.book, Paths.login,
                Paths.logout, Paths.gatherings,
            ] {
                #expect(served.contains(path), "nothing served at \(path)")
            }
        }
    }

    @Test func aStaffPageCarriesItsNoticeAndPlaceOnThePage() {
        let id = UUID()
        #expect(
            Paths.Staff.page(.network, done: "network.person_added", fragment: "l-1")
                == "/staff/netwerk?done=network.person_added#l-1")
        #expect(Paths.Staff.location(id, "/slots") == "/staff/locations/\(id.uuidString)/slots")
        #expect(
            Paths.Staff.training(id, done: "training.saved") == "/staff/trainingen/\(id.uuidString)?done=training.saved"
        )
    }
}
