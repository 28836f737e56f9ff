import PantauCore
import PostgresNIO

extension PostgresStore {
    public func koperasiRows(at regionCode: String, year: Int) async throws -> [KoperasiRow] {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }

    public func evaluationProgress(of scope: Region, year: Int) async throws -> EvaluationProgress {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }

    public func healthCounts(of scope: Region) async throws -> [Kesehatan: Int] {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }

    public func target(_ indicator: Indicator, for region: Region) async throws -> Target? {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }

    public func targets(of scope: Region) async throws -> [Target] {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }

    public func trainingBatches(for scope: Region) async throws -> [Pelatihan] {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }

    public func koperasiDetail(nik: String) async throws -> KoperasiDetail {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }

    public func auditLog(nik: String?, since: String?) async throws -> [AuditEntry] {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }
}
