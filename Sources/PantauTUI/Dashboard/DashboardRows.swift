import Foundation
import PantauCore

/// A line of the district list: a province, or a kabupaten/kota under it.
public struct DistrictRow: Sendable, Equatable {
    public var figures: RegionFigures
    public var isProvince: Bool
}

/// The rows each list shows after its filter and sort. `update` and the view both read them,
/// so a selection index always means the same row.
extension DashboardState {
    public var districtRows: [DistrictRow] {
        guard let data else { return [] }
        var rows: [DistrictRow] = []
        for group in data.districts {
            let provinceMatches = matches(group.province.region.name, districts.filter)
            let kabupaten = sortRegions(group.districts.filter { provinceMatches || matches($0.region.name, districts.filter) }, districts)
            guard provinceMatches || !kabupaten.isEmpty else { continue }
            rows.append(DistrictRow(figures: group.province, isProvince: true))
            rows += kabupaten.map { DistrictRow(figures: $0, isProvince: false) }
        }
        return rows
    }

    /// The regions inside the open scope, including a row for records without a kecamatan.
    public var mainRegionRows: [RegionFigures] {
        guard let data, !showsKoperasi else { return [] }
        return sortRegions(data.children.filter { matches($0.region.name, main.filter) }, main)
    }

    public var mainKoperasiRows: [KoperasiRow] {
        guard let data, showsKoperasi else { return [] }
        let stale = data.year - data.staleRATYears
        let rows = data.koperasi.filter { k in
            guard matches(k.nama, main.filter) || k.nik.hasPrefix(main.filter) else { return false }
            switch main.status {
            case 1: return k.active == true
            case 2: return k.active == false
            case 3: return k.active == false && k.evaluation == nil
            case 4: return (k.lastRAT ?? 0) <= stale
            default: return true
            }
        }
        let sorted: [KoperasiRow]
        switch main.sort {
        case 1: sorted = rows.sorted { $0.nik < $1.nik }
        case 2: sorted = rows.sorted { ($0.jenis, $0.nama) < ($1.jenis, $1.nama) }
        case 3: sorted = rows.sorted { ($0.active == true ? 0 : 1, $0.nama) < ($1.active == true ? 0 : 1, $1.nama) }
        case 4: sorted = rows.sorted { ($0.lastRAT ?? 0, $1.nama) > ($1.lastRAT ?? 0, $0.nama) }
        case 5: sorted = rows.sorted { ($0.anggota ?? 0, $1.nama) > ($1.anggota ?? 0, $0.nama) }
        case 6: sorted = rows.sorted { ($0.evaluation ?? "~", $0.nama) < ($1.evaluation ?? "~", $1.nama) }
        default: sorted = rows
        }
        return main.descending ? sorted.reversed() : sorted
    }

    /// The ratio chart: regions with koperasi, best active ratio first.
    public var ratioRows: [RegionFigures] {
        guard let data else { return [] }
        return data.ratioRegions.filter { $0.koperasiTotal > 0 }
            .sorted { ($0.activeRatio, $1.region.name) > ($1.activeRatio, $0.region.name) }
    }

    /// How many rows the list in `pane` has now.
    public func rowCount(_ pane: Pane) -> Int {
        switch pane {
        case .districts: districtRows.count
        case .main: showsKoperasi ? mainKoperasiRows.count : mainRegionRows.count
        case .ratio: ratioRows.count
        }
    }

    /// Sort keys of the main list, by kind.
    public static let regionSortCount = 5
    public static let koperasiSortCount = 7

    private func matches(_ name: String, _ filter: String) -> Bool {
        filter.isEmpty || name.range(of: filter, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    private func sortRegions(_ rows: [RegionFigures], _ list: ListState) -> [RegionFigures] {
        let sorted: [RegionFigures]
        switch list.sort {
        case 1: sorted = rows.sorted { $0.region.name < $1.region.name }
        case 2: sorted = rows.sorted { ($0.koperasiTotal, $1.region.code) > ($1.koperasiTotal, $0.region.code) }
        case 3: sorted = rows.sorted { ($0.koperasiActive, $1.region.code) > ($1.koperasiActive, $0.region.code) }
        case 4: sorted = rows.sorted { ($0.activeRatio, $1.region.code) > ($1.activeRatio, $0.region.code) }
        default: sorted = rows
        }
        return list.descending ? sorted.reversed() : sorted
    }
}
