/// The administrative levels Pantau knows, from the whole country down to kecamatan.
public enum RegionLevel: String, Sendable, Codable, CaseIterable {
    case nasional, provinsi, kabupaten, kecamatan

    /// The level whose rows a report on this level lists.
    public var childLevel: RegionLevel? {
        switch self {
        case .nasional: .provinsi
        case .provinsi: .kabupaten
        case .kabupaten: .kecamatan
        case .kecamatan: nil
        }
    }

    /// Derives the level from the shape of a Kemendagri code: `64`, `64.08`, `64.08.03`.
    public init?(code: String) {
        switch code.split(separator: ".", omittingEmptySubsequences: false).count {
        case _ where code.isEmpty: self = .nasional
        case 1: self = .provinsi
        case 2: self = .kabupaten
        case 3: self = .kecamatan
        default: return nil
        }
    }
}

/// A region keyed by its Kemendagri code. The whole country is the region with the empty code.
public struct Region: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var level: RegionLevel

    public init(code: String, name: String, level: RegionLevel) {
        self.code = code
        self.name = name
        self.level = level
    }

    public static let indonesia = Region(code: "", name: "Indonesia", level: .nasional)

    /// The code of the enclosing region (`64.08.03` → `64.08`, `64` → the country).
    public var parentCode: String? {
        guard !code.isEmpty else { return nil }
        guard let dot = code.lastIndex(of: ".") else { return "" }
        return String(code[..<dot])
    }

    /// The name without the "Kabupaten"/"Kota" prefix, as people say it ("Kutai Timur").
    public var shortName: String {
        for prefix in ["Kabupaten ", "Kota Administrasi "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }

    /// Splits a code into the province, kabupaten and kecamatan codes it lies in (`64.08.03` → `64`, `64.08`, `64.08.03`).
    /// Kemendagri codes have fixed widths, so prefixes are enough; this runs for every imported row.
    public static func hierarchy(of code: String) -> (provinsi: String, kabupaten: String?, kecamatan: String?) {
        let n = code.utf8.count
        return (String(code.prefix(2)), n >= 5 ? String(code.prefix(5)) : nil, n >= 8 ? String(code.prefix(8)) : nil)
    }
}

extension RegionLevel {
    /// The column of the koperasi and UMKM tables that holds the code of a region of this level (both stores name
    /// them alike); nil for the whole country.
    package var column: String? {
        switch self {
        case .nasional: nil
        case .provinsi: "prov"
        case .kabupaten: "kab"
        case .kecamatan: "kec"
        }
    }
}
