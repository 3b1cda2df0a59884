import Foundation

/// Each kind of record written out in full for its owner: every personal value, nothing left out.
/// Pure: records in, items out.
enum MyDataItems {
    /// The e-mail address or number she left, if any.
    static func contact(_ contact: String?) -> MyDataItem.Value? { contact.map { .text($0) } }

    static func booking(_ booking: Booking, slot: ConsultationSlot?) -> MyDataItem {
        let id = booking.id ?? UUID()
        return MyDataItem(
            kind: "booking", table: "bookings", createdAt: booking.createdAt, erasedAfter: booking.purgeAfter,
            data: [
                ("place", slot.map { .text($0.location.name) }),
                ("startsAt", slot.map { .time($0.startsAt) }),
                ("name", .text(booking.name)),
                ("contact", contact(booking.contact)),
                ("topics", .codes(prefix: "topic", booking.topics.map(\.rawValue))),
                ("about", booking.about.isEmpty ? nil : .text(booking.about)),
                ("participants", .codes(prefix: "participants", [booking.participants.rawValue])),
                ("teacherName", booking.teacherName.isEmpty ? nil : .text(booking.teacherName)),
                ("booker", .codes(prefix: "booker", [booking.booker.rawValue])),
                ("language", .codes(prefix: "lang", [booking.language])),
                ("interpreter", .flag(booking.interpreter)),
                ("firstContact", booking.firstContact.map { .flag($0) }),
                ("status", .codes(prefix: "mydata.status", [booking.status.rawValue])),
                ("advisorNote", booking.advisorNote.isEmpty ? nil : .text(booking.advisorNote)),
            ], logSubjects: [RecordSubject.booking(id)])
    }

    static func registration(_ registration: Registration, gathering: Gathering?) -> MyDataItem {
        let id = registration.id ?? UUID()
        return MyDataItem(
            kind: "registration", table: "registrations", createdAt: registration.createdAt,
            erasedAfter: registration.purgeAfter,
            data: [
                ("gathering", gathering.map { .text($0.title) }),
                ("place", gathering.map { .text($0.location.name) }),
                ("startsAt", gathering.map { .time($0.startsAt) }),
                ("name", .text(registration.name)),
                ("contact", contact(registration.contact)),
                ("adults", .number(registration.adults)),
                ("language", .codes(prefix: "lang", [registration.language])),
                ("childcare", .flag(registration.childcare)),
                ("interpreter", .flag(registration.interpreter)),
                ("status", .codes(prefix: "mydata.status", [registration.status.rawValue])),
            ], logSubjects: [RecordSubject.registration(id)])
    }

    static func question(_ question: Question) -> MyDataItem {
        let id = question.id ?? UUID()
        return MyDataItem(
            kind: "question", table: "questions", createdAt: question.createdAt, erasedAfter: question.purgeAfter,
            data: [
                ("text", .text(question.text)),
                ("topics", question.topic.map { .codes(prefix: "topic", [$0.rawValue]) }),
                ("language", .codes(prefix: "lang", [question.language])),
                ("contact", contact(question.contact)),
                ("consentPublish", .flag(question.consentPublish)),
                ("firstContact", question.firstContact.map { .flag($0) }),
                ("status", .codes(prefix: "mydata.status", [question.status.rawValue])),
            ], logSubjects: [RecordSubject.question(id), RecordSubject.question(id) + ":publish"])
    }

    static func message(_ message: QuestionMessage, of question: Question) -> MyDataItem {
        MyDataItem(
            kind: "question_message", table: "question_messages", createdAt: message.createdAt,
            erasedAfter: question.purgeAfter,
            data: [
                ("from", .codes(prefix: "mydata.from", [message.fromAdvisor ? "advisor" : "you"])),
                ("text", .text(message.text)),
            ])
    }

    /// A contact left with a wish; erased when the wish became a gathering and that was said, or after about a year.
    static func wishContact(_ support: WishSupport) -> MyDataItem {
        let week = LocalDate(support.week) ?? LocalDate(year: 2000, month: 1, day: 1)
        return MyDataItem(
            kind: "wish_contact", table: "wish_supports", createdAt: week.instant(minute: 0) ?? Date(),
            erasedAfter: week.adding(days: 372).instant(minute: 0) ?? Date(),
            data: [
                ("wish", .text(support.wish.text)),
                ("contact", contact(support.contact)),
            ])
    }

    static func code(_ code: ConversationCode) -> MyDataItem {
        MyDataItem(
            kind: "conversation_code", table: "conversation_codes", createdAt: code.createdAt,
            erasedAfter: code.purgeAfter,
            data: [
                ("contact", contact(code.contact))
            ])
    }

    static func conversation(_ booking: ConversationBooking) -> MyDataItem {
        MyDataItem(
            kind: "conversation", table: "conversation_bookings", createdAt: booking.createdAt,
            erasedAfter: booking.round.purgeAfter,
            data: [
                ("place", .text(booking.round.location.name)),
                ("group", .text(booking.round.group)),
                ("startsAt", .time(booking.slot.startsAt)),
                ("parentName", .text(booking.parentName)),
                ("childName", .text(booking.childName)),
                ("language", .codes(prefix: "lang", [booking.language])),
            ], logSubjects: [RecordSubject.conversation(booking.id ?? UUID())])
    }

    static func support(_ request: SupportRequest, code: ConversationCode) -> MyDataItem {
        MyDataItem(
            kind: "support_request", table: "support_requests", createdAt: request.createdAt,
            erasedAfter: request.purgeAfter ?? code.purgeAfter,
            data: [
                ("topics", .codes(prefix: "topic", request.topics.map(\.rawValue))),
                ("note", request.note.isEmpty ? nil : .text(request.note)),
                ("contact", contact(request.contact)),
                ("answer", request.answer.map { .text($0) }),
                ("status", .codes(prefix: "mydata.status", [request.status.rawValue])),
            ], logSubjects: [RecordSubject.supportRequest(request.id ?? UUID())])
    }
}
