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
    /// Keys being built now, with whoever waits for them.
    private let building = NIOLockedValueBox([String: [CheckedContinuation<Void, Never>]]())

    /// The current stamp: one indexed read.
    static func stamp(on db: any Database) async throws -> Int64 {
        try await db.sql.raw("SELECT version FROM public_stamp WHERE id = 1").first(decoding: Stamp.self)?.version ?? 0
    }

    private struct Stamp: Decodable { let version: Int64 }

    /// What the location page depends on: the public stamp and the location's own slot stamp
    /// (`M033_SlotStamp`), read in one statement.
    struct LocationStamps: Hashable, Sendable, Decodable {
        let pages: Int64
        let slots: Int64
    }

    static func stamps(at location: UUID, on db: any Database) async throws -> LocationStamps {
        try await db.sql.raw(
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
        return try await once(key, lookup: { lookup(key, stamp: stamp, now: now) as? T }) {
            let value = try await load()
            store(key, stamp: stamp, now: now, value)
            return value
        }
    }

    /// One build per key at a time. When the newsletter link goes out at 19:00, a page that just aged out is
    /// asked for by dozens of parents at once: the first builds it, the others wait and take what she kept
    /// (and build it themselves only when nothing could be kept, e.g. a page with an error).
    private func once<T>(_ key: String, lookup: () -> T?, build: () async throws -> T) async throws -> T {
        let first = building.withLockedValue { building in
            guard building[key] == nil else { return false }
            building[key] = []
            return true
        }
        guard first else {
            await withCheckedContinuation { waiter in
                let waiting = building.withLockedValue { building in
                    guard building[key] != nil else { return false }
                    building[key]!.append(waiter)
                    return true
                }
                if !waiting { waiter.resume() }  // she finished in between
            }
            if let kept = lookup() { return kept }
            return try await build()
        }
        defer { for waiter in building.withLockedValue({ $0.removeValue(forKey: key) ?? [] }) { waiter.resume() } }
        return try await build()
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
        var response: Response { Response(status: status, headers: headers, body: .init(buffer: body)) }
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
        let kept = { self.lookup(key, stamp: stamp, now: req.now) as? KeptResponse }
        if let page = kept() { return page.response }
        return try await once(key, lookup: { kept()?.response }) {
            let response = try await build()
            if response.status == .ok, let body = response.body.buffer, !Self.carriesFormToken(body) {
                var headers = response.headers
                headers.remove(name: .setCookie)
                store(
                    key, stamp: stamp, now: req.now, KeptResponse(status: response.status, headers: headers, body: body)
                )
            }
            return response
        }
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
