import Crypto
import Fluent
import Foundation

/// The published digest of one feed object and when it first differed from the one before.
final class DirectoryStamp: Model, @unchecked Sendable {
    static let schema = "directory_stamps"

    @ID(key: .id) var id: UUID?
    @Field(key: "entity_id") var entityID: String
    @Field(key: "digest") var digest: String
    @Field(key: "changed_at") var changedAt: Date

    init() {}
}

/// Loads the public offer and keeps the feed's modification times honest without asking every writer to
/// remember: each object's published form is hashed, and when the hash differs from the one stored, the
/// object is stamped "changed now". A change is therefore stamped no earlier than the first read after it,
/// so a partner who asks `modified_after` her last read never misses one.
enum SocialMapFeed {
    static func directory(on db: any Database, publicURL: String, now: Date) async throws -> (
        SocialMapDirectory, stamps: [String: Date]
    ) {
        var source = try await load(on: db, publicURL: publicURL, now: now)
        let plain = SocialMapDirectory(source)
        let stamps = try await stamp(plain, on: db, now: now)
        source.lastModified = stamps.mapValues(Self.format)
        return (SocialMapDirectory(source), stamps)
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private static func load(on db: any Database, publicURL: String, now: Date) async throws -> SocialMapSource {
        let locations = try await Location.query(on: db).sort(\.$name).all()
        let links = try await LocationAdvisor.query(on: db).with(\.$advisor).all().filter { $0.advisor.active }
        let rules = try await PresenceRule.query(on: db).all()
        let places = locations.map { location in
            SocialMapSource.Place(
                location: location,
                advisors: links.filter { $0.$location.id == location.id }.map(\.advisor).sorted { $0.name < $1.name },
                rules: rules.filter { $0.$location.id == location.id })
        }
        let municipalities =
            Dictionary(grouping: locations, by: \.municipality).max { $0.value.count < $1.value.count }?.key ?? ""
        return SocialMapSource(
            publicURL: publicURL, municipality: municipalities, places: places,
            gatherings: try await GatheringQueries.upcoming(GatheringFilter(), from: now, on: db),
            organisations: try await Organisation.query(on: db).sort(\.$name).all(),
            publicPeople: try await Professional.query(on: db).filter(\.$isPublic == true).sort(\.$name).all())
    }

    /// Every object's stamp, new or changed ones written now.
    private static func stamp(_ directory: SocialMapDirectory, on db: any Database, now: Date) async throws -> [String:
        Date]
    {
        var digests: [String: String] = [:]
        for service in directory.services { digests[service.id] = try digest(service) }
        for organization in directory.organizations { digests[organization.id] = try digest(organization) }
        for link in directory.serviceAtLocations { digests[link.id] = try digest(link) }
        let stored = Dictionary(
            try await DirectoryStamp.query(on: db).all().map { ($0.entityID, $0) },
            uniquingKeysWith: { first, _ in first })
        var stamps: [String: Date] = [:]
        for (id, digest) in digests {
            if let known = stored[id], known.digest == digest {
                stamps[id] = known.changedAt
                continue
            }
            stamps[id] = now
            if let known = stored[id] {
                known.digest = digest
                known.changedAt = now
                try await known.save(on: db)
            } else {
                let fresh = DirectoryStamp()
                fresh.entityID = id
                fresh.digest = digest
                fresh.changedAt = now
                // Another instance may stamp the same new object at the same moment: its row is as good as ours.
                try? await fresh.create(on: db)
            }
        }
        return stamps
    }

    private static func digest(_ value: some Encodable) throws -> String {
        SHA256.hash(data: try HSDS.encoder.encode(value)).map { String(format: "%02x", $0) }.joined()
    }
}
