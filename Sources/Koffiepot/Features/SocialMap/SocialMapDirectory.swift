import Crypto
import Foundation

/// What the social map is made of: everything here is already public on Koffiepot's own pages.
/// Private professionals (not `isPublic`), bookings and parents are never loaded into it.
struct SocialMapSource: Sendable {
    struct Place: Sendable {
        let location: Location
        let advisors: [StaffUser]
        let rules: [PresenceRule]
    }

    var publicURL: String
    var municipality: String
    var places: [Place]
    var gatherings: [Gathering]
    var organisations: [Organisation]
    /// Only people who chose to be shown to parents.
    var publicPeople: [Professional]
    /// When each service last changed, as the feed noticed it (`SocialMapFeed`).
    var lastModified: [String: String] = [:]
}

/// Koffiepot's public offer as an Open Referral directory: the CJG's parenting support at every location
/// (weekly walk-ins and consultation hours), its gatherings and courses, and the partner organisations with the
/// services their public people give at the schools. A pure mapping; the texts are Dutch, the language of the
/// municipal *sociale kaart*.
struct SocialMapDirectory: Sendable {
    var organizations: [HSDS.Organization]
    var services: [HSDS.Service]
    var serviceAtLocations: [HSDS.ServiceAtLocation]

    static let weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    /// A UUID that is the same for the same name on every instance and every run (SHA-256, version 8 form),
    /// for HSDS objects that have no row of their own (the CJG, a location's support service, a schedule).
    static func stableID(_ name: String) -> String {
        var bytes = Array(SHA256.hash(data: Data("koffiepot-hsds:\(name)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let cut = [8, 4, 4, 4, 12].reduce(into: (parts: [String](), rest: Substring(hex))) { acc, length in
            acc.parts.append(String(acc.rest.prefix(length)))
            acc.rest = acc.rest.dropFirst(length)
        }
        return cut.parts.joined(separator: "-")
    }

    init(organizations: [HSDS.Organization], services: [HSDS.Service], serviceAtLocations: [HSDS.ServiceAtLocation]) {
        self.organizations = organizations
        self.services = services
        self.serviceAtLocations = serviceAtLocations
    }

    init(_ source: SocialMapSource) {
        let cjg = HSDS.OrganizationRef(
            id: Self.stableID("organization:cjg"), name: "Centrum voor Jeugd en Gezin \(source.municipality)",
            description:
                "Opvoedondersteuning waar ouders al komen: een vaste opvoedadviseur op school, inloop, spreekuur, koffieochtenden en cursussen. Gratis, zonder account."
        )
        let base = source.publicURL
        func place(_ location: Location) -> HSDS.Location {
            HSDS.Location(
                id: location.id!.uuidString.lowercased(), name: location.name, description: location.address,
                url: "\(base)/locations/\(location.id!.uuidString)")
        }
        var services: [HSDS.Service] = []
        var links: [HSDS.ServiceAtLocation] = []

        // The CJG's parenting support at each location: its weekly moments and its advisors.
        for entry in source.places {
            let locationID = entry.location.id!.uuidString.lowercased()
            let serviceID = Self.stableID("service:support:\(locationID)")
            let linkID = Self.stableID("service_at_location:support:\(locationID)")
            let schedules = entry.rules.sorted { ($0.weekday, $0.startMinute) < ($1.weekday, $1.startMinute) }.map {
                rule in
                HSDS.Schedule(
                    id: rule.id!.uuidString.lowercased(), serviceAtLocationId: linkID, freq: "WEEKLY", interval: 1,
                    byday: Self.weekdays[(rule.weekday - 1).clamped(to: 0...6)],
                    description: rule.mode == .walkIn
                        ? "Inloop zonder afspraak, \(rule.room)" : "Spreekuur op afspraak, \(rule.room)",
                    opensAt: ClockTime.format(rule.startMinute), closesAt: ClockTime.format(rule.endMinute),
                    attendingType: "in_person")
            }
            let contacts = entry.advisors.map { advisor in
                HSDS.Contact(
                    id: Self.stableID("contact:\(advisor.id!.uuidString):\(locationID)"), serviceAtLocationId: linkID,
                    name: advisor.name, title: "Opvoedadviseur")
            }
            var service = HSDS.Service(
                id: serviceID, organizationId: cjg.id, name: "Opvoedondersteuning op \(entry.location.name)",
                description:
                    "Een vaste opvoedadviseur op \(entry.location.name): loop binnen of maak een afspraak voor het spreekuur. Voor alle vragen over opvoeden en opgroeien.",
                url: "\(base)/locations/\(entry.location.id!.uuidString)", organization: cjg)
            service.languages = [
                HSDS.Language(
                    id: Self.stableID("language:\(serviceID):nl"), serviceId: serviceID, name: "Nederlands", code: "nl")
            ]
            let link = HSDS.ServiceAtLocation(
                id: linkID, serviceId: serviceID, locationId: locationID,
                description: "Inloop en spreekuur van de opvoedadviseur.", location: place(entry.location),
                schedules: schedules, contacts: contacts)
            links.append(link)
            services.append(service)
        }

        // Gatherings and courses with their dates.
        for gathering in source.gatherings {
            let serviceID = gathering.id!.uuidString.lowercased()
            let locationID = gathering.$location.id.uuidString.lowercased()
            let linkID = Self.stableID("service_at_location:gathering:\(serviceID)")
            let starts = gathering.sessionStarts
            let first = LocalDate(containing: starts.first ?? gathering.startsAt)
            let last = LocalDate(containing: starts.last ?? gathering.startsAt)
            let opens = Calendar.amsterdamMinute(of: gathering.startsAt)
            let closes = opens + Int(gathering.endsAt.timeIntervalSince(gathering.startsAt) / 60)
            let weekly = starts.count > 1
            let schedule = HSDS.Schedule(
                id: Self.stableID("schedule:gathering:\(serviceID)"), serviceId: serviceID,
                validFrom: first.description, validTo: last.description,
                dtstart: first.description, count: weekly ? starts.count : nil, freq: weekly ? "WEEKLY" : nil,
                interval: weekly ? 1 : nil,
                byday: weekly ? Self.weekdays[(first.weekday - 1).clamped(to: 0...6)] : nil,
                description: gathering.room.isEmpty ? nil : gathering.room, opensAt: ClockTime.format(opens),
                closesAt: ClockTime.format(min(closes, 24 * 60 - 1)), attendingType: "in_person")
            var service = HSDS.Service(
                id: serviceID, organizationId: cjg.id, name: gathering.title, description: gathering.description,
                url: "\(base)/gatherings/\(gathering.id!.uuidString)", organization: cjg)
            service.schedules = [schedule]
            service.languages = gathering.languageCodes.map { code in
                HSDS.Language(
                    id: Self.stableID("language:\(serviceID):\(code)"), serviceId: serviceID,
                    name: Locale(identifier: "nl").localizedString(forLanguageCode: code) ?? code, code: code)
            }
            services.append(service)
            if let location = source.places.first(where: { $0.location.id == gathering.$location.id })?.location {
                links.append(
                    HSDS.ServiceAtLocation(
                        id: linkID, serviceId: serviceID, locationId: locationID, location: place(location)))
            }
        }

        // Partner organisations: one service each, at the locations where someone of them chose to be shown.
        var organizations = [HSDS.Organization(id: cjg.id, name: cjg.name, description: cjg.description)]
        for organisation in source.organisations {
            let organisationID = organisation.id!.uuidString.lowercased()
            let ref = HSDS.OrganizationRef(
                id: organisationID, name: organisation.name,
                description: organisation.about.isEmpty ? organisation.name : organisation.about)
            organizations.append(
                HSDS.Organization(
                    id: ref.id, name: ref.name, description: ref.description, website: organisation.website))
            let people = source.publicPeople.filter { $0.$organisation.id == organisation.id }
            guard !people.isEmpty else { continue }
            let serviceID = Self.stableID("service:partner:\(organisationID)")
            services.append(
                HSDS.Service(
                    id: serviceID, organizationId: organisationID, name: organisation.name,
                    description: ref.description,
                    url: organisation.website, organization: ref))
            for (locationID, here) in Dictionary(grouping: people, by: { $0.$location.id }).sorted(by: {
                $0.key.uuidString < $1.key.uuidString
            }) {
                guard let location = source.places.first(where: { $0.location.id == locationID })?.location else {
                    continue
                }
                let linkID = Self.stableID(
                    "service_at_location:partner:\(organisationID):\(locationID.uuidString.lowercased())")
                let helps = here.map(\.helpsWith).filter { !$0.isEmpty }
                links.append(
                    HSDS.ServiceAtLocation(
                        id: linkID, serviceId: serviceID, locationId: locationID.uuidString.lowercased(),
                        description: helps.isEmpty ? nil : helps.joined(separator: "\n"), location: place(location),
                        schedules: here.filter { !$0.presence.isEmpty }.map { person in
                            HSDS.Schedule(
                                id: Self.stableID("schedule:person:\(person.id!.uuidString)"),
                                serviceAtLocationId: linkID,
                                description: "\(person.name): \(person.presence)", attendingType: "in_person")
                        },
                        contacts: here.map { person in
                            HSDS.Contact(
                                id: person.id!.uuidString.lowercased(), serviceAtLocationId: linkID, name: person.name,
                                title: person.role)
                        }))
            }
        }

        services = services.map { service in
            var stamped = service
            stamped.lastModified = source.lastModified[service.id]
            return stamped
        }

        // Each object carries its own nested parts: services their links (with schedules), organisations their services.
        let servicesByID = Dictionary(uniqueKeysWithValues: services.map { ($0.id, $0) })
        self.serviceAtLocations = links.map { link in
            var full = link
            full.service = servicesByID[link.serviceId]?.listed
            return full
        }
        let linksByService = Dictionary(grouping: serviceAtLocations, by: \.serviceId)
        self.services = services.map { service in
            var full = service
            full.serviceAtLocations =
                linksByService[service.id]?.map { link in
                    var nested = link
                    nested.service = nil
                    return nested
                } ?? []
            return full
        }
        let servicesByOrganization = Dictionary(grouping: self.services, by: \.organizationId)
        self.organizations = organizations.map { organization in
            var full = organization
            full.services = servicesByOrganization[organization.id]?.map(\.listed) ?? []
            return full
        }
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
