/// The rules of the waiting list, without a database: first come, first served, and nobody jumps the queue.
package enum WaitingList {
    package enum Placement: Equatable { case confirmed, waitlisted, tooMany }

    /// Where a new registration of `adults` goes. While anyone is waiting, newcomers queue behind them,
    /// even if a place is free (it is about to go to the first in line).
    package static func place(adults: Int, capacity: Int, taken: Int, anyoneWaiting: Bool) -> Placement {
        guard adults <= capacity else { return .tooMany }
        if anyoneWaiting { return .waitlisted }
        return taken + adults <= capacity ? .confirmed : .waitlisted
    }

    /// Who moves up when places free, in queue order. Stops at the first who does not fit, so a small
    /// party further back never overtakes a larger one in front.
    package static func promotions(free: Int, queue: [(id: Int, adults: Int)]) -> [Int] {
        var left = free
        var promoted: [Int] = []
        for entry in queue {
            guard entry.adults <= left else { break }
            promoted.append(entry.id)
            left -= entry.adults
        }
        return promoted
    }
}
