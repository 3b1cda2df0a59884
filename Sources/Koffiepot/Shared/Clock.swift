import Foundation
import Vapor

/// The current instant, injected so rules and purges can be tested at any date (DST weeks, expiry).
public struct Clock: Sendable {
    public var now: @Sendable () -> Date
    public static let live = Clock(now: { Date() })
    public static func fixed(_ date: Date) -> Clock { Clock(now: { date }) }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = Clock }
    public var clock: Clock {
        get { storage[ClockKey.self] ?? .live }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var now: Date { application.clock.now() }
}
