import Foundation

/// RFC 5545 iCalendar text for presence moments. Instants are written in UTC (`…Z`), which every
/// calendar shows in the reader's own time zone, so no VTIMEZONE block is needed.
enum CalendarFeed {
    struct Event {
        var uid: String
        var start: Date
        var end: Date
        var summary: String
        var location: String
        var description: String
        var cancelled: Bool
    }

    static func render(name: String, events: [Event], now: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Koffiepot//Presence//NL", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:\(escape(name))", "X-WR-TIMEZONE:Europe/Amsterdam",
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(utc(now))", "DTSTART:\(utc(event.start))",
                "DTEND:\(utc(event.end))", "SUMMARY:\(escape(event.summary))", "LOCATION:\(escape(event.location))",
                "DESCRIPTION:\(escape(event.description))", "STATUS:\(event.cancelled ? "CANCELLED" : "CONFIRMED")",
                "TRANSP:TRANSPARENT", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func utc(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// TEXT escaping (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets are folded, never inside a UTF-8 character (§3.1).
    static func fold(_ line: String) -> String {
        var out = "", count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }
}
