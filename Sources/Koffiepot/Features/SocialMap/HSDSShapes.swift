import Foundation

/// The Open Referral HSDS 3.0 objects Koffiepot publishes, as the standard names them (encoded with
/// snake_case keys; absent values are left out, never sent as null). Only what is public anyway.
enum HSDS {
    struct Organization: Encodable, Sendable {
        var id: String
        var name: String
        var description: String
        var website: String?
        /// Only in the fully nested form (`/organizations/{id}`).
        var services: [Service]?
    }

    struct Service: Encodable, Sendable {
        var id: String
        var organizationId: String
        var name: String
        var description: String
        var url: String?
        var status = "active"
        var lastModified: String?
        var organization: OrganizationRef?
        // The nested parts, only in the fully nested form (`/services/{id}`).
        var schedules: [Schedule]?
        var languages: [Language]?
        var contacts: [Contact]?
        var serviceAtLocations: [ServiceAtLocation]?

        /// The one-to-one fields: what a list or another object carries.
        var listed: Service {
            var copy = self
            copy.schedules = nil
            copy.languages = nil
            copy.contacts = nil
            copy.serviceAtLocations = nil
            return copy
        }
    }

    struct OrganizationRef: Encodable, Sendable {
        var id: String
        var name: String
        var description: String
    }

    struct Location: Encodable, Sendable {
        var id: String
        var locationType = "physical"
        var name: String
        var description: String
        var url: String?
    }

    struct ServiceAtLocation: Encodable, Sendable {
        var id: String
        var serviceId: String
        var locationId: String
        var description: String?
        var location: Location?
        var service: Service?
        var schedules: [Schedule]?
        var contacts: [Contact]?

        var listed: ServiceAtLocation {
            var copy = self
            copy.schedules = nil
            copy.contacts = nil
            copy.service = service?.listed
            return copy
        }
    }

    /// A weekly moment (`freq` WEEKLY, `byday`, local `opens_at`/`closes_at`) or a dated one (`dtstart`,
    /// `valid_from`/`valid_to`), in Europe/Amsterdam wall-clock time.
    struct Schedule: Encodable, Sendable {
        var id: String
        var serviceId: String?
        var serviceAtLocationId: String?
        var validFrom: String?
        var validTo: String?
        var dtstart: String?
        var count: Int?
        var freq: String?
        var interval: Int?
        var byday: String?
        var description: String?
        var opensAt: String?
        var closesAt: String?
        var attendingType: String?
    }

    struct Contact: Encodable, Sendable {
        var id: String
        var serviceId: String?
        var serviceAtLocationId: String?
        var name: String
        var title: String
    }

    struct Language: Encodable, Sendable {
        var id: String
        var serviceId: String
        var name: String
        var code: String
    }

    /// The standard paging object around every list.
    struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
        var totalItems: Int
        var totalPages: Int
        var pageNumber: Int
        var size: Int
        var firstPage: Bool
        var lastPage: Bool
        var empty: Bool
        var contents: [Item]
    }

    struct Meta: Encodable, Sendable {
        var version = "3.0"
        var profile: String
        var openapiUrl: String
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
