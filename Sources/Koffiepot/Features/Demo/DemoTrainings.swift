import Fluent
import Foundation

/// A joint training of the demo municipality: the *meldcode* last month, attended by people of several
/// organisations (so "who met whom" has something to show), and one coming up with places left.
enum DemoTrainings {
    static func seed(on db: any Database, today: LocalDate) async throws {
        let organisations = try await Organisation.query(on: db).all()
        let audience = organisations.map { $0.id!.uuidString }.joined(separator: ",")
        func training(_ title: String, _ about: String, days: Int, capacity: Int) async throws -> JointTraining {
            let training = JointTraining()
            training.title = title
            training.about = about
            training.place = "Stadhuis Eindhoven, zaal 2"
            training.startsAt = today.adding(days: days).instant(minute: 13 * 60 + 30)!
            training.endsAt = today.adding(days: days).instant(minute: 16 * 60 + 30)!
            training.capacity = capacity
            training.taken = 0
            training.organisationIDs = audience
            training.createdAt = today.adding(days: min(days, 0) - 30).instant(minute: 9 * 60)!
            try await training.create(on: db)
            return training
        }
        let past = try await training(
            "Meldcode kindermishandeling", "De vijf stappen van de meldcode, samen geoefend met casussen uit de wijk.",
            days: -30, capacity: 20)
        let next = try await training(
            "Praten met ouders over zorgen", "Hoe begin je het gesprek? Oefenen met een trainingsacteur.",
            days: 24, capacity: 16)
        var seq = 0
        func add(_ training: JointTraining, staff: String? = nil, professional: String? = nil, attended: Bool)
            async throws
        {
            let signup = TrainingSignup()
            signup.$training.id = try training.requireID()
            if let staff {
                signup.$staffUser.id = try await StaffUser.query(on: db).filter(\.$email == staff).first()?.id
            }
            if let professional {
                signup.$professional.id = try await Professional.query(on: db).filter(\.$name == professional).first()?
                    .id
            }
            seq += 1
            signup.seq = seq
            signup.status = .confirmed
            signup.attended = attended
            signup.createdAt = training.createdAt
            try await signup.create(on: db)
            training.taken += 1
            try await training.save(on: db)
        }
        for email in ["anja@koffiepot.test", "petra@koffiepot.test", "leerkracht@koffiepot.test"] {
            try await add(past, staff: email, attended: true)
        }
        for name in ["Ellen Verbeek", "Karim Bouzid", "Joost van Dijk"] {
            try await add(past, professional: name, attended: true)
        }
        try await add(past, professional: "Marieke Hendriks", attended: false)
        try await add(next, staff: "samira@koffiepot.test", attended: false)
        try await add(next, professional: "Fatma Aydın", attended: false)
    }
}
