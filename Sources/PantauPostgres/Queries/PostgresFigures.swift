import PantauCore
import PostgresNIO

extension PostgresStore {
    public func years(in scope: Region) async throws -> [Int] {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }

    public func figures(of scope: Region, year: Int) async throws -> RegionFigures {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }

    public func childFigures(of scope: Region, year: Int) async throws -> [RegionFigures] {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }

    public func yearlyFigures(of scope: Region) async throws -> [YearFigures] {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }

    public func districtFigures(year: Int) async throws -> [ProvinceFigures] {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }
}
