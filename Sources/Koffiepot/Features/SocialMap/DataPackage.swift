import Foundation

/// The tabular form of the feed: HSDS's CSV files with a Frictionless `datapackage.json`, zipped.
enum DataPackage {
    struct Table {
        let resource: String
        let path: String
        /// Column name and Table Schema type.
        let columns: [(String, String)]
        let rows: [[String]]
    }

    static func tables(_ directory: SocialMapDirectory) -> [Table] {
        let links = directory.serviceAtLocations
        var locations: [String: HSDS.Location] = [:]
        for link in links { if let location = link.location { locations[location.id] = location } }
        let schedules = directory.services.flatMap { $0.schedules ?? [] } + links.flatMap { $0.schedules ?? [] }
        let contacts = links.flatMap { $0.contacts ?? [] }
        let languages = directory.services.flatMap { $0.languages ?? [] }
        let text = { (value: String?) in value ?? "" }
        let number = { (value: Int?) in value.map(String.init) ?? "" }
        return [
            Table(
                resource: "organization", path: "organizations.csv",
                columns: [("id", "string"), ("name", "string"), ("description", "string"), ("website", "string")],
                rows: directory.organizations.map { [$0.id, $0.name, $0.description, text($0.website)] }),
            Table(
                resource: "service", path: "services.csv",
                columns: [
                    ("id", "string"), ("organization_id", "string"), ("name", "string"), ("description", "string"),
                    ("url", "string"),
                    ("status", "string"), ("last_modified", "datetime"),
                ],
                rows: directory.services.map {
                    [$0.id, $0.organizationId, $0.name, $0.description, text($0.url), $0.status, text($0.lastModified)]
                }),
            Table(
                resource: "location", path: "locations.csv",
                columns: [
                    ("id", "string"), ("location_type", "string"), ("name", "string"), ("description", "string"),
                    ("url", "string"),
                ],
                rows: locations.values.sorted { $0.name < $1.name }.map {
                    [$0.id, $0.locationType, $0.name, $0.description, text($0.url)]
                }),
            Table(
                resource: "service_at_location", path: "service_at_location.csv",
                columns: [
                    ("id", "string"), ("service_id", "string"), ("location_id", "string"), ("description", "string"),
                ],
                rows: links.map { [$0.id, $0.serviceId, $0.locationId, text($0.description)] }),
            Table(
                resource: "schedule", path: "schedules.csv",
                columns: [
                    ("id", "string"), ("service_id", "string"), ("service_at_location_id", "string"),
                    ("valid_from", "string"),
                    ("valid_to", "string"), ("dtstart", "string"), ("count", "number"), ("freq", "string"),
                    ("interval", "number"),
                    ("byday", "string"), ("description", "string"), ("opens_at", "string"), ("closes_at", "string"),
                    ("attending_type", "string"),
                ],
                rows: schedules.map {
                    [
                        $0.id, text($0.serviceId), text($0.serviceAtLocationId), text($0.validFrom), text($0.validTo),
                        text($0.dtstart), number($0.count), text($0.freq), number($0.interval), text($0.byday),
                        text($0.description), text($0.opensAt), text($0.closesAt), text($0.attendingType),
                    ]
                }),
            Table(
                resource: "contact", path: "contacts.csv",
                columns: [
                    ("id", "string"), ("service_id", "string"), ("service_at_location_id", "string"),
                    ("name", "string"), ("title", "string"),
                ],
                rows: contacts.map { [$0.id, text($0.serviceId), text($0.serviceAtLocationId), $0.name, $0.title] }),
            Table(
                resource: "language", path: "languages.csv",
                columns: [("id", "string"), ("service_id", "string"), ("name", "string"), ("code", "string")],
                rows: languages.map { [$0.id, $0.serviceId, $0.name, $0.code] }),
        ]
    }

    static func zip(_ directory: SocialMapDirectory, publicURL: String) throws -> Data {
        let tables = tables(directory)
        var archive = ZipArchive()
        for table in tables {
            archive.add(table.path, Data(CSVExport.render([table.columns.map(\.0)] + table.rows).utf8))
        }
        let descriptor: [String: Any] = [
            "name": "koffiepot-sociale-kaart",
            "title": "Opvoedondersteuning op school — Open Referral HSDS 3.0",
            "profile": "tabular-data-package",
            "homepage": publicURL,
            "resources": tables.map { table -> [String: Any] in
                [
                    "name": table.resource, "path": table.path, "profile": "tabular-data-resource", "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    "schema": ["fields": table.columns.map { ["name": $0.0, "type": $0.1] }, "primaryKey": "id"]
                        as [String: Any],
                ]
            },
        ]
        archive.add(
            "datapackage.json",
            try JSONSerialization.data(
                withJSONObject: descriptor, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
        return archive.data
    }
}
