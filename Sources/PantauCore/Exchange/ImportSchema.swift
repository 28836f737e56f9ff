import Foundation

/// What can be imported and exported.
public enum ImportKind: String, Sendable, CaseIterable {
    case koperasi, umkm, pelatihan, target
}

/// The columns of each kind: the canonical name (what export writes) and the other names offices use for it.
/// Names are compared without case, spaces, underscores or punctuation ("Jumlah Anggota" = "jumlah_anggota").
public enum ImportSchema {
    package struct Column {
        package let name: String
        let aliases: [String]
        package let required: Bool
    }

    package static let region = Column(name: "kode_wilayah", aliases: ["wilayah", "kodewilayah", "kode", "kodekecamatan", "kecamatan",
                                                                "kabupaten", "kabupatenkota", "region", "regioncode"], required: true)

    package static func columns(_ kind: ImportKind) -> [Column] {
        switch kind {
        case .koperasi: [
            Column(name: "nik", aliases: ["nomorindukkoperasi", "noindukkoperasi", "nomorinduk"], required: true),
            Column(name: "nama", aliases: ["namakoperasi", "koperasi", "name"], required: true),
            region,
            Column(name: "jenis", aliases: ["jeniskoperasi", "type", "bentukkoperasi"], required: true),
            Column(name: "sektor", aliases: ["sektorusaha", "bidangusaha", "sector"], required: false),
            Column(name: "kemitraan", aliases: ["mitra", "partnership", "bermitra"], required: false),
            Column(name: "jumlah_anggota", aliases: ["anggota", "members"], required: false),
            Column(name: "tahun_berdiri", aliases: ["berdiri", "tahunpendirian", "founded"], required: false),
            Column(name: "tahun_rat_terakhir", aliases: ["ratterakhir", "lastrat"], required: false),
            Column(name: "riwayat_rat", aliases: ["tahunrat", "rathistory"], required: false),
            Column(name: "kesehatan", aliases: ["predikatkesehatan", "health"], required: false),
            Column(name: "hasil_evaluasi", aliases: ["evaluasi", "evaluation"], required: false),
        ]
        case .umkm: [
            Column(name: "nib", aliases: ["nomorindukberusaha"], required: false),
            Column(name: "nama_usaha", aliases: ["namausaha", "usaha", "nama", "businessname", "name"], required: true),
            region,
            Column(name: "sektor", aliases: ["sektorusaha", "bidangusaha", "sector"], required: false),
            Column(name: "tahun_binaan", aliases: ["binaansejak", "tahunmasuk", "yearjoined"], required: true),
        ]
        case .pelatihan: [
            Column(name: "nama", aliases: ["namapelatihan", "pelatihan", "kegiatan", "name"], required: true),
            Column(name: "angkatan", aliases: ["batch"], required: true),
            Column(name: "tanggal_mulai", aliases: ["mulai", "tanggal", "start", "startdate"], required: false),
            Column(name: "tanggal_selesai", aliases: ["selesai", "end", "enddate"], required: false),
            Column(name: "tempat", aliases: ["lokasi", "place", "venue"], required: false),
            region,
            Column(name: "jumlah_koperasi", aliases: ["koperasi"], required: false),
            Column(name: "jumlah_peserta", aliases: ["peserta", "participants"], required: false),
            Column(name: "topik", aliases: ["materi", "topic"], required: false),
            Column(name: "sumber_dana", aliases: ["dana", "funding"], required: false),
        ]
        case .target: [
            Column(name: "kode_wilayah", aliases: ["wilayah", "kodewilayah", "region"], required: false),
            Column(name: "indikator", aliases: ["indicator"], required: true),
            Column(name: "nilai", aliases: ["target", "value"], required: true),
            Column(name: "tahun", aliases: ["year"], required: false),
            Column(name: "sumber", aliases: ["source"], required: true),
        ]
        }
    }

    /// A header name in comparable form.
    package static func key(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(String.init).joined()
    }

    /// Where each canonical column is in a file's header.
    package struct HeaderMap {
        package init() {}

        package var index: [String: Int] = [:]
        /// `aktif_2023`-style columns of a koperasi file: (column index, year).
        package var statusYears: [(Int, Int)] = []
        /// A numbering column (`No`, `No.`, `Nomor`): the row's place in the office's list, not a field.
        package var numbering: [Int] = []
        package var unknown: [String] = []
        package var missing: [String] = []

        /// How many of the file's columns feed a field: the header row is the one with the most.
        package var matched: Int { index.count + statusYears.count }

        /// The columns whose cells are read, in order.
        package var read: [Int] = []

        /// The field a column feeds (`nik`, `aktif_2023`), if any.
        package func field(at column: Int) -> String? {
            if let (name, _) = index.first(where: { $0.value == column }) { return name }
            return statusYears.first { $0.0 == column }.map { "aktif_\($0.1)" }
        }
    }

    package static let numberingKeys: Set<String> = ["no", "nomor", "nourut", "nomorurut", "number"]

    package static func map(header: [String], kind: ImportKind) -> HeaderMap {
        var map = HeaderMap()
        let columns = columns(kind)
        // Each canonical name in comparable form once, not once per cell: a header may have thousands of cells.
        let names = columns.map { key($0.name) }
        for (i, raw) in header.enumerated() {
            let k = key(raw.replacingOccurrences(of: "\u{FEFF}", with: ""))
            if k.isEmpty { continue }
            if let column = zip(columns, names).first(where: { $1 == k || $0.aliases.contains(k) })?.0, map.index[column.name] == nil {
                map.index[column.name] = i
            } else if kind == .koperasi, let year = statusYear(k) {
                map.statusYears.append((i, year))
            } else if numberingKeys.contains(k) {
                map.numbering.append(i)
            } else {
                map.unknown.append(raw)
            }
        }
        map.read = (Array(map.index.values) + map.statusYears.map(\.0)).sorted()
        map.missing = columns.filter { $0.required && map.index[$0.name] == nil }.map(\.name)
        return map
    }

    /// `aktif2023`, `active2023`, `statusaktif2023`, `status2023` → 2023.
    package static func statusYear(_ key: String) -> Int? {
        for prefix in ["statusaktif", "aktif", "active", "status"] where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            if rest.count == 4, let year = Int(rest) { return year }
        }
        return nil
    }

    /// The canonical header a file should have, for `pantau import --template`.
    public static func template(_ kind: ImportKind, years: [Int]) -> [String] {
        columns(kind).map(\.name) + (kind == .koperasi ? years.map { "aktif_\($0)" } : [])
    }
}
