import PantauCore
import PostgresNIO

extension PostgresStore {
    public func recordRAT(nik: String, year: Int, heldOn date: String?, note: String, who: String) async throws {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }

    public func evaluate(nik: String, outcome: EvaluationOutcome, note: String, who: String) async throws {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }

    public func editKoperasi(nik: String, members: Int?, health: Kesehatan?, clearHealth: Bool, note: String, who: String) async throws {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }
}
