/// The tables `pantau copy` moves between stores, in the columns both stores share: what a record is, not how a
/// store numbers or indexes it (no row ids, no derived prov/kab/kec columns). Each table's key is how the office
/// tells its records apart, so a record is the same record on every store.
public enum CopyTable: String, Sendable, CaseIterable {
    case koperasi, koperasiStatus = "koperasi_status", koperasiRAT = "koperasi_rat", evaluation, umkm, pelatihan, target, audit

    public var columns: [String] {
        switch self {
        case .koperasi: ["nik", "nama", "region_code", "jenis", "sektor", "kemitraan", "anggota", "tahun_berdiri", "kesehatan"]
        case .koperasiStatus: ["nik", "year", "active"]
        case .koperasiRAT: ["nik", "year", "held_on"]
        // A koperasi's evaluations in the order they were made.
        case .evaluation: ["nik", "outcome", "note", "at", "who"]
        // The UMKM's key: its NIB, else its name and region.
        case .umkm: ["nib", "nama_usaha", "region_code", "sektor", "tahun_binaan"]
        case .pelatihan: ["nama", "angkatan", "tanggal_mulai", "tanggal_selesai", "tempat", "region_code", "jumlah_koperasi", "jumlah_peserta",
                          "topik", "sumber_dana"]
        case .target: ["region_code", "indicator", "value", "year", "source"]
        // Where an entry first came from (copied_from, origin_id: nil for the store's own entries, then `id` is its origin).
        case .audit: ["id", "at", "who", "entity", "record", "field", "old_value", "new_value", "note", "copied_from", "origin_id"]
        }
    }

    /// How many leading columns make the key (evaluations are keyed by their koperasi as a whole list; an UMKM
    /// see key(of:)).
    var keyWidth: Int {
        switch self {
        case .koperasiStatus, .koperasiRAT, .pelatihan, .target: 2
        default: 1
        }
    }

    /// The key of a row. An UMKM without NIB is keyed by its name and region.
    func key(of row: [String?]) -> [String?] {
        switch self {
        case .umkm: row[0] != nil ? [row[0]] : [nil, row[1], row[2]]
        default: Array(row.prefix(keyWidth))
        }
    }

    /// The tables of records in the order their references need when rows go in (koperasi before their status).
    public static let loadOrder: [CopyTable] = [.koperasi, .koperasiStatus, .koperasiRAT, .evaluation, .umkm, .pelatihan, .target]
    /// Every table in the order a copy writes it: the records, then their history.
    public static let writeOrder = loadOrder + [.audit]
}

/// Everything a store keeps inside a region, as rows of the shared tables: what `pantau copy` reads on one side and
/// mirrors on the other.
public struct OfficeCopy: Sendable {
    /// The region copied (the whole country for everything).
    public var scope: Region
    /// The store the rows were read from, as the audit entries copied from it will name it.
    public var source: String
    public var rows: [CopyTable: [[String?]]]

    public init(scope: Region, source: String, rows: [CopyTable: [[String?]]]) {
        self.scope = scope; self.source = source; self.rows = rows
    }
}

/// What a copy changes on the receiving store, table by table; empty when both sides already agree.
public struct CopyPlan: Sendable, Equatable {
    public struct Changes: Sendable, Equatable {
        /// Rows to write, whole: new ones, and those whose key is already there with other values.
        public var upserts: [[String?]] = []
        /// The receiving store's rows (whole) whose key the source does not have.
        public var deletes: [[String?]] = []
        public var added = 0
        public var changed = 0

        public var isEmpty: Bool { upserts.isEmpty && deletes.isEmpty }
    }

    public var changes: [CopyTable: Changes] = [:]
    /// Koperasi whose list of evaluations differs: their evaluations are replaced by the source's, in its order.
    public var evaluationsOf: [String] = []
    /// Audit entries of the source that the receiving store lacks, with `copied_from` and `origin_id` set.
    public var auditEntries: [[String?]] = []

    public var isEmpty: Bool { changes.values.allSatisfy(\.isEmpty) && evaluationsOf.isEmpty && auditEntries.isEmpty }

    public func changes(_ table: CopyTable) -> Changes { changes[table] ?? Changes() }

    /// The rows a store writes into `table`, in order: the upserts; for evaluations, the copy's whole lists of the
    /// koperasi in `evaluationsOf`; for the audit trail, the entries it lacks.
    public func writes(_ table: CopyTable, of copy: OfficeCopy) -> [[String?]] {
        switch table {
        case .evaluation:
            let replaced = Set(evaluationsOf)
            return (copy.rows[.evaluation] ?? []).filter { replaced.contains($0[0] ?? "") }
        case .audit: return auditEntries
        default: return changes(table).upserts
        }
    }

    /// What makes `target` (the receiving store's rows in the same region, its own name `targetName`) equal to
    /// `source`. Audit entries are never removed or changed: those the receiving store lacks are added, and entries
    /// that first came from the receiving store itself are not brought back to it.
    public init(from source: OfficeCopy, to target: OfficeCopy, targetName: String) {
        for table in CopyTable.loadOrder where table != .evaluation {
            changes[table] = Self.diff(table, source.rows[table] ?? [], target.rows[table] ?? [])
        }
        let sourceLists = Dictionary(grouping: source.rows[.evaluation] ?? [], by: { $0[0] ?? "" })
        let targetLists = Dictionary(grouping: target.rows[.evaluation] ?? [], by: { $0[0] ?? "" })
        evaluationsOf = Set(sourceLists.keys).union(targetLists.keys).filter { sourceLists[$0] != targetLists[$0] }.sorted()
        let present = Set((target.rows[.audit] ?? []).map { Origin(of: $0, store: targetName) })
        auditEntries = (source.rows[.audit] ?? []).compactMap { entry in
            let origin = Origin(of: entry, store: source.source)
            guard origin.store != targetName, !present.contains(origin) else { return nil }
            var copied = entry
            copied[9] = origin.store
            copied[10] = origin.id
            return copied
        }
    }

    /// Where an audit entry first came from: the store that wrote it (`store`, which holds it, unless it was copied
    /// there) and its id in that store.
    private struct Origin: Hashable {
        let store: String, id: String?
        init(of entry: [String?], store: String) { self.store = entry[9] ?? store; self.id = entry[10] ?? entry[0] }
    }

    private static func diff(_ table: CopyTable, _ source: [[String?]], _ target: [[String?]]) -> Changes {
        var changes = Changes()
        var existing: [[String?]: [String?]] = [:]
        for row in target { existing[table.key(of: row)] = row }
        var seen = Set<[String?]>()
        for row in source {
            let key = table.key(of: row)
            seen.insert(key)
            guard let old = existing[key] else {
                changes.upserts.append(row)
                changes.added += 1
                continue
            }
            if old != row {
                changes.upserts.append(row)
                changes.changed += 1
            }
        }
        changes.deletes = target.filter { !seen.contains(table.key(of: $0)) }
        return changes
    }
}

extension CopyTable {
    /// The stored table's columns for a copied row: the shared ones, and for koperasi the region code's parts (prov,
    /// kab, kec), which both stores keep as columns of their own.
    package var storedColumns: [String] {
        switch self {
        case .koperasi: columns + ["prov", "kab", "kec"]
        case .audit: Array(columns.dropFirst())
        default: columns
        }
    }

    /// A copied row as `storedColumns` has it (an audit entry without its id: the receiving store numbers it).
    package func storedRow(_ row: [String?]) -> [String?] {
        switch self {
        case .koperasi:
            let h = Region.hierarchy(of: row[2] ?? "")
            return row + [h.provinsi, h.kabupaten, h.kecamatan]
        case .audit: return Array(row.dropFirst())
        default: return row
        }
    }

    /// What an INSERT of a stored row adds so that a row already there under the same unique key takes the new
    /// values (SQLite and PostgreSQL spell it alike); empty for tables without one.
    package var onConflictUpdate: String {
        guard let key = conflictKey else { return "" }
        return " ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET "
            + storedColumns.filter { !key.contains($0) }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    }

    /// The columns of the unique key a write of this table conflicts on (nil for UMKM, which are deleted by key
    /// and added again, and for evaluations, which are replaced per koperasi).
    package var conflictKey: [String]? {
        switch self {
        case .koperasi: ["nik"]
        case .koperasiStatus, .koperasiRAT: ["nik", "year"]
        case .pelatihan: ["nama", "angkatan"]
        case .target: ["region_code", "indicator"]
        case .umkm, .evaluation, .audit: nil
        }
    }
}

extension CopyPlan {
    /// One line a table of what the copy changed, and the audit entries it brought.
    public func lines(_ lang: Language) -> [String] {
        let en = lang == .en
        let names: [CopyTable: String] = [.koperasi: "koperasi", .koperasiStatus: en ? "yearly status" : "status tahunan",
                                          .koperasiRAT: "RAT", .umkm: "UMKM", .pelatihan: en ? "training batches" : "pelatihan",
                                          .target: "target"]
        var lines = CopyTable.loadOrder.compactMap { table -> String? in
            guard let name = names[table] else { return nil }
            let c = changes(table)
            return en ? "  \(name): \(NumberFormat.integer(c.added)) added, \(NumberFormat.integer(c.changed)) changed, \(NumberFormat.integer(c.deletes.count)) removed"
                      : "  \(name): \(NumberFormat.integer(c.added)) ditambah, \(NumberFormat.integer(c.changed)) diubah, \(NumberFormat.integer(c.deletes.count)) dihapus"
        }
        lines.append(en ? "  evaluations replaced for \(NumberFormat.integer(evaluationsOf.count)) koperasi"
                        : "  evaluasi diganti untuk \(NumberFormat.integer(evaluationsOf.count)) koperasi")
        lines.append(en ? "  audit history: \(NumberFormat.integer(auditEntries.count)) entries added"
                        : "  riwayat audit: \(NumberFormat.integer(auditEntries.count)) entri ditambah")
        return lines
    }

    /// The note of the copy's own audit entry: the counts in one line.
    public var note: String {
        var parts = CopyTable.loadOrder.compactMap { table -> String? in
            let c = changes(table)
            return c.isEmpty ? nil : "\(table.rawValue) +\(c.added) ~\(c.changed) -\(c.deletes.count)"
        }
        if !evaluationsOf.isEmpty { parts.append("evaluation \(evaluationsOf.count)") }
        if !auditEntries.isEmpty { parts.append("audit +\(auditEntries.count)") }
        return parts.joined(separator: ", ")
    }
}
