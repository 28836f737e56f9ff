/// Kept counts read once per change of the data: the country's counts by kabupaten/kota (the district list, and the
/// country's and a province's figures) cost one scan of the table, which is then reused until anyone writes. The
/// store's change token says when; a read that overlaps a change is dropped at the next question.
public actor TallyCache {
    private var token: String?
    private var entries: [String: Tally] = [:]
    private var order: [String] = []
    /// The regions, which never change: each province with its kabupaten/kota.
    private var provinces: [String: (province: Region, districts: [Region])] = [:]
    private let capacity = 32

    public init() {}

    public func tally(of scope: Region, by level: RegionLevel?, from store: any PantauStore) async throws -> Tally {
        let now = store.changeToken()
        if now != token {
            entries = [:]
            order = []
            token = now
        }
        let key = scope.code + "/" + (level?.rawValue ?? "")
        if let hit = entries[key] { return hit }
        let read = try await store.tally(of: scope, by: level)
        if token == now {
            entries[key] = read
            order.append(key)
            if order.count > capacity { entries[order.removeFirst()] = nil }
        }
        return read
    }

    /// Every province with koperasi in `year`, with its kabupaten/kota, from the country's counts by kabupaten/kota.
    public func districtFigures(_ national: Tally, year: Int, from store: any PantauStore) async throws -> [ProvinceFigures] {
        for code in national.provinceCodes where provinces[code] == nil {
            if let province = try await store.region(code: code) { provinces[code] = (province, try await store.children(of: code)) }
        }
        let known = provinces
        return national.districtFigures(year: year) { known[$0] }
    }
}
