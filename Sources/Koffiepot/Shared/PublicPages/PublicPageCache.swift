import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// What the public pages show changes only when staff change something (presence, advisors, gatherings, the
/// network) — and a registration moves a gathering's free places. Pages are built once per change and kept in
/// memory, keyed by the database's `public_stamp` (moved on by triggers, see `M032_PublicStamp`): one cheap
/// query per request tells whether anything changed, on this instance or another. Entries also age out after
/// `maxAge`, because "upcoming" and "this week" move with the clock. Personal and staff pages are never kept.
final class PublicPageCache: Sendable {
    static let maxAge: TimeInterval = 60
    static let maxEntries = 2_000

    private struct Entry: @unchecked Sendable {
        let stamp: AnyHashable
        let storedAt: Date
        let value: Any
    }

    private let entries = NIOLockedValueBox([String: Entry]())

    /// The current stamp: one indexed read.
    static func stamp(on db: any Database) async throws -> Int64 {
        try await (db as! any SQLDatabase).raw("SELECT version FROM public_stamp WHERE id = 1").first(
            decoding: Stamp.self)?.version ?? 0
    }

    private struct Stamp: Decodable { let version: Int64 }

    /// What the location page depends on: the public stamp and the location's own slot stamp
    /// (`M033_SlotStamp`), read in one statement.
    struct LocationStamps: Hashable, Sendable, Decodable {
        let pages: Int64
        let slots: Int64
    }

    static func stamps(at location: UUID, on db: any Database) async throws -> LocationStamps {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT (SELECT version FROM public_stamp WHERE id = 1) AS pages,
                   COALESCE((SELECT version FROM slot_stamps WHERE location_id = \(bind: location)), 0) AS slots
            """
        ).first(decoding: LocationStamps.self) ?? LocationStamps(pages: 0, slots: 0)
    }

    /// The kept value for `key` while the stamp is the same and it is young enough; else `load()`, kept.
    func value<T: Sendable>(
        _ key: String, stamp: some Hashable & Sendable, now: Date,
        load: () async throws -> T
    ) async throws -> T {
        if let kept = lookup(key, stamp: stamp, now: now) as? T { return kept }
        let value = try await load()
        store(key, stamp: stamp, now: now, value)
        return value
    }

    private func lookup(_ key: String, stamp: some Hashable & Sendable, now: Date) -> Any? {
        guard let entry = entries.withLockedValue({ $0[key] }), entry.stamp == AnyHashable(stamp),
            now >= entry.storedAt, now.timeIntervalSince(entry.storedAt) < Self.maxAge
        else { return nil }
        return entry.value
    }

    private func store(_ key: String, stamp: some Hashable & Sendable, now: Date, _ value: any Sendable) {
        entries.withLockedValue { entries in
            // Crude but bounded: locations × languages × filters.
            if entries.count >= Self.maxEntries { entries.removeAll() }
            entries[key] = Entry(stamp: AnyHashable(stamp), storedAt: now, value: value)
        }
    }

    private struct KeptResponse: Sendable {
        let status: HTTPStatus
        let headers: HTTPHeaders
        let body: ByteBuffer
    }

    /// A whole anonymous page or feed (the same bytes for everyone with this address and language): kept as
    /// built. `variant` names what else it was built from (the location page's free times, read live). A
    /// signed-in staff member sees her own bar on the page, so she gets it fresh; a page that carries a form
    /// token is never kept (it is someone's own).
    func response(
        _ req: Request, variant: String = "", stamp known: Int64? = nil,
        build: () async throws -> Response
    ) async throws -> Response {
        guard req.staff == nil else { return try await build() }
        let key = "page \(req.language.rawValue) \(req.url.string) \(variant)"
        let stamp = if let known { known } else { try await Self.stamp(on: req.db) }
        if let kept = lookup(key, stamp: stamp, now: req.now) as? KeptResponse {
            return Response(status: kept.status, headers: kept.headers, body: .init(buffer: kept.body))
        }
        let response = try await build()
        if response.status == .ok, let body = response.body.buffer, !Self.carriesFormToken(body) {
            var headers = response.headers
            headers.remove(name: .setCookie)
            store(key, stamp: stamp, now: req.now, KeptResponse(status: response.status, headers: headers, body: body))
        }
        return response
    }
}

extension PublicPageCache {
    private static let formToken = Array(#"name="\#(CSRFMiddleware.fieldName)""#.utf8)

    static func carriesFormToken(_ body: ByteBuffer) -> Bool {
        let bytes = body.readableBytesView
        guard bytes.count >= formToken.count else { return false }
        return bytes.withContiguousStorageIfAvailable { $0.firstRange(of: formToken) != nil }
            ?? Array(bytes).firstRange(of: formToken).map { _ in true } ?? false
    }
}

extension Application {
    private struct PublicPageCacheKey: StorageKey { typealias Value = PublicPageCache }

    /// This instance's kept public pages (set once in `configure`).
    var publicPages: PublicPageCache {
        get { storage[PublicPageCacheKey.self]! }
        set { storage[PublicPageCacheKey.self] = newValue }
    }
}
